// Typed wrappers over libcurl's variadic setopt/getinfo, which Swift cannot call directly.
#ifndef SOVEREIGNTY_CCURL_SHIM_H
#define SOVEREIGNTY_CCURL_SHIM_H
#include <curl/curl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

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
static inline CURLcode sov_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
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
typedef curl_socket_t (*sov_curl_opensocket_callback)(void *context, curlsocktype purpose, struct curl_sockaddr *address);

static inline CURLcode sov_easy_setopt_opensocket(CURL *handle, sov_curl_opensocket_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}

/// Copies the IP address curl is about to connect to into `out` (4 or 16 bytes); returns the count, 0 if neither.
static inline int sov_sockaddr_bytes(const struct curl_sockaddr *address, unsigned char *out) {
    if (address->family == AF_INET) {
        const struct sockaddr_in *in4 = (const struct sockaddr_in *)&address->addr;
        memcpy(out, &in4->sin_addr, 4);
        return 4;
    }
    if (address->family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&address->addr;
        memcpy(out, &in6->sin6_addr, 16);
        return 16;
    }
    return 0;
}

/// The socket curl would have opened itself.
static inline curl_socket_t sov_open_socket(const struct curl_sockaddr *address) {
    return socket(address->family, address->socktype, address->protocol);
}

static inline curl_socket_t sov_bad_socket(void) { return CURL_SOCKET_BAD; }

/// A write to a peer that has gone must not kill the batch.
static inline void sov_ignore_sigpipe(void) {
    signal(SIGPIPE, SIG_IGN);
}
#endif
