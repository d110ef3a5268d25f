import Foundation
import History
import Scorecard
import SovereigntyModel
import Testing

/// Runs of one platform, written as the archive stores them (scorecard JSON), through the change detector.
@Suite struct ChangeDetectorTests {
    /// A platform's scorecard JSON with the given level and health-data hosts (name → quote).
    func snapshot(level: String, hosts: [(String, String)], document: String = "ok") throws -> PlatformSnapshot {
        let hostObjects = hosts.map { name, quote in
            #"{"name":"\#(name)","roles":["health-data"],"evidence":[{"url":"http://127.0.0.1/mentions","quote":"\#(quote)","section":null,"fetchedAt":"t"}]}"#
        }
        let json = """
            {"id":"exemple","name":"Exemple Santé","level":"\(level)","score":50,"hosts":[\(hostObjects.joined(separator: ","))],
             "hds":{"status":"certified","evidence":[]},"secNumCloud":{"status":"none","evidence":[]},
             "documents":[{"url":"http://127.0.0.1/mentions","status":"\(document)","fetchedAt":"t"}],"rank":1}
            """
        return try PlatformSnapshot.decode(json: json)
    }

    func runs(_ snapshots: [PlatformSnapshot]) -> [RunSnapshot] {
        snapshots.enumerated().map { RunSnapshot(runID: Int64($0.offset + 1), date: "2026-11-\(10 + $0.offset)T03:00:00Z", platforms: [$0.element]) }
    }

    @Test func hostChangeIsPublishedOnceTwoRunsAgree() throws {
        let before = try snapshot(level: "B", hosts: [("OVHcloud", "hébergées chez OVH")])
        let after = try snapshot(level: "D", hosts: [("Amazon Web Services", "hébergées chez AWS")])
        let history = runs([before, before, after, after, after])
        let changes = ChangeDetector(confirmRuns: 2).changes(in: history)
        #expect(Set(changes.map(\.kind)) == [.levelDown, .hostAdded, .hostRemoved])
        #expect(changes.allSatisfy { $0.since == "2026-11-12T03:00:00Z" && $0.confirmedRunID == 4 })
        let added = try #require(changes.first { $0.kind == .hostAdded })
        #expect(added.subject == "Amazon Web Services" && added.afterEvidence.map(\.quote) == ["hébergées chez AWS"])
        let removed = try #require(changes.first { $0.kind == .hostRemoved })
        #expect(removed.beforeEvidence.map(\.quote) == ["hébergées chez OVH"])
        // Seen once only, the change waits: nothing yet after the first run showing it.
        #expect(ChangeDetector(confirmRuns: 2).changes(in: Array(history.prefix(3))).isEmpty)
        #expect(ChangeDetector(confirmRuns: 1).changes(in: Array(history.prefix(3))).count == 3)
    }

    @Test func flappingPageMakesNoChange() throws {
        let ovh = try snapshot(level: "B", hosts: [("OVHcloud", "chez OVH")])
        let aws = try snapshot(level: "D", hosts: [("Amazon Web Services", "chez AWS")])
        #expect(ChangeDetector(confirmRuns: 2).changes(in: runs([ovh, aws, ovh, aws, ovh, aws, ovh])).isEmpty)
        #expect(!ChangeDetector(confirmRuns: 1).changes(in: runs([ovh, aws, ovh])).isEmpty)
    }

    @Test func unreachableThenRecoveredNewestFirst() throws {
        let ok = try snapshot(level: "B", hosts: [("OVHcloud", "chez OVH")])
        let down = try snapshot(level: "B", hosts: [("OVHcloud", "chez OVH")], document: "unreachable")
        let changes = ChangeDetector(confirmRuns: 2).changes(in: runs([ok, down, down, down, ok, ok]))
        #expect(changes.map(\.kind) == [.documentRecovered, .documentUnreachable])
        #expect(changes.map(\.subject) == ["http://127.0.0.1/mentions", "http://127.0.0.1/mentions"])
        #expect(changes.last?.since == "2026-11-11T03:00:00Z")
    }
}
