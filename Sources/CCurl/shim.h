// Typed wrappers over libcurl's variadic setopt/getinfo, which Swift cannot call directly.
#ifndef SOVEREIGNTY_CCURL_SHIM_H
#define SOVEREIGNTY_CCURL_SHIM_H
#include <curl/curl.h>
#include <signal.h>

typedef size_t (*sov_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

static inline CURLcode sov_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode sov_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode sov_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode sov_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode sov_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode sov_easy_setopt_data_callback(CURL *handle, CURLoption option, sov_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}
static inline CURLcode sov_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode sov_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode sov_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLMcode sov_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}
/// The result of a finished transfer, read from the message union.
static inline CURLcode sov_multi_message_result(const CURLMsg *message) {
    return message->data.result;
}
/// A write to a peer that has gone must not kill the batch.
static inline void sov_ignore_sigpipe(void) {
    signal(SIGPIPE, SIG_IGN);
}
#endif
