import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// A keep-alive HTTP server on 127.0.0.1 for the benchmark: each response after `latency`, written in one piece with
/// TCP_NODELAY, so that the figures measure the crawler rather than the server (a server that writes headers and body
/// separately meets Nagle's algorithm and delayed ACKs, and adds up to 40 ms a response).
final class LatencyServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let latency: useconds_t
    private let page: Data

    init(latencyMilliseconds: Int, page: Data) throws {
        self.latency = useconds_t(latencyMilliseconds * 1000)
        self.page = page
        guard let (listener, port) = LoopbackListener.open(backlog: 512) else { fatalError("cannot listen on 127.0.0.1") }
        self.listener = listener
        self.port = port
        Thread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                Thread { [self] in serve(connection) }.start()
            }
        }.start()
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var one: Int32 = 1
        setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            while pending.range(of: Data("\r\n\r\n".utf8)) == nil {
                let count = recv(connection, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                pending.append(contentsOf: buffer[0..<count])
            }
            let end = pending.range(of: Data("\r\n\r\n".utf8))!
            let request = String(decoding: pending[pending.startIndex..<end.lowerBound], as: UTF8.self)
            pending = Data(pending[end.upperBound...])
            let path = request.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
            let tag = "\"\(path)\""
            let conditional = request.lowercased().contains("if-none-match: \(tag.lowercased())")
            usleep(latency)
            var response = Data(
                (conditional
                    ? "HTTP/1.1 304 Not Modified\r\nETag: \(tag)\r\nContent-Length: 0\r\n\r\n"
                    : "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nETag: \(tag)\r\nContent-Length: \(page.count)\r\n\r\n").utf8)
            if !conditional { response.append(page) }
            let sent = response.withUnsafeBytes { send(connection, $0.baseAddress, response.count, Int32(MSG_NOSIGNAL)) }
            guard sent == response.count else { return }
        }
    }
}
