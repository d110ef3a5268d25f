import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// The benchmark's site on 127.0.0.1: every path answers the same page after `latency`, with an ETag so that a
/// second crawl can be answered 304. The server writes each response in one piece with TCP_NODELAY, so that the
/// figures measure the crawler rather than the server (headers and body written apart meet Nagle's algorithm and
/// delayed ACKs, and add up to 40 ms a response).
enum LatencyServer {
    static func start(latencyMilliseconds: Int, page: Data) throws -> LoopbackHTTPServer {
        let latency = useconds_t(latencyMilliseconds * 1000)
        return try LoopbackHTTPServer(backlog: 512) { request in
            let tag = "\"\(request.path)\""
            usleep(latency)
            guard request.headers["if-none-match"] != tag else { return .init(status: 304, headers: [("ETag", tag)]) }
            return .init(status: 200, contentType: "text/html; charset=utf-8", body: page, headers: [("ETag", tag)])
        }
    }
}
