import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Pipeline
import SovereigntyModel
import Testing
import TestSupport

/// A night when nothing changed leaves every platform's own files (pages in both languages, Markdown, feed, badge)
/// as they were, and renders none of them again; a changed reading changes its platform's page, whose history lists
/// the runs where the reading changed, not every run.
@Suite struct UnchangedPagesTests {
    /// A server whose one page can be swapped between runs: the others are the fixture server's.
    final class SwappablePage: Sendable {
        let server: LoopbackHTTPServer
        private let name: Locked

        /// The fixture page served, without an ETag: the same bytes again are a revisit.
        final class Locked: @unchecked Sendable {
            private let lock = NSLock()
            private var value = "level-a.html"
            var name: String {
                get { lock.withLock { value } }
                set { lock.withLock { value = newValue } }
            }
        }

        init() throws {
            let name = Locked()
            server = try LoopbackHTTPServer { _ in
                .init(status: 200, contentType: "text/html; charset=utf-8", body: (try? Fixtures.page(name.name)) ?? Data())
            }
            self.name = name
        }

        func serve(_ page: String) { name.name = page }
        var url: String { server.baseURL + "/page" }
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var kept: [String] = []
        func append(_ line: String) { lock.withLock { kept.append(line) } }
        var all: [String] { lock.withLock { kept } }
    }

    /// Every platform's own file in the site, with its inode and bytes.
    static func platformFiles(_ site: URL) throws -> [String: (inode: UInt64, bytes: Data)] {
        var files: [String: (UInt64, Data)] = [:]
        for folder in ["", "en/"] {
            for sub in ["platforms", "badges"] {
                let path = site.appendingPathComponent(folder + sub)
                for name in try FileManager.default.contentsOfDirectory(atPath: path.path) {
                    let file = path.appendingPathComponent(name)
                    files[folder + sub + "/" + name] = (try RerunTests.inode(file), try Data(contentsOf: file))
                }
            }
        }
        return files
    }

    static func manifest(_ options: CrawlOptions) throws -> String {
        let site = options.siteDirectory
        return try String(
            contentsOf: site.deletingLastPathComponent().appendingPathComponent(".\(site.lastPathComponent)-digests.tsv"), encoding: .utf8)
    }

    @Test func aSecondRunWithNothingChangedRendersNoPlatformFileAgain() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        // One page answers 304 to its ETag, the other the same bytes again; one document fails every night.
        let crawl = CrawlTests()
        var options = crawl.makeOptions(
            in: directory,
            platforms: try directory.write(
                "platforms.yml",
                CrawlTests.platformsYAML([
                    ("a", [server.url("/etag")]), ("d", [server.url("/pages/level-d.html"), server.url("/missing/privacy")]),
                ])))
        options.fetch.perHostDelay = 0
        _ = try await CrawlPipeline(options: options).run()
        let before = try Self.platformFiles(options.siteDirectory)
        let manifest = try Self.manifest(options)
        #expect(before.count == 16 && manifest.split(separator: "\n").count == 3)
        let summary = try String(contentsOf: options.siteDirectory.appendingPathComponent("index.html"), encoding: .utf8)

        options.runDate = CrawlTests.runDate.addingTimeInterval(86_400)
        let lines = Lines()
        _ = try await CrawlPipeline(options: options, log: PipelineLog { _, line, _ in lines.append(line) }).run()
        #expect(server.requests(to: "/etag", answered: 304) == 1)
        let after = try Self.platformFiles(options.siteDirectory)
        #expect(Set(after.keys) == Set(before.keys))
        for (path, file) in after {
            #expect(file.bytes == before[path]?.bytes, "\(path) is byte for byte the night before's")
            #expect(file.inode == before[path]?.inode, "\(path) was linked from the published site, not rendered again")
        }
        #expect(try Self.manifest(options) == manifest)
        #expect(lines.all.contains { $0.contains("rendered the pages of 0 of 2 platforms") })
        // The summary says when the last run was; the platform page says it is re-checked, and since when it reads the same.
        let newSummary = try String(contentsOf: options.siteDirectory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(newSummary != summary && newSummary.contains(Timestamp.string(options.runDate!)))
        let page = String(decoding: after["platforms/a.html"]!.bytes, as: UTF8.self)
        let firstNight = TestDays.words(CrawlTests.runDate, language: "fr")
        #expect(page.contains("relue à chaque passage") && page.contains(firstNight))
        #expect(
            !page.contains(Timestamp.string(options.runDate!)) && !page.contains(TestDays.iso(options.runDate!)), "no trace of the second night")

        // `report` renders every file, and rebuilds the same site.
        var reportOptions = options
        reportOptions.outputPath = directory.path("Report")
        reportOptions.archivePath = options.archiveDirectory.path
        let rebuilt = try await ReportJob(options: reportOptions, selection: .latest).run()
        #expect(try FolderComparison.differences(options.siteDirectory, rebuilt) == [])
    }

    @Test func aChangedReadingChangesThePageWhoseHistoryListsTheChangesOnly() async throws {
        let page = try SwappablePage()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            page.server.stop()
        }
        var options = CrawlTests().makeOptions(
            in: directory, platforms: try directory.write("platforms.yml", CrawlTests.platformsYAML([("p", [page.url])])))
        options.fetch.perHostDelay = 0
        options.confirmRuns = 1
        var inodes: [UInt64] = []
        for (night, name) in ["level-a.html", "level-a.html", "level-d.html", "level-d.html", "level-d.html"].enumerated() {
            page.serve(name)
            options.runDate = CrawlTests.runDate.addingTimeInterval(Double(night) * 86_400)
            _ = try await CrawlPipeline(options: options).run()
            inodes.append(try RerunTests.inode(options.siteDirectory.appendingPathComponent("platforms/p.html")))
        }
        #expect(inodes[0] == inodes[1] && inodes[1] != inodes[2] && inodes[2] == inodes[3] && inodes[3] == inodes[4])
        let html = try String(contentsOf: options.siteDirectory.appendingPathComponent("platforms/p.html"), encoding: .utf8)
        let timeline = try #require(
            html.components(separatedBy: "<caption>Niveau, score et hébergeurs").dropFirst().first?.components(separatedBy: "</table>").first)
        // Two readings in five runs: the first night's and the third's, newest first.
        let days = timeline.components(separatedBy: "<time datetime=\"").dropFirst().map { String($0.prefix(10)) }
        #expect(days == [TestDays.iso(CrawlTests.runDate, plus: 2), TestDays.iso(CrawlTests.runDate)])
        #expect(html.contains("inchangée depuis le " + TestDays.words(CrawlTests.runDate, plus: 2, language: "fr")))
        #expect(html.components(separatedBy: "class=\"point-label\"").count - 1 == 2, "the chart plots the change points")
        let english = try String(contentsOf: options.siteDirectory.appendingPathComponent("en/platforms/p.md"), encoding: .utf8)
        #expect(english.contains("unchanged since " + TestDays.words(CrawlTests.runDate, plus: 2, language: "en")))
    }
}
