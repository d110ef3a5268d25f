import Foundation
import History

/// The history builder's state in two parts that can be kept and read back apart: the run-wide part (the runs'
/// dates, the confirmed changes) and each platform's (its change detector's trackers, its change points and its rows
/// of `data/history.csv`), one JSON line each. A platform's part can be read, brought up to tonight's run and kept again
/// before the next one is read, so that a crawl never holds every platform's trackers at once.
extension SiteHistory.Builder {
    private struct RunWide: Codable {
        /// Without its trackers, which go with their platform.
        var session: ChangeDetector.Session
        var detectsChanges: Bool
        var confirmRuns: Int
        var lastRunID: Int64?
        var run: BuilderRun?
    }

    /// One platform's part of the state.
    public struct KeptPlatform: Codable, Sendable {
        public var id: String
        var trackers: PlatformTrackers?
        var history: PlatformHistory?
    }

    /// The run-wide part, as one line of JSON.
    public func runWideLine() throws -> Data {
        try JSONEncoder().encode(
            RunWide(
                session: session, detectsChanges: detectsChanges, confirmRuns: built.confirmRuns,
                lastRunID: built.lastRunID, run: run))
    }

    /// A builder with the run-wide part `runWideLine()` gave, and no platform yet.
    public init(runWideLine: Data) throws {
        let runWide = try JSONDecoder().decode(RunWide.self, from: runWideLine)
        self.init(confirmRuns: runWide.confirmRuns, detectsChanges: runWide.detectsChanges)
        session = runWide.session
        built.lastRunID = runWide.lastRunID
        run = runWide.run
    }

    /// Every platform with a part, in the order `SiteHistory.Builder.precedes` puts ids.
    /// (A platform's trackers and its change points are added together, so its change points say it has a part.)
    public var platformIDs: [String] {
        built.platforms.keys.sorted(by: Self.precedes)
    }

    /// The order platforms' parts are kept in: their ids' UTF-8 bytes, as SQLite hands a run's scorecards over.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// One platform's part, as one line of JSON.
    public func platformLine(_ id: String) throws -> Data {
        try JSONEncoder().encode(KeptPlatform(id: id, trackers: session.trackers(of: id), history: built.platforms[id]))
    }

    /// Reads back a line `platformLine(_:)` gave.
    public static func keptPlatform(line: Data) throws -> KeptPlatform {
        try JSONDecoder().decode(KeptPlatform.self, from: line)
    }

    /// Puts back a platform's part.
    public mutating func restore(_ kept: KeptPlatform) {
        if let trackers = kept.trackers { session.restore(trackers, of: kept.id) }
        if let history = kept.history { built.platforms[kept.id] = history }
    }

    /// Whether the platform has a part to keep (one whose only scorecard tonight did not read back has none).
    public func hasPart(_ id: String) -> Bool {
        built.platforms[id] != nil
    }

    /// Lets go of a platform's trackers once its part is kept: the pages need only its change points.
    public mutating func forgetTrackers(of id: String) {
        session.forgetTrackers(of: id)
    }
}
