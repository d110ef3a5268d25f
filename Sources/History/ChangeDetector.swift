import Foundation
import Scorecard
import SovereigntyModel

/// Finds what changed between runs, publishing a change only when `confirmRuns` consecutive runs agree on the new
/// state: a page that flaps between two captures, or one bad night, makes no alert. Pure: snapshots in, changes out.
public struct ChangeDetector: Sendable {
    public let confirmRuns: Int

    public init(confirmRuns: Int = 2) {
        self.confirmRuns = max(1, confirmRuns)
    }

    /// - Parameter runs: oldest first. Returns the changes newest first.
    public func changes(in runs: [RunSnapshot]) -> [Change] {
        var session = Session(confirmRuns: confirmRuns)
        for run in runs { session.observe(run) }
        return session.changes()
    }

    /// The same, one run at a time, so that only the current run's scorecards are held: the trackers keep the last
    /// confirmed observation of each field, never the runs.
    ///
    /// Its state can be kept (the history's checkpoint), so that the next crawl goes on from it rather than read
    /// every run again: the run-wide part is Codable, each platform's trackers apart (`trackers(of:)`), so that a
    /// checkpoint is written and read one platform at a time.
    public struct Session: Sendable, Codable {
        let confirmRuns: Int
        // Trackers by platform, then by field: each platform reads only its own.
        private var trackers: [String: [Field: Tracker]] = [:]
        private var found: [Change] = []
        /// Each observed run's date, by its index: a change is published under the date of its first run.
        private var dates: [String] = []

        public init(confirmRuns: Int = 2) { self.confirmRuns = max(1, confirmRuns) }

        /// The run being observed, by `begin`.
        private var current: CurrentRun?

        private struct CurrentRun: Sendable, Codable {
            var runID: Int64
            var date: String
        }

        private enum CodingKeys: String, CodingKey {
            case confirmRuns, found, dates, current
        }

        /// What the runs observed of one platform, as the next run compares with it.
        public func trackers(of platformID: String) -> PlatformTrackers? {
            trackers[platformID].map(PlatformTrackers.init)
        }

        /// Puts back a platform's trackers, as `trackers(of:)` gave them.
        public mutating func restore(_ kept: PlatformTrackers, of platformID: String) {
            trackers[platformID] = kept.fields
        }

        /// Lets go of a platform's trackers once they are kept elsewhere: only a later run's observation needs them.
        public mutating func forgetTrackers(of platformID: String) {
            trackers[platformID] = nil
        }

        /// Observes the next run (oldest first).
        public mutating func observe(_ run: RunSnapshot) {
            begin(runID: run.runID, date: run.date)
            for platform in run.platforms { observe(platform) }
        }

        /// Starts the next run (oldest first), whose platforms `observe(_:)` then reads one at a time.
        public mutating func begin(runID: Int64, date: String) {
            dates.append(date)
            current = CurrentRun(runID: runID, date: date)
        }

        /// Observes one platform in the run `begin` started.
        public mutating func observe(_ platform: PlatformSnapshot) {
            guard let run = current else { return }
            let index = dates.count - 1
            let observations = ChangeDetector.observations(of: platform)
            // Taken out, not copied, so that writing to it does not copy the platform's trackers.
            let previous = trackers.removeValue(forKey: platform.id)
            // Only a rated run observes the level: it says whether an earlier run read the platform's documents.
            let ratedBefore = previous?[.level] != nil
            var own = previous ?? [:]
            // A host gone from a rated run is observed as absent; an unrated run read nothing, so a host it does
            // not name is unseen, not gone. The other fields are followed while they exist.
            var fields = Set(observations.keys)
            if platform.level != .unrated {
                for field in own.keys where field.isHost { fields.insert(field) }
            }
            for field in fields.sorted() {
                let observed = observations[field] ?? Observation(value: ChangeDetector.absent, evidence: [])
                // A host first named after the platform's first rated run was absent until then; anything else
                // starts where it is first seen.
                let isNewHost = field.isHost && ratedBefore
                guard var tracker = own[field] ?? (isNewHost ? Tracker(confirmed: Observation(value: ChangeDetector.absent, evidence: [])) : nil)
                else {
                    own[field] = Tracker(confirmed: observed)
                    continue
                }
                if let change = tracker.observe(observed, runIndex: index, confirmRuns: confirmRuns) {
                    found.append(
                        ChangeDetector.change(field: field, platform: platform, from: change.before, to: change.after,
                                              since: dates[change.firstRun], confirmedAt: run.date, runID: run.runID))
                }
                own[field] = tracker
            }
            trackers[platform.id] = own
        }

