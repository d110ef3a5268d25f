import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP server on 127.0.0.1 (never another address) serving the fixture pages we wrote.
///
/// Routes: `/pages/NAME` serves `Fixtures/pages/NAME` (`*.latin1.html` as ISO-8859-1), `/redirect/NAME` answers 301
/// to `/pages/NAME`, `/refresh/NAME` is a stub whose meta refresh leads there (`/refresh-away` to another site,
/// `/refresh-again` to another stub, `/refresh-private` to a path robots.txt disallows), `/loop` redirects to itself, `/to-file` redirects to a `file://` URL, `/big` sends 3 MB of HTML,
/// and anything else is a 404. Some routes answer differently from one request to the next (`/flaky`,
/// `/good-then-down`…): they count the requests to their path, and so does the server for every path.
public final class FixtureServer: Sendable {
    private let server: LoopbackHTTPServer
    private let counter: RequestCounter
    public var baseURL: String { server.baseURL }

    private init(server: LoopbackHTTPServer, counter: RequestCounter) {
        self.server = server
        self.counter = counter
    }

    public static func start() throws -> FixtureServer {
        let counter = RequestCounter()
        let server = try LoopbackHTTPServer { request in
            let number = counter.next(request.path)
            let response = respond(to: request, number: number)
            counter.record(request.path, status: response.status)
            return response
        }
        return FixtureServer(server: server, counter: counter)
    }

    /// How many times a path was requested; with `status`, how many of those requests got that answer.
    public func requests(to path: String, answered status: Int? = nil) -> Int { counter.count(path, status: status) }

    /// How many requests went to paths under `prefix`.
    public func requests(under prefix: String) -> Int { counter.count(under: prefix) }

    public func url(_ path: String) -> String { baseURL + path }

    public func stop() { server.stop() }

