import Archive
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Pipeline
import SovereigntyModel
import Testing
import TestSupport

/// A rerun of an unchanged list: pages that answer 200 with the bytes already archived are revisits whose findings
/// are reused, captures are kept once and shared by the runs' sites, and `report` still rebuilds each site exactly.
@Suite struct RerunTests {
    @Test func theSameBytesAgainAreARevisitReadOnceAndPublishedFromOneCapture() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        // Static pages carry no ETag: the server answers 200 with the whole page every night.
        let page = server.url("/pages/level-a.html")
        let crawl = CrawlTests()
        var options = crawl.makeOptions(
            in: directory, platforms: try directory.write("platforms.yml", CrawlTests.platformsYAML([("a", [page]), ("d", [server.url("/pages/level-d.html")])])))
        options.fetch.perHostDelay = 0
        let first = try await CrawlPipeline(options: options).run()
        #expect(first.exitCode == 0)
        let published = directory.url.appendingPathComponent("first-site")
        try FileManager.default.copyItem(at: first.siteDirectory, to: published)
        let evidence = try Self.evidenceDates(first.siteDirectory)

        options.runDate = CrawlTests.runDate.addingTimeInterval(86_400)
        let second = try await CrawlPipeline(options: options).run()
        #expect(second.exitCode == 0)
        let archive = try Archive(directory: options.archiveDirectory)
        let revisit = try #require(try archive.fetch(url: page, ofRun: 2))
        #expect(revisit.isRevisit && revisit.record.httpStatus == 200, "the same bytes again are a revisit")
        #expect(try Self.evidenceDates(second.siteDirectory) == evidence, "its findings are the first night's, not read again")

        // One capture per body, in the archive's store; each night's site links to it rather than holding a copy.
        let store = options.archiveDirectory.appendingPathComponent("captures")
        let kept = try FileManager.default.contentsOfDirectory(atPath: store.path).filter { !$0.hasPrefix(".") }
        #expect(kept.count == 2)
        for name in kept {
            let site = second.siteDirectory.appendingPathComponent("captures/\(name)")
            #expect(try Self.inode(site) == Self.inode(store.appendingPathComponent(name)), "\(name) is the stored file")
        }

        // The archived first night, rebuilt offline, is still the site it published, byte for byte.
        var reportOptions = options
        reportOptions.outputPath = directory.path("Report")
        reportOptions.archivePath = options.archiveDirectory.path
        let rebuilt = try await ReportJob(options: reportOptions, selection: .run(1)).run()
        #expect(try FolderComparison.differences(published, rebuilt) == [])
    }

    /// More platforms than the judge reads in one batch (128): a quiet rerun reuses every platform's findings and
    /// judges each as the first night did, and `report` rebuilds the rerun's site byte for byte.
    @Test func aRunOfSeveralBatchesIsJudgedPlatformByPlatform() async throws {
        // Every third platform's page names a foreign host (level D), the others a sovereign one (level A).
        let server = try LoopbackHTTPServer { request in
            let page = request.path.hasSuffix("/d") ? "level-d.html" : "level-a.html"
            return .init(status: 200, contentType: "text/html; charset=utf-8", body: (try? Fixtures.page(page)) ?? Data())
        }
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let platforms = (0..<140).map { number in (id: "p\(number)", urls: [server.baseURL + "/\(number)/" + (number % 3 == 0 ? "d" : "a")]) }
        var options = CrawlTests().makeOptions(in: directory, platforms: try directory.write("platforms.yml", CrawlTests.platformsYAML(platforms)))
        options.fetch.perHostDelay = 0
        let first = try await CrawlPipeline(options: options).run()
        #expect(first.exitCode == 0)
        let levels = try Self.levels(first.siteDirectory)
        #expect(levels.count == 140 && levels["p0"] != levels["p1"] && levels["p3"] == levels["p0"] && levels["p139"] == levels["p1"])
        let evidence = try Self.evidenceDates(first.siteDirectory)

        options.runDate = CrawlTests.runDate.addingTimeInterval(86_400)
        let second = try await CrawlPipeline(options: options).run()
        #expect(second.exitCode == 0)
        #expect(try Self.levels(second.siteDirectory) == levels)
        #expect(try Self.evidenceDates(second.siteDirectory) == evidence, "every platform's findings are the first night's")
        let published = directory.url.appendingPathComponent("second-site")
        try FileManager.default.copyItem(at: second.siteDirectory, to: published)
        var reportOptions = options
        reportOptions.outputPath = directory.path("Report")
        reportOptions.archivePath = options.archiveDirectory.path
        let rebuilt = try await ReportJob(options: reportOptions, selection: .latest).run()
        #expect(try FolderComparison.differences(published, rebuilt) == [])
    }

    /// Each platform's level in the site's scorecards, by platform id.
    static func levels(_ site: URL) throws -> [String: String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("data/scorecards.json")))
        let platforms = try #require((json as? [String: Any])?["platforms"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: platforms.compactMap { platform in
            (platform["id"] as? String).map { ($0, platform["level"] as? String ?? "") }
        })
    }

    /// The dates of the hosts' quotes in the site's scorecards: a quote read again tonight would carry tonight's date.
    static func evidenceDates(_ site: URL) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("data/scorecards.json")))
        let platforms = try #require((json as? [String: Any])?["platforms"] as? [[String: Any]])
        let dates = platforms.flatMap { platform in
            ((platform["hosts"] as? [[String: Any]]) ?? []).flatMap { host in
                ((host["evidence"] as? [[String: Any]]) ?? []).compactMap { $0["fetchedAt"] as? String }
            }
        }
        #expect(!dates.isEmpty)
        return dates.sorted()
    }

    static func inode(_ file: URL) throws -> UInt64 {
        var info = stat()
        guard lstat(file.path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return UInt64(info.st_ino)
    }
}
