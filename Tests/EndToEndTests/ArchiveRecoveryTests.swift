import Archive
import Foundation
import GRDB
import Pipeline
import SovereigntyModel
import Testing
import TestSupport

/// The archive's history across nights, on loopback: a damaged WARC copy is fetched again and the crawl goes on, a
/// damaged index stops the run (exit 4) before anything is written, and an emptied index never overwrites a run.
@Suite struct ArchiveRecoveryTests {
    /// Log lines a run wrote, kept for the test to read.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var kept: [(level: PipelineLog.Level, message: String, fields: [String: String])] = []

        var log: PipelineLog { PipelineLog { level, message, fields in self.lock.withLock { self.kept.append((level, message, fields)) } } }
        var warnings: [(message: String, fields: [String: String])] {
            lock.withLock { kept.filter { $0.level == .warning }.map { ($0.message, $0.fields) } }
        }
    }

    /// Where the index says a URL's record of a run is.
    static func place(of url: String, run: Int64, archive: URL) throws -> (file: String, offset: Int64, length: Int64) {
        let row = try DatabaseQueue(path: archive.appendingPathComponent("index.sqlite").path).read { db in
            try FetchRow.filter(Column("runId") == run && Column("requestedURL") == url).fetchOne(db)
        }
        let found = try #require(row)
        return (try #require(found.warcFile), try #require(found.warcOffset), try #require(found.warcLength))
    }

    func options(in directory: TemporaryDirectory, platforms: [(id: String, urls: [String])]) throws -> CrawlOptions {
        var options = CrawlTests().makeOptions(in: directory, platforms: try directory.write("platforms.yml", CrawlTests.platformsYAML(platforms)))
        options.fetch.perHostDelay = 0
        return options
    }

    /// The issue's case: unchanged pages kept pointing at a damaged copy, and every later crawl and report stopped on
    /// "cannot read run N: zlib(-5)". Now the crawl names the copy, asks for the page without a conditional request,
    /// keeps a fresh copy and goes on; the nights after are conditional again. `report` of the damaged night writes
    /// the site, shows that document unreadable, names the file and offset, and exits 1.
    @Test(arguments: ["truncated", "bit-flipped"])
    func aDamagedCopyIsFetchedAgainInFullAndTheNightGoesOn(damage: String) async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let (etag, page) = (server.url("/etag"), server.url("/pages/level-b.html"))
        var options = try options(in: directory, platforms: [("unchanged", [etag]), ("b", [page])])
        #expect(try await CrawlPipeline(options: options).run().exitCode == 0)

        // Damage the first night's copy of the page that has a validator. Documents are archived as they arrive, so
        // the other page's record may come before it or after it.
        let archive = options.archiveDirectory
        let place = try Self.place(of: etag, run: 1, archive: archive)
        let otherComesAfter = try place.offset < Self.place(of: page, run: 1, archive: archive).offset
        let file = archive.appendingPathComponent(place.file)
        var bytes = try Data(contentsOf: file)
        if damage == "truncated" { bytes = bytes.prefix(Int(place.offset + place.length / 2)) } else { bytes[Int(place.offset + place.length / 2)] ^= 0x04 }
        try bytes.write(to: file)

        let lines = Lines()
        options.runDate = CrawlTests.runDate.addingTimeInterval(86_400)
        let second = try await CrawlPipeline(options: options, log: lines.log).run()
        #expect(second.exitCode == 0, "every document was fetched tonight")
        #expect(server.requests(to: "/etag", answered: 200) == 2, "asked again without If-None-Match")
        #expect(server.requests(to: "/etag", answered: 304) == 0)
        let warning = try #require(lines.warnings.first { $0.fields["url"] == etag }, "\(lines.warnings)")
        #expect(warning.message.contains(file.path) && warning.message.contains("at byte \(place.offset)"), "\(warning.message)")
        #expect(warning.message.contains("fetched again in full, without a conditional request"))
        #expect(warning.fields["file"] == file.path && warning.fields["offset"] == "\(place.offset)")
        #expect(try Self.place(of: etag, run: 2, archive: archive).file == "run-2.warc.gz", "a fresh full copy")

        // The next night is conditional again, and its revisit points at the fresh copy.
        options.runDate = CrawlTests.runDate.addingTimeInterval(2 * 86_400)
        #expect(try await CrawlPipeline(options: options).run().exitCode == 0)
        #expect(server.requests(to: "/etag", answered: 304) == 1)
        #expect(try Self.place(of: etag, run: 3, archive: archive).file == "run-2.warc.gz")

        // `report` of the damaged night: the rest of the site is written; the damaged document is named and unreadable.
        let report = directory.path("Report")
        let outcome = try CommandLineTests().tool(
            ["report", "--run", "1", "--output", report, "--archive", archive.path, "--templates", Fixtures.templates], in: directory.path(""))
        #expect(outcome.status == 1, "\(outcome.errors)")
        #expect(outcome.errors.contains(file.path) && outcome.errors.contains("at byte \(place.offset)") && outcome.errors.contains(etag), "\(outcome.errors)")
        #expect(outcome.errors.contains("could not be read back from the archive"))
        let site = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report + "/site/data/scorecards.json"))) as? [String: Any]
        let cards = try #require(site?["platforms"] as? [[String: Any]])
        let document = try #require((cards.first { $0["id"] as? String == "unchanged" }?["documents"] as? [[String: Any]])?.first)
        #expect(document["status"] as? String == "unreadable")
        #expect((document["error"] as? String)?.contains("\(place.file) at byte \(place.offset)") == true, "\(document)")
        // A bit flip spoils one record; a truncation every record after it.
        let other = try #require(cards.first { $0["id"] as? String == "b" })
        #expect((other["level"] as? String == "B") == (damage != "truncated" || !otherComesAfter), "\(other["level"] ?? "")")

        // The later nights rebuild whole.
        let later = try CommandLineTests().tool(
            ["report", "--run", "3", "--output", report, "--archive", archive.path, "--templates", Fixtures.templates], in: directory.path(""))
        #expect(later.status == 0, "\(later.errors)")
    }

    /// The issue's case: the crawl wrote a new run into a malformed index before failing, and exited 1 ("some
    /// documents failed, site written"), so a cron line published. Now it stops before fetching, exits 4 (fatal),
    /// names the file, and leaves the index, the WARC files and the published site as they were; `report` too.
    @Test func aDamagedIndexStopsTheRunWithTheFatalCodeAndChangesNothing() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let options = try options(in: directory, platforms: [("b", [server.url("/pages/level-b.html")])])
        #expect(try await CrawlPipeline(options: options).run().exitCode == 0)

        // The fetch table's first page damaged: the run table, the schema and the migrations still read.
        let index = options.archiveDirectory.appendingPathComponent("index.sqlite")
        let (page, pageSize) = try await DatabaseQueue(path: index.path).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'fetchRecord'")!, try Int.fetchOne(db, sql: "PRAGMA page_size")!)
        }
        var bytes = try Data(contentsOf: index)
        bytes.replaceSubrange((page - 1) * pageSize..<(page - 1) * pageSize + 8, with: Data(repeating: 0xFF, count: 8))
        try bytes.write(to: index)
        let files = try FileManager.default.contentsOfDirectory(atPath: options.archiveDirectory.path).sorted()
        let published = try Data(contentsOf: options.siteDirectory.appendingPathComponent("index.html"))

        let crawl = try CommandLineTests().tool(
            [
                "crawl", "--platforms", options.platformsPath, "--providers", Fixtures.providers, "--registries", Fixtures.registries,
                "--templates", Fixtures.templates, "--output", options.outputPath, "--per-host-delay", "0",
            ], in: directory.path(""))
        #expect(crawl.status == ExitStatus.fatal.rawValue, "\(crawl.errors)")
        #expect(crawl.errors.contains(index.path) && crawl.errors.contains("is damaged"), "\(crawl.errors)")
        #expect(server.requests(to: "/pages/level-b.html") == 1, "nothing fetched")
        #expect(try Data(contentsOf: index) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: options.archiveDirectory.path).sorted() == files)
        #expect(try Data(contentsOf: options.siteDirectory.appendingPathComponent("index.html")) == published)

        let report = try CommandLineTests().tool(
            ["report", "--output", directory.path("Report"), "--archive", options.archiveDirectory.path, "--templates", Fixtures.templates],
            in: directory.path(""))
        #expect(report.status == ExitStatus.fatal.rawValue, "\(report.errors)")
        #expect(report.errors.contains(index.path), "\(report.errors)")
    }

    /// The issue's case: an empty `index.sqlite` numbered the next run 1 again and overwrote `run-1.warc.gz`.
    /// Now the run takes the next free number and the log says that the index was started afresh or rebuilt.
    @Test func anEmptiedIndexTakesTheNextFreeRunNumber() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        var options = try options(in: directory, platforms: [("b", [server.url("/pages/level-b.html")])])
        #expect(try await CrawlPipeline(options: options).run().exitCode == 0)
        let first = options.archiveDirectory.appendingPathComponent("run-1.warc.gz")
        let history = try Data(contentsOf: first)
        try Data().write(to: options.archiveDirectory.appendingPathComponent("index.sqlite"))

        let lines = Lines()
        options.runDate = CrawlTests.runDate.addingTimeInterval(86_400)
        #expect(try await CrawlPipeline(options: options, log: lines.log).run().exitCode == 0)
        #expect(try Data(contentsOf: first) == history, "the first night's WARC file is untouched")
        #expect(FileManager.default.fileExists(atPath: options.archiveDirectory.appendingPathComponent("run-2.warc.gz").path))
        #expect(try Archive(directory: options.archiveDirectory).runs().map(\.id) == [2])
        let notice = try #require(lines.warnings.first { $0.message.contains("started afresh or rebuilt") }, "\(lines.warnings)")
        #expect(notice.message.contains("run-1.warc.gz") && notice.message.contains("numbered 2"), "\(notice.message)")
    }
}