        /// The changes confirmed by the runs observed, newest first.
        public func changes() -> [Change] {
            found.enumerated().sorted { lhs, rhs in
                lhs.element.confirmedRunID != rhs.element.confirmedRunID
                    ? lhs.element.confirmedRunID > rhs.element.confirmedRunID : lhs.offset < rhs.offset
            }.map(\.element)
        }
    }

    static let absent = "absent"

    /// What a run observed of a platform. An unrated run read no document: its level, statuses and hosts are not
    /// observations (they would publish "HDS status unknown" or "host removed" from missing evidence), only its
    /// documents' fetch outcomes are; the fields it leaves out keep their last rated values.
    fileprivate static func observations(of platform: PlatformSnapshot) -> [Field: Observation] {
        var fields: [Field: Observation] = [:]
        for document in platform.documents {
            fields[.document(document.url)] = Observation(value: document.status == "ok" ? "ok" : document.status, evidence: [])
        }
        guard platform.level != .unrated else { return fields }
        fields[.level] = Observation(value: platform.level.rawValue, evidence: [])
        fields[.hds] = Observation(value: platform.hds.status, evidence: platform.hds.evidence)
        fields[.secNumCloud] = Observation(value: platform.secNumCloud.status, evidence: platform.secNumCloud.evidence)
        for host in platform.hosts {
            fields[.host(host.name)] = Observation(value: "present", evidence: host.evidence)
            fields[.roles(host.name)] = Observation(value: host.roles.map(\.rawValue).joined(separator: ", "), evidence: host.evidence)
        }
        return fields
    }

    fileprivate static func change(
        field: Field, platform: PlatformSnapshot, from before: Observation, to after: Observation, since: String, confirmedAt: String, runID: Int64
    ) -> Change {
        let kind: Change.Kind
        var subject = ""
        switch field {
        case .level:
            let old = Level(rawValue: before.value) ?? .unrated
            let new = Level(rawValue: after.value) ?? .unrated
            kind = new < old ? .levelUp : .levelDown
        case .hds: kind = .hdsChanged
        case .secNumCloud: kind = .secNumCloudChanged
        case .host(let name):
            kind = after.value == absent ? .hostRemoved : .hostAdded
            subject = name
        case .roles(let name):
            kind = .rolesChanged
            subject = name
        case .document(let url):
            kind = after.value == "ok" ? .documentRecovered : .documentUnreachable
            subject = url
        }
        return Change(
            platformID: platform.id, platformName: platform.name, kind: kind, subject: subject, before: before.value,
            after: after.value, since: since, confirmedAt: confirmedAt, confirmedRunID: runID,
            beforeEvidence: before.evidence, afterEvidence: after.evidence)
    }
}

/// One platform's trackers, by field: opaque outside the detector, Codable for the history's checkpoint.
public struct PlatformTrackers: Sendable, Codable {
    fileprivate var fields: [Field: Tracker]
}

/// One thing a run says of a platform: a value, compared across runs, and the quotes behind it.
struct Observation: Equatable, Sendable, Codable {
    var value: String
    var evidence: [Evidence]
}

enum Field: Hashable, Comparable, Sendable, Codable {
    case level, hds, secNumCloud
    case host(String)
    case roles(String)
    case document(String)

    var isHost: Bool {
        if case .host = self { return true }
        return false
    }
}

/// The published value of one field, and the new value waiting for enough runs to agree.
struct Tracker: Sendable, Codable {
    var confirmed: Observation
    var candidate: Candidate? = nil

    /// A new value seen `count` runs in a row, the first of them `firstRun`.
    struct Candidate: Sendable, Codable {
        var observation: Observation
        var count: Int
        var firstRun: Int
    }

    /// Returns the change when this run confirms one.
    mutating func observe(_ observed: Observation, runIndex: Int, confirmRuns: Int) -> (before: Observation, after: Observation, firstRun: Int)? {
        if observed.value == confirmed.value {
            confirmed.evidence = observed.evidence.isEmpty ? confirmed.evidence : observed.evidence
            candidate = nil
            return nil
        }
        if let current = candidate, current.observation.value == observed.value {
            candidate = Candidate(observation: observed, count: current.count + 1, firstRun: current.firstRun)
        } else {
            candidate = Candidate(observation: observed, count: 1, firstRun: runIndex)
        }
        guard let ready = candidate, ready.count >= confirmRuns else { return nil }
        let before = confirmed
        confirmed = ready.observation
        candidate = nil
        return (before, ready.observation, ready.firstRun)
    }
}
