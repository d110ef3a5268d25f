// zlib for the gzip members of WARC files; deflateInit2/inflateInit2 are macros, wrapped here as functions.
#ifndef SOVEREIGNTY_CZLIB_SHIM_H
#define SOVEREIGNTY_CZLIB_SHIM_H
#include <zlib.h>

/// A deflate stream that writes a gzip member (window 15 + 16).
static inline int sov_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

/// An inflate stream that reads one gzip member.
static inline int sov_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
/// A raw deflate stream (no header): a scorecard compressed against an earlier one set as its dictionary.
static inline int sov_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

/// The raw inflate stream that reads it back.
static inline int sov_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -15);
}
#endif
