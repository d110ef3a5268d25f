import Foundation
import History
@testable import Renderer
import Scorecard
import SovereigntyModel
import Testing

/// A platform's history as its pages tell it: the runs where the reading changed, not every run, and each document
/// dated by the copy that was read, so that a night when nothing changed changes nothing the pages show.
@Suite struct PlatformHistoryTests {
    /// One night's scorecard JSON: the level, one host and its quote, one document with its copy and HTTP status.
    func night(_ level: String, quote: String, sha: String, http: Int, status: String = "ok", at date: String) throws -> PlatformSnapshot {
        let read = status == "ok" || status == "stale"
        return try PlatformSnapshot.decode(json: """
            {"id":"p","name":"P","level":"\(level)","score":50,
             "hosts":[{"name":"OVH","roles":["health-data"],"evidence":[{"url":"http://127.0.0.1/m","quote":"\(quote)","section":null,"fetchedAt":"x"}]}],
             "hds":{"status":"certified","evidence":[]},"secNumCloud":{"status":"none","evidence":[]},
             "documents":[{"url":"http://127.0.0.1/m","status":"\(status)","fetchedAt":\(read ? "\"\(date)\"" : "null"),
             "attemptedAt":"\(date)","sha256":"\(sha)","httpStatus":\(http)}]}
            """)
    }

    @Test func onlyTheRunsWhereTheReadingChangedAreListed() throws {
        let dates = (1...5).map { "2026-11-2\($0)T03:00:00Z" }
        let nights = [
            try night("B", quote: "q1", sha: "s1", http: 200, at: dates[0]),
            try night("B", quote: "q1", sha: "s1", http: 304, at: dates[1]),
            try night("B", quote: "q2", sha: "s2", http: 200, at: dates[2]),  // a new quote: a new reading
            try night("B", quote: "q2", sha: "s2", http: 304, at: dates[3]),
            try night("B", quote: "q2", sha: "s2", http: 304, at: dates[4]),
        ]
        let history = PlatformHistory(nights.enumerated().map { (Int64($0.offset + 1), dates[$0.offset], $0.element) })
        #expect(history.readings.map(\.date) == [dates[0], dates[2]])
        #expect(history.unchangedSince == dates[2])
        #expect(history.fetches.map(\.date) == [dates[0]], "the document's status never changed")
        #expect(history.readings.allSatisfy { $0.snapshot.hosts.allSatisfy(\.evidence.isEmpty) }, "change points keep no quote")
        // Tonight's 304 is shown as the copy it confirmed: fetched on the third night, with its 200.
        let stretch = try #require(history.stretches["http://127.0.0.1/m"])
        #expect(stretch.fetchedAt == dates[2] && stretch.httpStatus == 200)
    }

    @Test func aFailingDocumentIsDatedByTheNightItsFailureBegan() throws {
        let dates = (1...3).map { "2026-11-2\($0)T03:00:00Z" }
        let history = PlatformHistory([
            (1, dates[0], try night("B", quote: "q", sha: "s", http: 200, at: dates[0])),
            (2, dates[1], try night("unrated", quote: "q", sha: "", http: 500, status: "unreachable", at: dates[1])),
            (3, dates[2], try night("unrated", quote: "q", sha: "", http: 500, status: "unreachable", at: dates[2])),
        ])
        #expect(history.fetches.map(\.date) == [dates[0], dates[1]])
        #expect(history.stretches["http://127.0.0.1/m"]?.attemptedAt == dates[1])
    }

    /// `data/history.csv` grows with what changed, not with the nights run: a row per stretch of runs with the same
    /// level, score and hosts' names (a new quote is no new row), whose run count shows a run the platform missed.
    @Test func theDataFileHasARowPerStretchOfTheSameReading() throws {
        let dates = (1...6).map { "2026-11-2\($0)T03:00:00Z" }
        let runs: [(Int64, String)] = [(1, "B"), (2, "B"), (3, "C"), (5, "C"), (6, "B")]  // not in run 4
        var history = PlatformHistory()
        for (run, level) in runs {
            let date = dates[Int(run) - 1]
            history.add(runID: run, date: date, try night(level, quote: "q\(run)", sha: "s", http: 200, at: date))
        }
        #expect(history.rows.map { [$0.firstRun, $0.lastRun, Int64($0.runs)] } == [[1, 2, 2], [3, 5, 2], [6, 6, 1]])
        #expect(history.rows.map(\.level) == ["B", "C", "B"] && history.rows[1].firstDate == dates[2] && history.rows[1].lastDate == dates[4])
        let lines = DataFiles.history(["é": history, "z": history, "a": PlatformHistory([(1, dates[0], try night("A", quote: "q", sha: "s", http: 200, at: dates[0]))])])
            .components(separatedBy: "\r\n")
        #expect(lines[0] == DataFiles.historyColumns.joined(separator: ","))
        #expect(lines[1] == "a,1,\(dates[0]),1,\(dates[0]),1,A,50,OVH")
        #expect(lines[2] == "z,1,\(dates[0]),2,\(dates[1]),2,B,50,OVH", "ids in UTF-8 byte order: z before é")
        #expect(lines.count == 1 + 1 + 3 + 3 + 1, "the header, a's row, three rows each for z and é, the last line end")
    }
}
