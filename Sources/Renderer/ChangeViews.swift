import Foundation
import History
import Scorecard
import SovereigntyModel

/// The changes page and the Atom feeds: one entry per confirmed change, newest first.
struct ChangesView: Encodable {
    var site: SiteInfo
    var title: String
    var lede: String
    var changes: [RunChangeView]
    /// The same changes as the page shows them: one entry per platform and run.
    var groups: [ChangeGroupView]
    var hasChanges: Bool
    /// Says so when older changes are left out of this page (they stay on the platform pages and in `data/changes.csv`).
    var truncation: String?
    /// Atom's feed-level `updated`: the newest change's confirmation, else the run's date.
    var updated: String
    var feedID: String
    var feedTitle: String
    var selfURL: String?
    var alternateURL: String
    /// Path or address of the language's home as seen from this page or feed, for links to platform pages.
    var linkRoot: String
}

/// One platform at one run: the level's change first, then what else changed, each with its evidence.
struct ChangeGroupView: Encodable {
    var anchor: String
    var platformID: String
    var platformName: String
    /// "down", "up" or "neutral" (`ChangeGroups.direction`).
    var direction: String
    /// The direction in words: the colour is never alone.
    var directionWords: String
    var since: String
    var sinceWords: String
    var confirmedAt: String
    var items: [RunChangeView]
}

struct RunChangeView: Encodable {
    /// A stable tag URI (RFC 4151): the same change keeps its id from one rendering to the next.
    var id: String
    /// The change's id as a page anchor.
    var anchor: String
    var platformID: String
    var platformName: String
    var kind: String
    /// One sentence naming the platform, for feeds and lists of every platform.
    var summary: String
    /// The same without the platform's name, inside its entry.
    var detail: String
    /// Only statuses and roles have values worth quoting; "present"/"absent" of a host says nothing the detail
    /// does not.
    var showsValues: Bool
    var subject: String
    var before: String
    var after: String
    var since: String
    var sinceDay: String
    var confirmedAt: String
    var beforeEvidence: [EvidenceView]
    var afterEvidence: [EvidenceView]
    var hasEvidence: Bool
    var hasBeforeEvidence: Bool
    var hasAfterEvidence: Bool
}

extension ViewBuilder {
    /// Every confirmed change in this page language and format, built once and shared by the changes page, the
    /// feeds and the platform pages.
    func changeViews() -> [RunChangeView] { content.history.changes.map(change) }

    /// The confirmed changes of the platforms in `platformIDs` only, by platform: those whose pages are rendered.
    func changeViews(of platformIDs: Set<String>) -> [String: [RunChangeView]] {
        Dictionary(grouping: content.history.changes.lazy.filter { platformIDs.contains($0.platformID) }.map(change), by: \.platformID)
    }

    /// The newest changes, as many as the changes page and the feed can show (`pageLimit`), and how many there are
    /// in all: a long history has thousands, which only the platform pages show.
    func recentChangeViews() -> (views: [RunChangeView], total: Int) {
        (content.history.changes.prefix(max(Self.pageLimit, Self.feedLimit)).map(change), content.history.changes.count)
    }

    /// The site-wide changes page: the changes confirmed in the last `recentDays` days, at most `pageLimit`.
    /// - Parameter total: how many changes there are, when `views` holds only the newest.
    func changes(_ views: [RunChangeView], total: Int? = nil) -> ChangesView {
        let today = Self.dayNumber(content.generatedAt) ?? 0
        let recent = views.prefix { Self.dayNumber($0.confirmedAt).map { today - $0 <= Self.recentDays } ?? true }.prefix(Self.pageLimit)
        return feed(
            Array(recent), total: total ?? views.count, path: "changes.html", feedPath: "feed.xml", title: strings("changes.title"),
            feedTitle: strings("changes.feedTitle"), feedID: "\(Self.tagAuthority):changes", linkRoot: "")
    }

    /// `feed.xml`: the newest `feedLimit` changes, as feed readers expect.
    func changesFeed(_ views: [RunChangeView], total: Int? = nil) -> ChangesView {
        feed(
            Array(views.prefix(Self.feedLimit)), total: total ?? views.count, path: "changes.html", feedPath: "feed.xml",
            title: strings("changes.title"), feedTitle: strings("changes.feedTitle"), feedID: "\(Self.tagAuthority):changes", linkRoot: "")
    }

    /// A changes page that grows with every run would grow without end: it shows three months, the feed the
    /// newest hundred; every change stays on its platform's page and feed, and in `data/changes.csv`.
    static let recentDays = 90
    static let pageLimit = 500
    static let feedLimit = 100

    /// `platforms/<id>.xml`: the changes of one platform.
    /// - Parameter since: when the platform's reading last changed: the feed's `updated` without a change.
    func platformFeed(_ id: String, name: String, views: [RunChangeView], since: String?) -> ChangesView {
        feed(
            views, total: views.count, path: "platforms/\(id).html", feedPath: "platforms/\(id).xml", title: strings("changes.platformFeedTitle", ["platform": name]),
            feedTitle: strings("changes.platformFeedTitle", ["platform": name]), feedID: "\(Self.tagAuthority):changes/\(id)", linkRoot: "../",
            updated: since)
    }

