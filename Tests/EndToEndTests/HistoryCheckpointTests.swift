import Archive
import Foundation
import Pipeline
import Testing
import TestSupport

/// A crawl keeps the history's state after its run, and the next crawl goes on from it instead of reading every run
/// again; the site it writes is still byte for byte the one `report` builds from every run. A kept state that does
/// not fit (damaged, or made for another `--confirm-runs`) is ignored.
@Suite struct HistoryCheckpointTests {
    typealias Lines = UnchangedPagesTests.Lines

    struct Nights {
        let page = try! UnchangedPagesTests.SwappablePage()
        let directory = try! TemporaryDirectory()
        var options: CrawlOptions
        var night = 0

        init(confirmRuns: Int) throws {
            options = CrawlTests().makeOptions(
                in: directory, platforms: try directory.write("platforms.yml", CrawlTests.platformsYAML([("p", [page.url])])))
            options.fetch.perHostDelay = 0
            options.confirmRuns = confirmRuns
        }

        /// Crawls the next night with `name` served; returns the log's lines.
        mutating func crawl(_ name: String) async throws -> [String] {
            page.serve(name)
            options.runDate = CrawlTests.runDate.addingTimeInterval(Double(night) * 86_400)
            night += 1
            let lines = Lines()
            _ = try await CrawlPipeline(options: options, log: PipelineLog { _, line, _ in lines.append(line) }).run()
            return lines.all
        }

        /// The differences between the crawl's site and the one `report` rebuilds from every archived run.
        func differencesFromReport() async throws -> [String] {
            var report = options
            report.outputPath = directory.path("Report-\(night)")
            report.archivePath = options.archiveDirectory.path
            let rebuilt = try await ReportJob(options: report, selection: .latest).run()
            return try FolderComparison.differences(options.siteDirectory, rebuilt)
        }

        var checkpoint: URL { options.archiveDirectory.appendingPathComponent("history-checkpoint.jsonl.gz") }

        func stop() {
            directory.remove()
            page.server.stop()
        }
    }

    static func wentOn(_ lines: [String]) -> String? { lines.first { $0.contains("history: went on from the state kept after run") } }

    @Test func eachCrawlGoesOnFromTheStateTheLastKeptAndWritesTheSiteReportBuildsFromEveryRun() async throws {
        var nights = try Nights(confirmRuns: 2)
        defer { nights.stop() }
        #expect(Self.wentOn(try await nights.crawl("level-a.html")) == nil, "the first crawl has nothing to go on from")
        #expect(FileManager.default.fileExists(atPath: nights.checkpoint.path))
        // A crawl killed while it wrote left its temporary file; its process (a number above any pid) is gone.
        let leftover = nights.checkpoint.deletingLastPathComponent().appendingPathComponent("history-checkpoint.jsonl.gz.2000000000.tmp")
        try Data("cut".utf8).write(to: leftover)
        // The host changes and is confirmed on the second night; the fourth night's page fails, so that its crawl
        // publishes nothing and keeps no state: the next crawl reads that run from the archive.
        // (page served, runs the crawl reads beyond the state kept)
        let served = [("level-a.html", 0), ("level-d.html", 0), ("level-d.html", 0), ("missing", 0), ("level-d.html", 1), ("level-b.html", 0)]
        for (index, (name, later)) in served.enumerated() {
            let lines = try await nights.crawl(name)
            #expect(Self.wentOn(lines)?.contains("after run \(index + 1 - later), reading \(later) later runs") == true, "night \(index + 2): \(lines)")
        }
        #expect(try await nights.differencesFromReport() == [])
        #expect(!FileManager.default.fileExists(atPath: leftover.path), "a killed crawl's temporary file is removed")
        let files = try FileManager.default.contentsOfDirectory(atPath: nights.options.archiveDirectory.path).filter { $0.hasPrefix("history-checkpoint") }
        #expect(files.sorted() == ["history-checkpoint-run.json.gz", "history-checkpoint.jsonl.gz"])
        let changes = try String(contentsOf: nights.options.siteDirectory.appendingPathComponent("data/changes.csv"), encoding: .utf8)
        #expect(changes.components(separatedBy: ",p,hostAdded,").count - 1 == 3, "the confirmed changes are listed: \(changes)")
    }

