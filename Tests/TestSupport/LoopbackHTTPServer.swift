import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small keep-alive HTTP/1.1 server on 127.0.0.1 (never another address), on threads of its own.
///
/// Why not a server on Swift concurrency: tests run in parallel on the cooperative pool, which has one thread per
/// core, and some of them block it (a browser, `pdftotext`, long extractions). A server scheduled on that pool then
/// stops answering, libcurl times out and retries, and a route that answers differently the second time gives the
/// wrong page. Here every connection has its own thread, so the server answers whatever the pool is doing.
public final class LoopbackHTTPServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        /// The path, without the query.
        public var path: String
        /// Header values by lower-case name.
        public var headers: [String: String]
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: Data

        public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        public init(status: Int, contentType: String, body: Data, headers: [(name: String, value: String)] = []) {
            self.init(status: status, headers: [("Content-Type", contentType)] + headers, body: body)
        }
    }

    public let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (Request) -> Response
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var stopped = false

    /// Listens at once; `handler` runs on the connection's thread, one request at a time per connection.
    /// - Parameter address: the loopback address to listen on (127.0.0.0/8), for benchmarks that need several hosts.
    public init(backlog: Int32 = 128, address: String = "127.0.0.1", handler: @escaping @Sendable (Request) -> Response) throws {
        guard let (listener, port) = LoopbackListener.open(backlog: backlog, address: address) else { throw LoopbackHTTPServerError.cannotListen }
        self.listener = listener
        self.port = port
        self.address = address
        self.handler = handler
        Thread { [self] in acceptLoop() }.start()
    }

    public let address: String

    public var baseURL: String { "http://\(address):\(port)" }

    /// Stops listening and hangs up every open connection, so that no thread outlives the test.
    public func stop() {
        lock.lock()
        stopped = true
        let open = connections
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for connection in open { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            lock.lock()
            let accepted = !stopped
            if accepted { connections.insert(connection) }
            lock.unlock()
            guard accepted else {
                close(connection)
                return
            }
            Thread { [self] in
                serve(connection)
                lock.lock()
                connections.remove(connection)
                lock.unlock()
                close(connection)
            }.start()
        }
    }

    private func serve(_ connection: Int32) {
        var one: Int32 = 1
        setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var reader = RequestReader(connection: connection)
        while let request = reader.next() {
            let response = handler(request)
            guard Self.send(Self.encode(response), on: connection) else { return }
            if request.headers["connection"]?.lowercased() == "close" { return }
        }
    }

    static func encode(_ response: Response) -> Data {
        var head = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        for header in response.headers { head += "\(header.name): \(header.value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\n\r\n"
        var data = Data(head.utf8)
        if response.status != 304 { data.append(response.body) }
        return data
    }

    /// Writes all of `data`; false when the client has gone.
    private static func send(_ data: Data, on connection: Int32) -> Bool {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let sent = Glibc.send(connection, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// Reads request heads off one connection; a request body, if any, is read and dropped.
private struct RequestReader {
    let connection: Int32
    private var pending = Data()
    private static let endOfHead = Data("\r\n\r\n".utf8)

    init(connection: Int32) { self.connection = connection }

    /// The next request, or nil when the client hangs up or sends something that is not HTTP.
    mutating func next() -> LoopbackHTTPServer.Request? {
        var end = pending.range(of: Self.endOfHead)
        while end == nil {
            guard pending.count < 65_536, receive() else { return nil }
            end = pending.range(of: Self.endOfHead)
        }
        let head = String(decoding: pending[pending.startIndex..<end!.lowerBound], as: UTF8.self)
        pending = Data(pending[end!.upperBound...])
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var bodyLength = Int(headers["content-length"] ?? "0") ?? 0
        while bodyLength > 0 {
            if pending.isEmpty, !receive() { return nil }
            let dropped = min(bodyLength, pending.count)
            pending.removeFirst(dropped)
            bodyLength -= dropped
        }
        let target = String(parts[1])
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        return LoopbackHTTPServer.Request(method: String(parts[0]), path: path, headers: headers)
    }

    private mutating func receive() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            pending.append(contentsOf: buffer[0..<count])
            return true
        }
    }
}

enum LoopbackHTTPServerError: Error {
    case cannotListen
}
