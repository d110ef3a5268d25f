internal import CCurl

/// libcurl's process-wide set-up, done once before any thread uses it.
enum CurlGlobal {
    private static let initialised: Bool = {
        sov_ignore_sigpipe()
        return curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    }()

    static func ensureInitialised() {
        _ = initialised
    }
}