    @Test func aCrawlThatFindsNoFittingStateReadsEveryRunAndKeepsAFreshOne() async throws {
        var nights = try Nights(confirmRuns: 2)
        defer { nights.stop() }
        _ = try await nights.crawl("level-a.html")
        _ = try await nights.crawl("level-d.html")
        // Damaged: read from every run.
        try Data("{\"build\":".utf8).write(to: nights.checkpoint)
        #expect(Self.wentOn(try await nights.crawl("level-d.html")) == nil)
        #expect(try await nights.differencesFromReport() == [])
        #expect(Self.wentOn(try await nights.crawl("level-d.html"))?.contains("after run 3") == true, "a fresh state was kept")
        // Another shape of lines (an older format), though from this build: read from every run, with no warning.
        let runWide = nights.checkpoint.deletingLastPathComponent().appendingPathComponent("history-checkpoint-run.json.gz")
        for file in [nights.checkpoint, runWide] {
            var kept = try Self.lines(of: file)
            #expect(String(decoding: kept[0], as: UTF8.self).contains("\"format\":2"))
            kept[0] = Data(String(decoding: kept[0], as: UTF8.self).replacingOccurrences(of: "\"format\":2", with: "\"format\":1").utf8)
            try Self.write(kept, to: file)
        }
        let otherFormat = try await nights.crawl("level-d.html")
        #expect(Self.wentOn(otherFormat) == nil && !otherFormat.contains { $0.contains("every earlier run is read") }, "\(otherFormat)")
        #expect(try await nights.differencesFromReport() == [])
        // Kept for two confirming runs: a crawl confirming with one reads every run.
        nights.options.confirmRuns = 1
        let otherConfirmation = try await nights.crawl("level-a.html")
        #expect(Self.wentOn(otherConfirmation) == nil, "\(otherConfirmation)")
        #expect(try await nights.differencesFromReport() == [])
        // A state kept after a run the archive does not hold (another archive's): read from every run.
        var lines = try Self.lines(of: nights.checkpoint)
        #expect(lines.count == 2, "what made it, then the one platform's part")
        lines[0] = Data(String(decoding: lines[0], as: UTF8.self).replacingOccurrences(of: "\"id\":5", with: "\"id\":55").utf8)
        try Self.write(lines, to: nights.checkpoint)
        #expect(Self.wentOn(try await nights.crawl("level-a.html")) == nil)
        #expect(try await nights.differencesFromReport() == [])
        // Cut after its first line: the crawl finds it short when it reads the platforms' parts, and reads every run.
        try Self.write(Array(try Self.lines(of: nights.checkpoint).prefix(1)), to: nights.checkpoint)
        let cut = try await nights.crawl("level-d.html")
        #expect(Self.wentOn(cut) != nil && cut.contains { $0.contains("holds 0 of its 1 platforms; every earlier run is read from the archive") }, "\(cut)")
        #expect(try await nights.differencesFromReport() == [])
        #expect(Self.wentOn(try await nights.crawl("level-d.html"))?.contains("after run 8") == true, "a fresh state was kept")
    }

    /// Several platforms, some dropped and some added from night to night, and a night when nothing could be
    /// fetched: the kept lines and tonight's scorecards are merged in id order, and the site is the one `report`
    /// builds. A kept state cut short after such a night (so that a run lies between it and tonight) is let go of.
    @Test func platformsComingAndGoingAreMergedInIDOrderAndACutStateAfterAFailedNightIsLetGo() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        var options = CrawlTests().makeOptions(in: directory, platforms: directory.path("platforms.yml"))
        options.fetch.perHostDelay = 0
        options.confirmRuns = 1
        let pages = ["a": "/pages/level-a.html", "b": "/pages/level-b.html", "c": "/pages/level-c.html", "d": "/pages/level-d.html"]
        func crawl(_ night: Int, _ served: [(String, String)]) async throws -> [String] {
            _ = try directory.write("platforms.yml", CrawlTests.platformsYAML(served.map { ($0.0, [server.url($0.1)]) }))
            options.runDate = CrawlTests.runDate.addingTimeInterval(Double(night) * 86_400)
            let lines = Lines()
            _ = try await CrawlPipeline(options: options, log: PipelineLog { _, line, _ in lines.append(line) }).run()
            return lines.all
        }
        func differencesFromReport(_ night: Int) async throws -> [String] {
            var report = options
            report.outputPath = directory.path("Report-\(night)")
            report.archivePath = options.archiveDirectory.path
            return try FolderComparison.differences(options.siteDirectory, try await ReportJob(options: report, selection: .latest).run())
        }
        let checkpoint = options.archiveDirectory.appendingPathComponent("history-checkpoint.jsonl.gz")
        _ = try await crawl(0, [("p-b", pages["b"]!), ("p-d", pages["d"]!)])
        // A platform before every kept one, one between them, one kept one gone, one after them; hosts change too.
        let second = try await crawl(1, [("p-a", pages["a"]!), ("p-c", pages["c"]!), ("p-d", pages["b"]!), ("p-e", pages["d"]!)])
        #expect(Self.wentOn(second)?.contains("reading 0 later runs") == true)
        let keptLines = try Self.lines(of: checkpoint).count
        #expect(keptLines == 1 + 5, "what made it, then every platform ever seen: \(keptLines)")
        let third = try await crawl(2, [("p-b", pages["c"]!), ("p-d", pages["d"]!), ("p-e", pages["a"]!)])
        #expect(Self.wentOn(third)?.contains("reading 0 later runs") == true)
        #expect(try await differencesFromReport(2) == [])

        // A night when nothing can be fetched keeps no state; the one kept before is then cut short.
        _ = try await crawl(3, [("p-b", "/missing/b"), ("p-d", "/missing/d")])
        try Self.write(Array(try Self.lines(of: checkpoint).prefix(3)), to: checkpoint)
        let afterCut = try await crawl(4, [("p-a", pages["d"]!), ("p-b", pages["b"]!), ("p-d", pages["d"]!)])
        #expect(Self.wentOn(afterCut)?.contains("reading 1 later runs") == true, "\(afterCut)")
        #expect(afterCut.contains { $0.contains("every earlier run is read from the archive instead") }, "\(afterCut)")
        #expect(try await differencesFromReport(4) == [])
        #expect(Self.wentOn(try await crawl(5, [("p-a", pages["a"]!)]))?.contains("after run 5, reading 0 later runs") == true)
        #expect(try await differencesFromReport(5) == [])
    }

    static func lines(of file: URL) throws -> [Data] {
        let reader = try #require(GzipLineReader(path: file.path))
        var lines: [Data] = []
        while let line = reader.next() { lines.append(line) }
        return lines
    }

    static func write(_ lines: [Data], to file: URL) throws {
        let writer = try GzipLineWriter(path: file.path)
        for line in lines { try writer.write(line) }
        try writer.finish()
    }
}
