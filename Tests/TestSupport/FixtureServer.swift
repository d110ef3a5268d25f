import FlyingFox
import Foundation

/// A real HTTP server on 127.0.0.1 (never another address) serving the fixture pages we wrote.
///
/// Routes: `/pages/NAME` serves `Fixtures/pages/NAME` (`*.latin1.html` as ISO-8859-1), `/redirect/NAME` answers 301
/// to `/pages/NAME`, `/loop` redirects to itself, `/to-file` redirects to a `file://` URL, `/big` sends 3 MB of HTML,
/// and anything else is a 404.
public final class FixtureServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    public let baseURL: String

    private let counter: RequestCounter

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16, counter: RequestCounter) {
        self.server = server
        self.task = task
        self.counter = counter
        self.baseURL = "http://127.0.0.1:\(port)"
    }

    public static func start() async throws -> FixtureServer {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
        await server.appendRoute("GET /pages/*") { request in
            let name = String(request.path.dropFirst("/pages/".count))
            guard !name.contains(".."), let data = FileManager.default.contents(atPath: Fixtures.pages.appendingPathComponent(name).path) else {
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html"], body: Data("<p>Page introuvable</p>".utf8))
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(of: name)], body: data)
        }
        await server.appendRoute("GET /redirect/*") { request in
            let name = String(request.path.dropFirst("/redirect/".count))
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: "/pages/\(name)"])
        }
        let counter = RequestCounter()
        await server.appendRoute("GET /robots.txt") { _ in
            HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/plain"],
                body: Data("# test robots\nUser-agent: *\nDisallow: /private/\nAllow: /private/open.html\n".utf8))
        }
        await server.appendRoute("GET /private/*") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html"], body: Data("<p>Le site est hébergé par OVH SAS.</p>".utf8))
        }
        await server.appendRoute("GET /flaky") { request in
            // 503 with Retry-After: 1 the first time, then the page.
            guard await counter.next(request.path) > 1 else {
                return HTTPResponse(statusCode: .serviceUnavailable, headers: [HTTPHeader("Retry-After"): "1"])
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html"], body: Data("<p>Le site est hébergé par OVH SAS.</p>".utf8))
        }
        await server.appendRoute("GET /good-then-down") { request in
            // The legal page the first time; then the server is down.
            guard await counter.next(request.path) > 1 else {
                return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: (try? Fixtures.page("level-b.html")) ?? Data())
            }
            return HTTPResponse(statusCode: .serviceUnavailable)
        }
        await server.appendRoute("GET /good-then-maintenance") { request in
            // The legal page the first time; then a maintenance page, served with 200.
            guard await counter.next(request.path) > 1 else {
                return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: (try? Fixtures.page("level-b.html")) ?? Data())
            }
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: Data("<html><body><h1>Maintenance en cours</h1><p>Le service revient dans quelques minutes. Merci de votre patience.</p></body></html>".utf8))
        }
        await server.appendRoute("GET /flapping") { request in
            // A page that flaps between two captures: one host on odd requests, another on even ones.
            let page = await counter.next(request.path) % 2 == 1 ? "level-b.html" : "level-d.html"
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: (try? Fixtures.page(page)) ?? Data())
        }
        await server.appendRoute("GET /etag") { request in
            // A page with a validator: a conditional request for it gets 304 and no body.
            if request.headers[HTTPHeader("If-None-Match")] == "\"v1\"" {
                _ = await counter.next("/etag 304")
                return HTTPResponse(statusCode: .notModified, headers: [HTTPHeader("ETag"): "\"v1\""])
            }
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", HTTPHeader("ETag"): "\"v1\""],
                body: (try? Fixtures.page("level-a.html")) ?? Data())
        }
        await server.appendRoute("GET /slow/*") { _ in
            try await Task.sleep(nanoseconds: 300_000_000)
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: (try? Fixtures.page("level-b.html")) ?? Data())
        }
        await server.appendRoute("GET /always-429") { request in
            _ = await counter.next(request.path)
            return HTTPResponse(statusCode: .tooManyRequests, headers: [HTTPHeader("Retry-After"): "1"])
        }
        await server.appendRoute("GET /always-500") { request in
            _ = await counter.next(request.path)
            return HTTPResponse(statusCode: .internalServerError)
        }
        await server.appendRoute("GET /loop") { _ in
            HTTPResponse(statusCode: .found, headers: [.location: "/loop"])
        }
        await server.appendRoute("GET /to-file") { _ in
            HTTPResponse(statusCode: .found, headers: [.location: "file:///etc/passwd"])
        }
        await server.appendRoute("GET /big") { _ in
            let paragraph = "<p>Texte de remplissage sans importance pour l'hébergement.</p>\n"
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: Data(String(repeating: paragraph, count: 3_000_000 / paragraph.utf8.count).utf8))
        }
        let task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            task.cancel()
            throw FixtureServerError.notListening
        }
        return FixtureServer(server: server, task: task, port: port, counter: counter)
    }

    /// How many times a path was requested.
    public func requests(to path: String) async -> Int { await counter.count(path) }

    public func url(_ path: String) -> String { baseURL + path }

    public func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }

    static func contentType(of name: String) -> String {
        if name.hasSuffix(".latin1.html") { return "text/html; charset=ISO-8859-1" }
        if name.hasSuffix(".nocharset.html") { return "text/html" }
        if name.hasSuffix(".pdf") { return "application/pdf" }
        return "text/html; charset=utf-8"
    }
}

/// Counts requests per path, for routes that answer differently the second time.
actor RequestCounter {
    private var counts: [String: Int] = [:]

    func next(_ path: String) -> Int {
        counts[path, default: 0] += 1
        return counts[path]!
    }

    func count(_ path: String) -> Int { counts[path] ?? 0 }
}

enum FixtureServerError: Error {
    case notListening
}

/// Where the fixtures live in the source tree (no resource bundle: tests read them in place).
public enum Fixtures {
    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    public static let pages = directory.appendingPathComponent("pages")
    public static let providers = directory.appendingPathComponent("providers.yml").path
    public static let registries = directory.appendingPathComponent("registries").path
    /// The repository's own templates, as a user runs them.
    public static let templates = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates").path
    public static let inputs = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Inputs").path

    /// The package's root folder, and the command-line tool as `swift build` leaves it.
    public static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let tool = packageRoot.appendingPathComponent(".build/debug/sovereignty")

    public static func page(_ name: String) throws -> Data {
        try Data(contentsOf: pages.appendingPathComponent(name))
    }
}

/// A fresh folder per test, since Swift Testing runs tests in parallel.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sovereignty-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    public func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
