// Typed wrappers over libxml2 globals that Swift 6 cannot touch directly.
#ifndef SOVEREIGNTY_CLIBXML2_SHIM_H
#define SOVEREIGNTY_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; its ICU headers clash with Foundation's own copy, and we never use
// libxml2's ICU converters, so the headers are read as if ICU were off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/// `xmlFree` is a global function pointer; call it through a function.
static inline void sov_xml_free(void *pointer) {
    xmlFree(pointer);
}

/// True when libxml2 can decode `name`; the handler it opens for the check is closed again.
static inline int sov_xml_knows_encoding(const char *name) {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name);
    if (handler == NULL) return 0;
    xmlCharEncCloseFunc(handler);
    return 1;
}

/// The version of the libxml2 the program runs with, as libxml2 writes it ("20914" for 2.9.14).
static inline const char *sov_xml_runtime_version(void) {
    return xmlParserVersion;
}
#endif
