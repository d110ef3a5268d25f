import History
import Scorecard
import SovereigntyModel

/// One platform's past as its pages tell it: only the runs where what they show changed, each with its date, so
/// that on a night when nothing changed a platform's pages are byte for byte those of the night before (and are not
/// rendered again). The date of the latest run is on the summary, not here. Pure; Codable for the history's checkpoint.
struct PlatformHistory: Equatable, Codable {
    struct Point: Equatable, Codable {
        var runID: Int64
        /// The run's ISO 8601 date.
        var date: String
        var snapshot: PlatformSnapshot
    }

    /// The runs whose level, score or hosts (names, roles, evidence) differ from the run before, oldest first; the
    /// first run is always one.
    var readings: [Point] = []
    /// The runs where a document's status changed, oldest first.
    var fetches: [Point] = []
    /// Each document's current stretch (same status, same copy), by URL: when it began, as the page dates it.
    var stretches: [String: Stretch] = [:]
    /// How each date shown is named (`RunLabels`, among the dates this page shows only).
    var labels: [Int64: String] = [:]
    /// Its rows of `data/history.csv`, oldest first: one per stretch of runs that read the same level, score and hosts'
    /// names, so that the file grows with what changed, not with the nights run.
    var rows: [Row] = []

    /// A stretch of runs with the same level, score and hosts' names (their roles and quotes are the scorecards').
    /// The runs need not follow one another: a platform out of the list, or whose scorecard did not read back, in a
    /// run between has fewer `runs` than the archive has runs from `firstRun` to `lastRun`.
    struct Row: Equatable, Codable {
        var firstRun: Int64
        var firstDate: String
        var lastRun: Int64
        var lastDate: String
        var runs: Int
        var level: String
        var score: Int?
        var hosts: [String]
    }

    struct Stretch: Equatable, Codable {
        /// When the copy read was fetched, at the stretch's first run (nil when no copy was read).
        var fetchedAt: String?
        /// The first failed attempt of the stretch (for a document not read, or read from an older copy).
        var attemptedAt: String?
        var httpStatus: Int?
    }

    /// The first run with the current reading: nil without a history.
    var unchangedSince: String? { readings.last?.date }

    /// - Parameter runs: the platform in every run up to the one rendered, oldest first.
    init(_ runs: [(runID: Int64, date: String, snapshot: PlatformSnapshot)]) {
        for run in runs { add(runID: run.runID, date: run.date, run.snapshot) }
    }

    init() {}

    /// What the run before read (level, score, hosts with their evidence, as a digest that is the same in every
    /// process, since a checkpoint carries it to the next crawl) and its documents (URL, status, copy): the change
    /// points keep no quote, so that the history of every platform stays small.
    private var lastReading: UInt64?
    private var lastDocuments: [DocumentKey] = []

    private struct DocumentKey: Equatable, Codable {
        var url: String
        var status: String
        var sha256: String?
    }

    /// Adds the next run (oldest first).
    mutating func add(runID: Int64, date: String, _ snapshot: PlatformSnapshot) {
        let reading = Self.reading(snapshot)
        let documents = snapshot.documents.map { DocumentKey(url: $0.url, status: $0.status, sha256: $0.sha256) }
        let readingChanged = lastReading != reading
        let fetchChanged = lastReading == nil || lastDocuments.map(\.url) != documents.map(\.url) || lastDocuments.map(\.status) != documents.map(\.status)
        if readingChanged || fetchChanged {
            let point = Point(runID: runID, date: date, snapshot: Self.withoutQuotes(snapshot))
            if readingChanged { readings.append(point) }
            if fetchChanged { fetches.append(point) }
            var shown: [Int64: String] = [:]
            for point in readings + fetches { shown[point.runID] = point.date }
            let ids = shown.keys.sorted()
            labels = Dictionary(uniqueKeysWithValues: zip(ids, RunLabels.labels(ids.map { shown[$0]! })))
        }
        var current: [String: Stretch] = [:]
        for (document, key) in zip(snapshot.documents, documents) {
            if lastDocuments.contains(key), let stretch = stretches[document.url] {
                current[document.url] = stretch
            } else {
                current[document.url] = Stretch(fetchedAt: document.fetchedAt, attemptedAt: document.attemptedAt, httpStatus: document.httpStatus)
            }
        }
        stretches = current
        (lastReading, lastDocuments) = (reading, documents)
        addRow(runID: runID, date: date, snapshot)
    }

    private mutating func addRow(runID: Int64, date: String, _ snapshot: PlatformSnapshot) {
        let (level, hosts) = (snapshot.level.rawValue, snapshot.hosts.map(\.name))
        if let last = rows.indices.last, rows[last].level == level, rows[last].score == snapshot.score, rows[last].hosts == hosts {
            rows[last].lastRun = runID
            rows[last].lastDate = date
            rows[last].runs += 1
        } else {
            rows.append(Row(firstRun: runID, firstDate: date, lastRun: runID, lastDate: date, runs: 1, level: level, score: snapshot.score, hosts: hosts))
        }
    }

    /// Level, score and hosts (names, roles, quotes): a change of any is a new reading.
    static func reading(_ snapshot: PlatformSnapshot) -> UInt64 {
        var digest = StableDigest()
        digest.add(snapshot.level.rawValue)
        digest.add(snapshot.score.map(String.init))
        digest.add(snapshot.hosts.count)
        for host in snapshot.hosts {
            digest.add(host.name)
            digest.add(host.roles.count)
            for role in host.roles { digest.add(role.rawValue) }
            digest.add(host.evidence.count)
            for evidence in host.evidence { digest.add(evidence) }
        }
        return digest.value
    }

    /// What a change point shows: its quotes are the scorecard's and the changes' business.
    static func withoutQuotes(_ snapshot: PlatformSnapshot) -> PlatformSnapshot {
        var slim = snapshot
        for index in slim.hosts.indices { slim.hosts[index].evidence = [] }
        slim.hds.evidence = []
        slim.secNumCloud.evidence = []
        return slim
    }

    func label(_ point: Point) -> String { labels[point.runID] ?? String(point.date.prefix(10)) }

    /// The scorecard's documents dated as the page shows them: a copy confirmed unchanged tonight (a 304, or the same
    /// bytes) keeps the date and HTTP status it was first read with, a failure the day it began, so that a night
    /// when nothing changed changes nothing on the page.
    func pageCard(_ card: PlatformScorecard) -> PlatformScorecard {
        var shown = card
        shown.documents = card.documents.map { document in
            guard let stretch = stretches[document.url] else { return document }
            var dated = document
            dated.httpStatus = stretch.httpStatus
            if document.fetchedAt != nil, document.status != "stale" { dated.fetchedAt = stretch.fetchedAt ?? document.fetchedAt }
            if document.attemptedAt != nil, document.status != "ok" { dated.attemptedAt = stretch.attemptedAt ?? document.attemptedAt }
            if document.status == "ok" { dated.attemptedAt = nil }
            return dated
        }
        return shown
    }
}
