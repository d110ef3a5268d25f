import Foundation
import History
import SovereigntyModel

/// The changes page and the Atom feeds: one entry per confirmed change, newest first.
struct ChangesView {
    var site: SiteInfo
    var t: [String: Any]
    var title: String
    var lede: String
    var changes: [RunChangeView]
    var hasChanges: Bool
    /// Atom's feed-level `updated`: the newest change's confirmation, else the run's date.
    var updated: String
    var feedID: String
    var feedTitle: String
    var selfURL: String?
    var alternateURL: String
}

struct RunChangeView {
    /// A stable tag URI (RFC 4151): the same change keeps its id from one rendering to the next.
    var id: String
    var platformID: String
    var kind: String
    var summary: String
    var subject: String
    var before: String
    var after: String
    var since: String
    var sinceDay: String
    var confirmedAt: String
    /// The platform page, relative to the feed or page that shows the change (absolute with `--base-url`).
    var link: String
    var beforeEvidence: [EvidenceView]
    var afterEvidence: [EvidenceView]
    var hasEvidence: Bool
}

extension ViewBuilder {
    /// The site-wide changes page and `feed.xml`.
    func changes() -> ChangesView {
        feed(
            content.history.changes, path: "changes.html", feedPath: "feed.xml", title: strings("changes.title"),
            feedTitle: strings("changes.feedTitle"), feedID: "\(Self.tagAuthority):changes", linkRoot: "")
    }

    /// `platforms/<id>.xml`: the changes of one platform.
    func platformFeed(_ id: String, name: String) -> ChangesView {
        feed(
            content.history.changes.filter { $0.platformID == id }, path: "platforms/\(id).html", feedPath: "platforms/\(id).xml",
            title: strings("changes.platformFeedTitle", ["platform": name]), feedTitle: strings("changes.platformFeedTitle", ["platform": name]),
            feedID: "\(Self.tagAuthority):changes/\(id)", linkRoot: "../")
    }

    private func feed(
        _ changes: [Change], path: String, feedPath: String, title: String, feedTitle: String, feedID: String, linkRoot: String
    ) -> ChangesView {
        let absolute = content.baseURL.map { SiteURL.absolute($0, language.folder) }
        return ChangesView(
            site: site(path), t: strings.tree, title: title, lede: strings("changes.lede", ["runs": String(content.history.confirmRuns)]),
            changes: changes.map { change($0, linkRoot: absolute ?? linkRoot) }, hasChanges: !changes.isEmpty,
            updated: changes.first?.confirmedAt ?? content.generatedAt, feedID: language == .fr ? feedID : "\(feedID)/\(language.rawValue)",
            feedTitle: feedTitle, selfURL: absolute.map { $0 + feedPath }, alternateURL: (absolute ?? "") + (absolute == nil ? String(path.split(separator: "/").last!) : path))
    }

    /// Tag URIs need an authority and a date; the date is the project's first publication, fixed so that ids never move.
    static let tagAuthority = "tag:sovereignty-report,2026-11-01"

    /// - Parameter linkRoot: path or address of the language's home, for the link to the platform page.
    func change(_ change: Change, linkRoot: String) -> RunChangeView {
        let none = CaptureLinks(documents: [], top: "", published: [])
        let beforeEvidence = change.beforeEvidence.map { evidence($0, captures: none) }
        let afterEvidence = change.afterEvidence.map { evidence($0, captures: none) }
        let subject = change.subject.isEmpty ? "" : "/" + change.subject
        return RunChangeView(
            id: "\(Self.tagAuthority):change/\(change.platformID)/\(change.kind.rawValue)\(subject)/\(change.since)"
                + (language == .fr ? "" : "/\(language.rawValue)"),
            platformID: change.platformID, kind: change.kind.rawValue, summary: text(summary(change)), subject: text(change.subject),
            before: text(value(change.before)), after: text(value(change.after)), since: change.since,
            sinceDay: String(change.since.prefix(10)), confirmedAt: change.confirmedAt,
            link: "\(linkRoot)platforms/\(change.platformID).html", beforeEvidence: beforeEvidence, afterEvidence: afterEvidence,
            hasEvidence: !beforeEvidence.isEmpty || !afterEvidence.isEmpty)
    }

    /// One sentence saying what changed.
    private func summary(_ change: Change) -> String {
        strings("changes.\(change.kind.rawValue)", [
            "platform": change.platformName, "before": change.before, "after": change.after, "subject": change.subject,
            "since": String(change.since.prefix(10)), "days": String(Self.days(from: change.since, to: content.generatedAt)),
        ])
    }

    /// A value as compared between runs, in words where it is a word of ours.
    private func value(_ value: String) -> String {
        switch value {
        case "absent": strings("changes.absent")
        case "present": strings("changes.present")
        default: strings.optional("documentStatus.\(value)") ?? value
        }
    }

    /// Whole days between two ISO 8601 dates; 0 when either cannot be read.
    static func days(from start: String, to end: String) -> Int {
        guard let from = Timestamp.date(start), let to = Timestamp.date(end) else { return 0 }
        return max(0, Int(to.timeIntervalSince(from) / 86_400))
    }
}
