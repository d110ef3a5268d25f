import History
import Scorecard
import SovereigntyModel

/// One platform's past as its pages tell it: only the runs where what they show changed, each with its date, so
/// that on a night when nothing changed a platform's pages are byte for byte those of the night before (and are not
/// rendered again). The date of the latest run is on the summary, not here. Pure.
struct PlatformHistory: Equatable {
    struct Point: Equatable {
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

    struct Stretch: Equatable {
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

    /// The platform's snapshot in the run before, the only one kept besides the change points.
    private var last: PlatformSnapshot?

    /// Adds the next run (oldest first).
    mutating func add(runID: Int64, date: String, _ snapshot: PlatformSnapshot) {
        let point = Point(runID: runID, date: date, snapshot: snapshot)
        let points = readings.count + fetches.count
        if last.map({ !Self.sameReading($0, snapshot) }) ?? true { readings.append(point) }
        if last.map({ $0.documents.map(\.url) != snapshot.documents.map(\.url) || $0.documents.map(\.status) != snapshot.documents.map(\.status) }) ?? true {
            fetches.append(point)
        }
        var current: [String: Stretch] = [:]
        for document in snapshot.documents {
            let before = last?.documents.first { $0.url == document.url }
            if let before, before.status == document.status, before.sha256 == document.sha256, let stretch = stretches[document.url] {
                current[document.url] = stretch
            } else {
                current[document.url] = Stretch(fetchedAt: document.fetchedAt, attemptedAt: document.attemptedAt, httpStatus: document.httpStatus)
            }
        }
        stretches = current
        last = snapshot
        guard readings.count + fetches.count > points else { return }
        var shown: [Int64: String] = [:]
        for point in readings + fetches { shown[point.runID] = point.date }
        let ids = shown.keys.sorted()
        labels = Dictionary(uniqueKeysWithValues: zip(ids, RunLabels.labels(ids.map { shown[$0]! })))
    }

    static func sameReading(_ a: PlatformSnapshot, _ b: PlatformSnapshot) -> Bool {
        a.level == b.level && a.score == b.score && a.hosts == b.hosts
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
