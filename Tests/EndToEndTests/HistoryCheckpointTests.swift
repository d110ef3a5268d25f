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
        // The host changes and is confirmed on the second night; the fourth night's page fails, so that its crawl
        // publishes nothing and keeps no state: the next crawl reads that run from the archive.
        // (page served, runs the crawl reads beyond the state kept)
        let served = [("level-a.html", 0), ("level-d.html", 0), ("level-d.html", 0), ("missing", 0), ("level-d.html", 1), ("level-b.html", 0)]
        for (index, (name, later)) in served.enumerated() {
            let lines = try await nights.crawl(name)
            #expect(Self.wentOn(lines)?.contains("after run \(index + 1 - later), reading \(later) later runs") == true, "night \(index + 2): \(lines)")
        }
        #expect(try await nights.differencesFromReport() == [])
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
        #expect(Self.wentOn(cut) != nil && cut.contains { $0.contains("ends after 0 of its 1 platforms; every earlier run is read from the archive") }, "\(cut)")
        #expect(try await nights.differencesFromReport() == [])
        #expect(Self.wentOn(try await nights.crawl("level-d.html"))?.contains("after run 7") == true, "a fresh state was kept")
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