    /// The answer to the `number`-th request to its path.
    private static func respond(to request: LoopbackHTTPServer.Request, number: Int) -> LoopbackHTTPServer.Response {
        let path = request.path
        let html = "text/html; charset=utf-8"
        func page(_ name: String) -> LoopbackHTTPServer.Response {
            .init(status: 200, contentType: html, body: (try? Fixtures.page(name)) ?? Data())
        }
        func text(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> LoopbackHTTPServer.Response {
            .init(status: status, contentType: "text/html", body: Data(body.utf8), headers: headers)
        }
        guard request.method == "GET" else { return text(404, "<p>Page introuvable</p>") }
        if path.hasPrefix("/pages/") {
            let name = String(path.dropFirst("/pages/".count))
            guard !name.contains(".."), let data = FileManager.default.contents(atPath: Fixtures.pages.appendingPathComponent(name).path) else {
                return text(404, "<p>Page introuvable</p>")
            }
            return .init(status: 200, contentType: contentType(of: name), body: data)
        }
        if path.hasPrefix("/redirect/") {
            return .init(status: 301, headers: [("Location", "/pages/" + path.dropFirst("/redirect/".count))])
        }
        if path.hasPrefix("/refresh/") {
            // A stub whose whole body is a meta refresh to `/pages/NAME`, as some sites serve their legal notice.
            return text(200, "<meta http-equiv=\"refresh\" content=\"0; url=/pages/\(path.dropFirst("/refresh/".count))\">")
        }
        if path.hasPrefix("/private/") {
            return text(200, "<p>Le site est hébergé par OVH SAS.</p>")
        }
        if path.hasPrefix("/slow/") {
            usleep(300_000)
            return page("level-b.html")
        }
        switch path {
        case "/robots.txt":
            return .init(
                status: 200, contentType: "text/plain",
                body: Data("# test robots\nUser-agent: *\nDisallow: /private/\nAllow: /private/open.html\n".utf8))
        case "/flaky":
            // 503 with Retry-After: 1 the first time, then the page.
            guard number > 1 else { return .init(status: 503, headers: [("Retry-After", "1")]) }
            return text(200, "<p>Le site est hébergé par OVH SAS.</p>")
        case "/good-then-down":
            // The legal page the first time; then the server is down.
            return number == 1 ? page("level-b.html") : .init(status: 503)
        case "/good-then-maintenance":
            // The legal page the first time; then a maintenance page, served with 200.
            guard number > 1 else { return page("level-b.html") }
            return .init(
                status: 200, contentType: html,
                body: Data("<html><body><h1>Maintenance en cours</h1><p>Le service revient dans quelques minutes. Merci de votre patience.</p></body></html>".utf8))
        case "/good-then-maintenance-footer":
            // A legal notice the first time; then a maintenance page that keeps the site's footer of legal links.
            return page(number == 1 ? "notice-ovh.html" : "maintenance-footer.html")
        case "/flapping":
            // A page that flaps between two captures: one host on odd requests, another on even ones.
            return page(number % 2 == 1 ? "level-b.html" : "level-d.html")
        case "/etag":
            // A page with a validator: a conditional request for it gets 304 and no body.
            if request.headers["if-none-match"] == "\"v1\"" { return .init(status: 304, headers: [("ETag", "\"v1\"")]) }
            return .init(status: 200, contentType: html, body: (try? Fixtures.page("level-a.html")) ?? Data(), headers: [("ETag", "\"v1\"")])
        case "/always-429":
            return .init(status: 429, headers: [("Retry-After", "1")])
        case "/always-500":
            return .init(status: 500)
        case "/refresh-away":
            // A stub refreshing to another site.
            return text(200, "<html><head><meta content='0;URL=https://ailleurs.example.test/mentions' http-equiv='Refresh'></head></html>")
        case "/refresh-private":
            // A stub refreshing to a path robots.txt disallows.
            return text(200, "<meta http-equiv=\"refresh\" content=\"0; url=/private/secret.html\">")
        case "/refresh-again":
            // A stub refreshing to another stub: only one refresh is followed.
            return text(200, "<meta http-equiv=\"refresh\" content=\"0; url=/refresh/level-b.html\">")
        case "/loop":
            return .init(status: 302, headers: [("Location", "/loop")])
        case "/to-file":
            return .init(status: 302, headers: [("Location", "file:///etc/passwd")])
        case "/big":
            let paragraph = "<p>Texte de remplissage sans importance pour l'hébergement.</p>\n"
            return .init(status: 200, contentType: html, body: Data(String(repeating: paragraph, count: 3_000_000 / paragraph.utf8.count).utf8))
        default:
            return text(404, "<p>Page introuvable</p>")
        }
    }

    static func contentType(of name: String) -> String {
        if name.hasSuffix(".latin1.html") { return "text/html; charset=ISO-8859-1" }
        if name.hasSuffix(".nocharset.html") { return "text/html" }
        if name.hasSuffix(".pdf") { return "application/pdf" }
        return "text/html; charset=utf-8"
    }
}

/// Counts requests per path, and per path and answer; the server's threads share it.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var answers: [String: Int] = [:]

    /// Counts one more request to `path` and returns how many there have been.
    func next(_ path: String) -> Int {
        lock.withLock {
            counts[path, default: 0] += 1
            return counts[path]!
        }
    }

    func record(_ path: String, status: Int) {
        lock.withLock { answers["\(status) \(path)", default: 0] += 1 }
    }

    func count(under prefix: String) -> Int {
        lock.withLock { counts.filter { $0.key.hasPrefix(prefix) }.values.reduce(0, +) }
    }

    func count(_ path: String, status: Int?) -> Int {
        lock.withLock { status.map { answers["\($0) \(path)"] ?? 0 } ?? counts[path] ?? 0 }
    }
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

/// Two folders compared file by file, byte for byte: what a rebuilt site must be to the one it rebuilds.
public enum FolderComparison {
    /// The relative paths that are in one folder only, or whose bytes differ; empty when the folders are the same.
    public static func differences(_ left: URL, _ right: URL) throws -> [String] {
        let files = FileManager.default
        let leftPaths = Set(try files.subpathsOfDirectory(atPath: left.path))
        let rightPaths = Set(try files.subpathsOfDirectory(atPath: right.path))
        var different = leftPaths.symmetricDifference(rightPaths).map { "\($0) (in one folder only)" }
        for path in leftPaths.intersection(rightPaths).sorted() {
            var isDirectory: ObjCBool = false
            _ = files.fileExists(atPath: left.appendingPathComponent(path).path, isDirectory: &isDirectory)
            guard !isDirectory.boolValue else { continue }
            if try Data(contentsOf: left.appendingPathComponent(path)) != Data(contentsOf: right.appendingPathComponent(path)) {
                different.append(path)
            }
        }
        return different.sorted()
    }
}
