import Fetcher
import Foundation
import SovereigntyModel
import Synchronization
import Testing
import TestSupport

/// A batch handed over document by document: the caller gets each body once, and the batch keeps none.
@Suite struct FetchStreamTests {
    @Test func eachDocumentIsHandedOverWithItsBodyAndTheBatchKeepsNone() async throws {
        let server = try FixtureServer.start()
        defer { server.stop() }
        var configuration = FetchConfiguration(concurrency: 4, connectTimeoutSeconds: 5)
        configuration.perHostDelay = 0
        let urls = [server.url("/pages/level-a.html"), server.url("/pages/level-b.html"), server.url("/missing/page")]
        let handed = Mutex<[String: FetchRecord]>([:])
        let records = await Fetcher(configuration: configuration).fetch(urls) { record in
            handed.withLock { $0[record.requestedURL] = record }
        }
        let received = handed.withLock { $0 }
        #expect(Set(received.keys) == Set(urls), "every document, failures included, is handed over once")
        #expect(records.map(\.requestedURL) == urls)
        #expect(records.allSatisfy { $0.body.isEmpty }, "the batch's own records carry no body")
        #expect(received[urls[0]]?.body.isEmpty == false)
        #expect(records[0].sha256 == received[urls[0]]?.sha256 && records[0].httpStatus == 200)
        #expect(records[2].failure?.reason == .httpError)
    }

    @Test func robotsRefusalsAreHandedOverToo() async throws {
        let server = try LoopbackHTTPServer { request in
            request.path == "/robots.txt"
                ? .init(status: 200, contentType: "text/plain", body: Data("User-agent: *\nDisallow: /private\n".utf8))
                : .init(status: 200, contentType: "text/html", body: Data("<p>Mentions légales</p>".utf8))
        }
        defer { server.stop() }
        var configuration = FetchConfiguration(concurrency: 2, connectTimeoutSeconds: 5)
        configuration.perHostDelay = 0
        let urls = [server.baseURL + "/public", server.baseURL + "/private"]
        let handed = Mutex<[String: FetchRecord]>([:])
        _ = await Fetcher(configuration: configuration).fetch(urls) { record in handed.withLock { $0[record.requestedURL] = record } }
        let received = handed.withLock { $0 }
        #expect(received[urls[1]]?.failure?.reason == .blockedByRobots)
        #expect(received[urls[0]]?.failure == nil)
    }
}