    private func feed(
        _ changes: [RunChangeView], total: Int, path: String, feedPath: String, title: String, feedTitle: String, feedID: String, linkRoot: String,
        updated: String? = nil
    ) -> ChangesView {
        let absolute = content.baseURL.map { SiteURL.absolute($0, language.folder) }
        return ChangesView(
            site: site(path), title: title, lede: content.history.confirmRuns > 1
                ? strings("changes.lede", ["runs": String(content.history.confirmRuns)]) : strings("changes.ledeImmediate"),
            changes: changes, groups: groups(changes), hasChanges: !changes.isEmpty,
            truncation: changes.count < total ? strings("changes.truncated", ["shown": String(changes.count), "total": String(total)]) : nil,
            updated: changes.first?.confirmedAt ?? updated ?? content.generatedAt,
            feedID: language == .fr ? feedID : "\(feedID)/\(language.rawValue)", feedTitle: feedTitle, selfURL: absolute.map { $0 + feedPath },
            alternateURL: absolute.map { $0 + path } ?? String(path.split(separator: "/").last!), linkRoot: absolute ?? linkRoot)
    }

    /// Entries of the changes page: one per platform and run.
    func groups(_ views: [RunChangeView]) -> [ChangeGroupView] {
        ChangeGroups.group(views).map { items in
            let first = items[0]
            let direction = ChangeGroups.direction(items)
            return ChangeGroupView(
                anchor: "run-" + Self.slug(first.platformID + "-" + first.since), platformID: first.platformID, platformName: first.platformName,
                direction: direction, directionWords: direction == "neutral" ? "" : strings("changes.direction.\(direction)"), since: first.since,
                sinceWords: dayWords(first.since), confirmedAt: first.confirmedAt, items: items)
        }
    }

    /// A day in words in the page's language ("3 décembre").
    func dayWords(_ date: String) -> String {
        DayWords.day(date, reference: stable ? "" : content.generatedAt, language: language) { strings("months.\($0)") }
    }

    /// What a tag URI's specific part holds as it is (RFC 4151: pchar, "/" and "?"; "%" of a URL already encoded), so
    /// that a document's URL keeps the id it had; spaces, "#" and the like are encoded.
    static let tagBytes = TextEscaping.byteTable("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:@!$&'()*+,;=/?%")

    /// Tag URIs need an authority and a date; the date is the project's first publication, fixed so that ids never move.
    static let tagAuthority = "tag:sovereignty-report,2026-11-01"

    private func change(_ change: Change) -> RunChangeView {
        let none = CaptureLinks([])
        let beforeEvidence = change.beforeEvidence.map { evidence($0, captures: none) }
        let afterEvidence = change.afterEvidence.map { evidence($0, captures: none) }
        // A tag URI's specific part allows few characters: what it cannot hold is percent-encoded.
        let subject = change.subject.isEmpty ? "" : "/" + TextEscaping.percentEncoded(change.subject, keeping: Self.tagBytes)
        let specific = "\(change.platformID)/\(change.kind.rawValue)\(subject)/\(change.since)"
        let sentence = sentenceValues(change)
        return RunChangeView(
            id: "\(Self.tagAuthority):change/\(specific)" + (language == .fr ? "" : "/\(language.rawValue)"), anchor: "change-" + Self.slug(specific),
            platformID: change.platformID, platformName: text(change.platformName), kind: change.kind.rawValue,
            summary: text(strings("changes.\(change.kind.rawValue)", sentence)), detail: text(strings("changes.item.\(change.kind.rawValue)", sentence)),
            showsValues: [.rolesChanged, .hdsChanged, .secNumCloudChanged].contains(change.kind), subject: text(change.subject),
            before: text(value(change.before, kind: change.kind)), after: text(value(change.after, kind: change.kind)), since: change.since,
            sinceDay: String(change.since.prefix(10)), confirmedAt: change.confirmedAt,
            beforeEvidence: beforeEvidence, afterEvidence: afterEvidence,
            hasEvidence: !beforeEvidence.isEmpty || !afterEvidence.isEmpty, hasBeforeEvidence: !beforeEvidence.isEmpty,
            hasAfterEvidence: !afterEvidence.isEmpty)
    }

    /// The values of the sentence saying what changed, `changes.<kind>` (which names the platform) and
    /// `changes.item.<kind>` (which does not).
    private func sentenceValues(_ change: Change) -> [String: String] {
        // Only a level change's values are levels: shown as their badges.
        let isLevel = change.kind == .levelUp || change.kind == .levelDown
        let shown = { (value: String) in isLevel ? Level(rawValue: value)?.badge ?? value : value }
        // "(2 jours)" after the day; nothing on the day itself, never "(0 jours)".
        let days = stable ? 0 : Self.days(from: change.since, to: content.generatedAt)
        let duration = days == 0 ? "" : " (" + strings.plural("changes.days", count: days) + ")"
        return [
            "platform": change.platformName, "before": shown(change.before), "after": shown(change.after), "subject": change.subject,
            "since": dayWords(change.since), "duration": duration,
        ]
    }

    /// A value as compared between runs, in words where it is a word of ours; roles are listed by their names.
    private func value(_ value: String, kind: Change.Kind) -> String {
        switch kind {
        case .rolesChanged:
            return value.split(separator: ", ").map { strings.optional("roles.\($0)") ?? String($0) }.joined(separator: ", ")
        case .hdsChanged: return strings.optional("hds.\(value)") ?? value
        case .secNumCloudChanged: return strings.optional("secNumCloud.\(value)") ?? value
        case .levelUp, .levelDown:
            guard let level = Level(rawValue: value) else { return value }
            return "\(level.badge) — \(local(Rubric.rule(for: level).words))"
        default: break
        }
        return switch value {
        case "absent": strings("changes.absent")
        case "present": strings("changes.present")
        default: strings.optional("documentStatus.\(value)") ?? value
        }
    }

    /// Whole calendar days between the days of two ISO 8601 dates; 0 when either cannot be read.
    static func days(from start: String, to end: String) -> Int {
        guard let from = dayNumber(start), let to = dayNumber(end) else { return 0 }
        return max(0, to - from)
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD…` text (proleptic Gregorian calendar), without a date formatter.
    static func dayNumber(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (month, day) = (parts[1], parts[2])
        let year = parts[0] - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
