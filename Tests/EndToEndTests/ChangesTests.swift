import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Pipeline
import Testing
import TestSupport

/// Changes between crawls, as the site and the feed publish them: confirmed changes only.
extension CrawlTests {
    /// Crawls the flapping page `count` times into `directory`, one run after the other.
    func crawlFlappingPage(times count: Int, confirmRuns: Int, in directory: TemporaryDirectory, server: FixtureServer) async throws -> CrawlOptions {
        let platforms = Self.platformsYAML([("flap", [server.url("/flapping")])])
        var options = makeOptions(in: directory, platforms: try directory.write("flap.yml", platforms))
        options.fetch.perHostDelay = 0
        options.confirmRuns = confirmRuns
        for run in 0..<count {
            options.runDate = Self.runDate.addingTimeInterval(Double(run) * 86_400)
            _ = try await CrawlPipeline(options: options).run()
        }
        return options
    }

    func read(_ options: CrawlOptions, _ file: String) throws -> String {
        try String(contentsOf: options.siteDirectory.appendingPathComponent(file), encoding: .utf8)
    }

    @Test func hostChangeAppearsOnTheChangesPageAndInTheFeed() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        // Captures B, D, B: with --confirm-runs 1 each difference is published.
        let options = try await crawlFlappingPage(times: 3, confirmRuns: 1, in: directory, server: server)
        let page = try read(options, "changes.html")
        #expect(page.contains("est désormais cité comme hébergeur") && page.contains("n'est plus cité comme hébergeur"))
        #expect(!page.contains("présent") && !page.contains("absent"), "a host's arrival is said in words, not as a value")
        #expect(page.contains("<article class=\"change-group change-down\"") && page.contains("<article class=\"change-group change-up\""))
        #expect(page.contains("Passe du niveau B au niveau D") && page.contains("Passe du niveau D au niveau B"))
        // One entry per run, the level's change first in it.
        for entry in page.components(separatedBy: "<article class=\"change-group").dropFirst() {
            #expect(entry.components(separatedBy: "<li class=\"change-item").dropFirst().first?.hasPrefix(" change-level") == true)
        }
        // Newest first: the return to B (third run) comes before the move to D.
        let up = try #require(page.range(of: "Passe du niveau D au niveau B"))
        let down = try #require(page.range(of: "Passe du niveau B au niveau D"))
        #expect(up.lowerBound < down.lowerBound)
        #expect(page.contains("hébergés chez Clever Cloud SAS"))  // the quotes before and after
        #expect(try read(options, "changes.md").contains("## Plateforme flap passe du niveau B au niveau D (dégradation)"))
        // The feed is well-formed XML with one entry per change, each with its tag URI.
        let feed = try Data(contentsOf: options.siteDirectory.appendingPathComponent("feed.xml"))
        let document = try XMLDocument(data: feed)
        let entries = try document.nodes(forXPath: "//*[local-name()='entry']")
        let ids = try document.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='id']").compactMap(\.stringValue)
        #expect(entries.count == page.components(separatedBy: "<li class=\"change-item").count - 1 && entries.count >= 3)
        #expect(ids.allSatisfy { $0.hasPrefix("tag:sovereignty-report,2026-11-01:change/flap/") } && Set(ids).count == ids.count)
    }

    @Test func flappingPageProducesNoChange() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let options = try await crawlFlappingPage(times: 4, confirmRuns: 2, in: directory, server: server)
        #expect(try read(options, "changes.html").contains("Aucun changement confirmé"))
        let feed = try XMLDocument(data: Data(contentsOf: options.siteDirectory.appendingPathComponent("feed.xml")))
        #expect(try feed.nodes(forXPath: "//*[local-name()='entry']").isEmpty)
    }
}
