import Fetcher
import Foundation
import SovereigntyModel
import Testing
import TestSupport

/// Every request goes to the fixture server on 127.0.0.1, through real libcurl.
@Suite struct FetcherTests {
    @Test func fetchesRedirectsAndFailuresInOneBatch() async throws {
        let server = try await FixtureServer.start()
        defer { Task { await server.stop() } }
        var configuration = FetchConfiguration(concurrency: 4, connectTimeoutSeconds: 5, transferTimeoutSeconds: 20, maximumBodyBytes: 1_000_000)
        configuration.maximumRedirects = 5
        let urls = [
            server.url("/pages/level-b.html"), server.url("/redirect/level-a.html"), server.url("/missing/page"),
            server.url("/loop"), server.url("/to-file"), server.url("/big"), server.url("/pages/latin1.latin1.html"),
            "http://127.0.0.1:1/refused",
        ]
        let records = await Fetcher(configuration: configuration).fetch(urls)
        #expect(records.map(\.requestedURL) == urls)

        let ok = records[0]
        #expect(ok.failure == nil)
        #expect(ok.httpStatus == 200)
        #expect(ok.charset == "utf-8")
        #expect(ok.primaryIP == "127.0.0.1")
        #expect(String(decoding: ok.body, as: UTF8.self).contains("Clever Cloud SAS"))
        #expect(ok.sha256?.count == 64)

        let redirected = records[1]
        #expect(redirected.failure == nil)
        #expect(redirected.finalURL == server.url("/pages/level-a.html"))
        #expect(redirected.redirects == [server.url("/redirect/level-a.html")])

        #expect(records[2].failure?.reason == .httpError)
        #expect(records[2].httpStatus == 404)
        #expect(records[3].failure?.reason == .tooManyRedirects)
        #expect(records[4].failure?.reason == .forbiddenProtocol)
        #expect(records[5].failure?.reason == .tooLarge)
        #expect(records[5].body.isEmpty)
        #expect(records[6].charset == "ISO-8859-1")
        #expect(records[7].failure?.reason == .refused)
        for record in records where record.failure != nil { #expect(!record.failure!.message.isEmpty) }
    }

    @Test func keepsOrderWithManyTransfersAndOneAtATime() async throws {
        let server = try await FixtureServer.start()
        defer { Task { await server.stop() } }
        let names = ["level-a.html", "level-b.html", "level-c.html", "level-d.html", "level-e.html", "privacy-aws.html"]
        let urls = (0..<3).flatMap { _ in names.map { server.url("/pages/\($0)") } }
        let records = await Fetcher(configuration: FetchConfiguration(concurrency: 1)).fetch(urls)
        #expect(records.count == urls.count)
        for (url, record) in zip(urls, records) {
            #expect(record.finalURL == url)
            #expect(record.failure == nil)
        }
        let parallel = await Fetcher(configuration: FetchConfiguration(concurrency: 8, perHostConcurrency: 8)).fetch(urls)
        #expect(parallel.map(\.sha256) == records.map(\.sha256))
    }
}
