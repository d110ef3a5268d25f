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

/// A run that read none of a platform's documents states nothing about its level, statuses or hosts: only the
/// documents' outcomes are changes. Archived runs of both scorecard schemas are read.
@Suite struct UnratedRunTests {
    let detector = ChangeDetectorTests()

    /// An unrated platform as schema 1 stored it (a rank, "none" statuses, a date for the unread document) or as
    /// schema 2 does (no rank, "unknown" statuses, `fetchedAt` null and the request's time in `attemptedAt`).
    func unrated(schema: Int) throws -> PlatformSnapshot {
        let (rank, status, dates) =
            schema == 1
            ? ("15", "none", #""fetchedAt":"2026-11-11T03:00:00Z""#)
            : ("null", "unknown", #""fetchedAt":null,"attemptedAt":"2026-11-11T03:00:00Z""#)
        return try PlatformSnapshot.decode(json: """
            {"id":"exemple","name":"Exemple Santé","level":"unrated","score":null,"rank":\(rank),"hosts":[],
             "hds":{"status":"\(status)","evidence":[]},"secNumCloud":{"status":"\(status)","evidence":[]},
             "zeroKnowledge":{"claimed":\(schema == 1 ? "false" : "null"),"evidence":[]},
             "documents":[{"url":"http://127.0.0.1/mentions","status":"unreachable",\(dates)}]}
            """)
    }

    @Test(arguments: [1, 2]) func becomingUnratedPublishesOnlyTheUnreachableDocument(schema: Int) throws {
        let rated = try detector.snapshot(level: "B", hosts: [("OVHcloud", "hébergées chez OVH")])
        let changes = ChangeDetector(confirmRuns: 1).changes(in: detector.runs([rated, try unrated(schema: schema), try unrated(schema: schema)]))
        #expect(changes.map(\.kind) == [.documentUnreachable], "no level, HDS, SecNumCloud or host change from missing evidence")
    }

    @Test func readAgainAfterUnratedRunsComparesWithTheLastRatedRun() throws {
        let ovh = try detector.snapshot(level: "B", hosts: [("OVHcloud", "hébergées chez OVH")])
        let aws = try detector.snapshot(level: "D", hosts: [("Amazon Web Services", "hébergées chez AWS")])
        let down = try unrated(schema: 2)
        #expect(Set(ChangeDetector(confirmRuns: 1).changes(in: detector.runs([ovh, down, ovh])).map(\.kind)) == [.documentUnreachable, .documentRecovered])
        let changes = ChangeDetector(confirmRuns: 1).changes(in: detector.runs([ovh, down, aws]))
        #expect(Set(changes.map(\.kind)) == [.documentUnreachable, .documentRecovered, .levelDown, .hostAdded, .hostRemoved])
        #expect(changes.first { $0.kind == .levelDown }.map { "\($0.before)→\($0.after)" } == "B→D")
    }

    @Test func aPlatformFirstReadAfterUnratedRunsGainsNoHost() throws {
        let ovh = try detector.snapshot(level: "B", hosts: [("OVHcloud", "hébergées chez OVH")])
        let changes = ChangeDetector(confirmRuns: 1).changes(in: detector.runs([try unrated(schema: 1), try unrated(schema: 2), ovh]))
        #expect(changes.map(\.kind) == [.documentRecovered], "its first read is where its evidence starts, not a change")
    }

    @Test func archivedScorecardsOfBothSchemasDecode() throws {
        let old = try unrated(schema: 1)
        #expect(old.documents.first?.fetchedAt == "2026-11-11T03:00:00Z" && old.documents.first?.attemptedAt == nil)
        let new = try unrated(schema: 2)
        #expect(new.documents.first?.fetchedAt == nil && new.documents.first?.attemptedAt == "2026-11-11T03:00:00Z")
        #expect(new.hds.status == "unknown" && new.level == .unrated && new.score == nil)
    }
}
