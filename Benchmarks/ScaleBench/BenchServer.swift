import Foundation
import TestSupport

/// Serves a `BenchSite` from one `LoopbackHTTPServer` per loopback address (127.0.0.2, 127.0.0.3, …), answering
/// `If-None-Match` with 304, and counts the bytes it sends so that a run's transfer cost can be printed.
final class BenchServer: @unchecked Sendable {
    private let lock = NSLock()
    private var site: BenchSite
    private var sent = 0
    private var servers: [LoopbackHTTPServer] = []

    /// Starts `hostCount` servers; the site's host URLs are those servers'.
    init(platforms: Int, hostCount: Int) throws {
        site = BenchSite(platforms: platforms, hostURLs: [])
        var urls: [String] = []
        for host in 0..<hostCount {
            let server = try LoopbackHTTPServer(backlog: 256, address: "127.0.0.\(2 + host)") { [unowned self] request in
                answer(request)
            }
            servers.append(server)
            urls.append(server.baseURL)
        }
        site = BenchSite(platforms: platforms, hostURLs: urls)
    }

    var current: BenchSite { lock.withLock { site } }

    /// Bytes sent so far (status lines, headers and bodies).
    var bytesSent: Int { lock.withLock { sent } }

    func change(percent: Int) { lock.withLock { site.change(percent: percent) } }

    func stop() { servers.forEach { $0.stop() } }

    private func answer(_ request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Response {
        let site = current
        let response: LoopbackHTTPServer.Response
        if let document = BenchSite.document(path: request.path), document < site.documents {
            let etag = site.etag(of: document)
            if request.headers["if-none-match"] == etag {
                response = .init(status: 304, headers: [("ETag", etag)])
            } else {
                response = .init(status: 200, contentType: "text/html; charset=utf-8", body: site.page(document), headers: [("ETag", etag)])
            }
        } else {
            response = .init(status: 404, contentType: "text/plain", body: Data("not found".utf8))
        }
        let size = Self.size(of: response)
        lock.withLock { sent += size }
        return response
    }

    /// The bytes `LoopbackHTTPServer` writes for a response.
    private static func size(of response: LoopbackHTTPServer.Response) -> Int {
        var head = "HTTP/1.1 \(response.status) Reason\r\n"
        for header in response.headers { head += "\(header.name): \(header.value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\n\r\n"
        return head.utf8.count + (response.status == 304 ? 0 : response.body.count)
    }
}
