internal import CCurl

/// The libcurl the fetcher runs with and what it was built with (TLS library, zlib, IDN…), for `--version`.
public enum LibCurlVersion {
    public static var text: String { String(cString: curl_version()) }
}
