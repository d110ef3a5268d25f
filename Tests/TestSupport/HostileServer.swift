import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately broken HTTP server on 127.0.0.1 (never another address), written on raw sockets so that it can
/// misbehave in ways a proper server library will not: drip bytes, stall, reset, lie about lengths, send a gzip bomb.
///
/// Paths: `/drip` (one byte a second), `/stall` (headers, then nothing), `/reset` (connection reset),
/// `/short` (Content-Length longer than the body), `/bomb` (50 MB of zeros gzipped), `/garbage` (binary as text/html),
/// `/empty` (200 with no body), `/huge` (a 200 MB body), `/big-header` (a 1 MB header line). Every connection ends by itself within `maximumSeconds`.
public final class HostileServer: @unchecked Sendable {
    public let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private let maximumSeconds: Double

    public init(maximumSeconds: Double = 15) throws {
        self.maximumSeconds = maximumSeconds
        guard let (listener, port) = LoopbackListener.open(backlog: 16) else { throw HostileServerError.cannotListen }
        self.listener = listener
        self.port = port
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        while !isStopped {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(connection, &buffer, buffer.count, 0)
        guard count > 0 else { return }
        let request = String(decoding: buffer[0..<count], as: UTF8.self)
        let path = request.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        let deadline = Date().addingTimeInterval(maximumSeconds)
        func send(_ text: String) { _ = text.withCString { Glibc.send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        func send(_ data: Data) { _ = data.withUnsafeBytes { Glibc.send(connection, $0.baseAddress, data.count, Int32(MSG_NOSIGNAL)) } }
        switch path {
        case "/drip":
            send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
            while Date() < deadline && !isStopped {
                send("<")
                sleep(1)
            }
        case "/stall":
            send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n")
            while Date() < deadline && !isStopped { usleep(100_000) }
        case "/reset":
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        case "/short":
            send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<p>Le site")
        case "/bomb":
            let body = (try? Data(contentsOf: Fixtures.directory.appendingPathComponent("bomb.html.gz"))) ?? Data()
            send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: \(body.count)\r\n\r\n")
            send(body)
        case "/garbage":
            var generator = SystemRandomNumberGenerator()
            let body = Data((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
            send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: \(body.count)\r\n\r\n")
            send(body)
        case "/huge":
            // 200 MB announced and sent in 1 MB pieces, until the client hangs up.
            let piece = Data(repeating: 0x41, count: 1_000_000)
            send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 200000000\r\n\r\n")
            for _ in 0..<200 where Date() < deadline && !isStopped {
                let sent = piece.withUnsafeBytes { Glibc.send(connection, $0.baseAddress, piece.count, Int32(MSG_NOSIGNAL)) }
                if sent <= 0 { break }
            }
        case "/big-header":
            // One header line of 1 MB.
            send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Filler: " + String(repeating: "a", count: 1_000_000) + "\r\nContent-Length: 8\r\n\r\n<p>x</p>")
        case "/empty":
            send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n")
        default:
            send("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        }
    }
}

enum HostileServerError: Error {
    case cannotListen
}
