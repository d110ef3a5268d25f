import History
import SovereigntyModel

/// The changes page and the Atom feed: one entry per confirmed change, newest first.
struct ChangesView {
    var site: SiteInfo
    var title: String
    var changes: [RunChangeView]
    var hasChanges: Bool
    var confirmRuns: Int
    /// Atom's feed-level `updated`: the newest change's confirmation, else the run's date.
    var updated: String
    var feedID: String
}

struct RunChangeView {
    /// A stable tag URI (RFC 4151): the same change keeps its id from one rendering to the next.
    var id: String
    var platformID: String
    var platformName: String
    var kind: String
    var summary: String
    var subject: String
    var before: String
    var after: String
    var since: String
    var sinceDay: String
    var confirmedAt: String
    var beforeEvidence: [EvidenceView]
    var afterEvidence: [EvidenceView]
    var hasEvidence: Bool
}

extension ViewBuilder {
    func changes(_ changes: [Change], confirmRuns: Int, root: String = "") -> ChangesView {
        ChangesView(
            site: site(root: root), title: "Changements — souveraineté des données de santé", changes: changes.map(change),
            hasChanges: !changes.isEmpty, confirmRuns: confirmRuns, updated: changes.first?.confirmedAt ?? generatedAt,
            feedID: "\(Self.tagAuthority):changes")
    }

    /// Tag URIs need an authority and a date; the date is the project's first publication, fixed so that ids never move.
    static let tagAuthority = "tag:sovereignty-report,2026-11-01"

    private func change(_ change: Change) -> RunChangeView {
        let beforeEvidence = change.beforeEvidence.map(evidence)
        let afterEvidence = change.afterEvidence.map(evidence)
        let subject = change.subject.isEmpty ? "" : "/" + change.subject
        return RunChangeView(
            id: "\(Self.tagAuthority):change/\(change.platformID)/\(change.kind.rawValue)\(subject)/\(change.since)",
            platformID: change.platformID, platformName: text(change.platformName), kind: change.kind.rawValue,
            summary: text(Labels.change(change)), subject: text(change.subject), before: text(Labels.changeValue(change.before)),
            after: text(Labels.changeValue(change.after)), since: change.since, sinceDay: String(change.since.prefix(10)),
            confirmedAt: change.confirmedAt, beforeEvidence: beforeEvidence, afterEvidence: afterEvidence,
            hasEvidence: !beforeEvidence.isEmpty || !afterEvidence.isEmpty)
    }
}
