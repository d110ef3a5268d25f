import Foundation
import History
import Scorecard
import SovereigntyModel

/// Turns scorecards into template values for one language and format, passing every piece of page text through
/// the format's escaping.
struct ViewBuilder {
    let escaping: TextEscaping
    let strings: Strings
    let content: SiteContent
    /// Each category's file name under `categories/` (`uniqueSlugs` of all categories).
    let categorySlugs: [String: String]
    /// Each host's page under `providers/`, by host key (provider id, or the name of a host we do not know).
    var providerSlugs: [String: String] = [:]
    /// Builds a platform's own pages (page, Markdown, feed, badge), which must be the same on a night when nothing
    /// changed: no run date, no "(3 days)" counted to tonight, years always written.
    var stable = false
    var language: SiteLanguage { strings.language }

    func text(_ value: String) -> String { escaping.apply(value) }

    /// An address as the format links it (see `TextEscaping.link`).
    func link(_ url: String) -> String { escaping.link(url) }

    /// Site values for the page at `path`, relative to the language's home (e.g. `platforms/x.html`).
    func site(_ path: String) -> SiteInfo {
        let depth = path.split(separator: "/").count - 1
        let home = String(repeating: "../", count: depth)
        let top = home + String(repeating: "../", count: language.folder.split(separator: "/").count)
        let other: SiteLanguage = language == .fr ? .en : .fr
        let alternate = top + other.folder + path
        return SiteInfo(
            lang: language.rawValue, generatedAt: stable ? "" : content.generatedAt, generatedDay: stable ? "" : String(content.generatedAt.prefix(10)),
            rubricVersion: Rubric.version, home: home, top: top, alternate: alternate, alternateLang: other.rawValue,
            canonical: content.baseURL.map { SiteURL.absolute($0, language.folder + path) }, ignoredRobots: content.ignoredRobots,
            repo: RepoPathsView(
                providers: repoPath("Inputs/providers.yml"), registries: repoPath("Inputs/registries/"),
                corrections: repoPath("Inputs/corrections.yml"), rubric: repoPath("Sources/Scorecard/Rubric.swift")))
    }

    /// A repository path, linked into `--source-url` when given; an absolute path (a file outside the project) never is.
    func repoPath(_ path: String) -> RepoPathView {
        RepoPathView(path: path, href: path.hasPrefix("/") ? nil : content.sourceURL.map { SiteURL.absolute($0, path) })
    }

    var levels: [LevelView] {
        Rubric.levels.map { rule in
            LevelView(level: rule.level.badge, slug: rule.level.slug, words: local(rule.words), rule: local(rule.rule))
        }
    }

    func local(_ text: Localized) -> String { text.text(language.rawValue) }

    // MARK: summary and filter pages

    func summary(_ scorecards: [PlatformScorecard]) -> SummaryView {
        var view = listing(
            scorecards, chosen: scorecards, page: site("index.html"), title: strings("index.title"), heading: strings("index.heading"),
            explanation: nil, current: nil)
        let figures = SummaryFigures(scorecards)
        view.nothingRead = NothingReadNotice(scorecards, failureReasons: content.failureReasons).map { notice in
            strings.plural("offline.notice", count: notice.count, [
                "total": String(notice.total),
                "reason": strings.optional("offline.reasons.\(notice.reason)") ?? strings("offline.reasons.other"),
            ])
        }
        view.headline = headline(figures)
        view.chart = LevelChart(
            figures.byLevel.map { item in
                (item.level.badge, item.level.slug, local(Rubric.rule(for: item.level).words), item.count)
            },
            describe: { level, words, count in strings("chart.item", ["level": level, "words": words, "count": String(count)]) })
        return view
    }

    /// The figures of the headline band, in the order a reader asks: how many were read, then what they risk.
    func headline(_ figures: SummaryFigures) -> [HeadlineItemView] {
        let total = ["total": String(figures.total), "assessed": String(figures.assessed)]
        func item(_ key: String, _ count: Int, _ tone: String) -> HeadlineItemView {
            HeadlineItemView(figure: count, label: strings.plural("headline.\(key)", count: count, total), tone: tone)
        }
        return [
            item("assessed", figures.assessed, ""), item("usReachable", figures.usReachable, "warning"),
            item("secNumCloud", figures.secNumCloud, "good"), item("hdsNamed", figures.hdsNamed, ""), item("notAssessed", figures.notAssessed, ""),
        ]
    }

    /// One static page per level: filtering that needs no JavaScript.
    func levelPage(_ level: Level, _ scorecards: [PlatformScorecard]) -> SummaryView {
        let rule = Rubric.rule(for: level)
        let heading = strings("filters.levelTitle", ["level": level.badge, "words": local(rule.words)])
        return listing(
            scorecards, chosen: scorecards.filter { $0.level == level }, page: site("levels/\(level.slug).html"),
            title: "\(heading) — \(strings("site.name"))", heading: heading, explanation: local(rule.rule), current: level.slug)
    }

    func categoryPage(_ category: String, _ scorecards: [PlatformScorecard]) -> SummaryView {
        let heading = strings("filters.categoryTitle", ["category": categoryName(category)])
        return listing(
            scorecards, chosen: scorecards.filter { $0.category == category }, page: site("categories/\(categorySlugs[category]!).html"),
            title: "\(heading) — \(strings("site.name"))", heading: heading, explanation: nil, current: "category:" + category)
    }

    /// A page listing `chosen`: the rated platforms in rank order, then, under their own heading, the unrated ones,
    /// which have no place in a ranking.
    private func listing(
        _ all: [PlatformScorecard], chosen: [PlatformScorecard], page: SiteInfo, title: String, heading: String, explanation: String?,
        current: String?
    ) -> SummaryView {
        let ranked = chosen.filter { $0.level != .unrated }
        let unrated = chosen.filter { $0.level == .unrated }
        let day = String(content.generatedAt.prefix(10))
        return SummaryView(
            site: page, title: title, heading: heading, nothingRead: nil, headline: [], chart: nil, explanation: explanation, caption: strings("table.caption", ["day": day]),
            levels: levels, filters: filters(all, current: current), platforms: ranked.map(row), platformCount: ranked.count,
            showRanking: !ranked.isEmpty || unrated.isEmpty, unrated: unrated.map(unratedRow), unratedCount: unrated.count,
            hasUnrated: !unrated.isEmpty, unratedCaption: strings("table.unratedCaption", ["day": day]))
    }

    private func filters(_ scorecards: [PlatformScorecard], current: String?) -> FiltersView {
        let levelLinks = Rubric.levels.map { rule in
            FilterLinkView(
                slug: rule.level.slug, level: rule.level.badge, name: rule.level.badge, words: local(rule.words),
                count: scorecards.count { $0.level == rule.level }, current: current == rule.level.slug)
        }
        let categoryLinks = Self.categories(scorecards).map { category in
            FilterLinkView(
                slug: categorySlugs[category]!, level: "", name: categoryName(category), words: "",
                count: scorecards.count { $0.category == category }, current: current == "category:" + category)
        }
        return FiltersView(allCount: scorecards.count, levels: levelLinks, categories: categoryLinks)
    }

    static func categories(_ scorecards: [PlatformScorecard]) -> [String] { Array(Set(scorecards.map(\.category))).sorted() }

    /// A name as a file name or anchor: accents dropped, then lower-case letters, digits and dashes only.
    static func slug(_ name: String) -> String {
        let folded = name.utf8.allSatisfy { $0 < 0x80 } ? name : name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let mapped = folded.lowercased().unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-" }
        let slug = String(mapped).split(separator: "-").joined(separator: "-")
        return slug.isEmpty ? "other" : slug
    }

    /// Slugs for names, in their sorted order, made unique with "-2", "-3"… so that two names never share a file
    /// or an anchor.
    static func uniqueSlugs(_ names: [String]) -> [String: String] {
        var used: Set<String> = []
        var slugs: [String: String] = [:]
        for name in Set(names).sorted() {
            let base = slug(name)
            var candidate = base
            var number = 2
            while used.contains(candidate) {
                candidate = "\(base)-\(number)"
                number += 1
            }
            used.insert(candidate)
            slugs[name] = candidate
        }
        return slugs
    }

    /// A category's name in the page's language; a category the strings file does not know is shown as written.
    func categoryName(_ category: String) -> String { text(strings.optional("categories.\(category)") ?? category) }

    private func row(_ card: PlatformScorecard) -> PlatformRowView {
        let healthHosts = card.hosts.filter { $0.roles.contains(where: \.carriesHealthData) }
        let chips = healthHosts.map { host in
            HostChipView(
                name: text(host.name), jurisdiction: host.parentCountry ?? host.country ?? strings("table.unknownCountry"),
                href: providerSlugs[host.key].map { "providers/\($0).html" })
        }
        let shown = chips.map { "\($0.name) (\($0.jurisdiction))" }
        let stale = card.documents.filter { $0.status == "stale" }.compactMap(\.fetchedAt).min()
        return PlatformRowView(
            rank: card.rank, id: card.id, name: text(card.name), category: categoryName(card.category), level: card.level.badge,
            levelSlug: card.level.slug, levelWords: local(Rubric.rule(for: card.level).words), score: card.score.map(String.init) ?? "—",
            mainHosts: shown.isEmpty ? "—" : shown.joined(separator: ", "), healthHosts: chips,
            usExposure: strings("exposure.\(Self.exposureState(card.cloudActExposed))"), exposureState: Self.exposureState(card.cloudActExposed),
            hds: strings("hds.\(card.hds.status)"), secNumCloud: strings("secNumCloud.\(card.secNumCloud.status)"),
            date: card.documents.compactMap(\.fetchedAt).max().map { String($0.prefix(10)) } ?? "—",
            stale: stale.map { strings("table.stale", ["day": String($0.prefix(10))]) })
    }

    private func unratedRow(_ card: PlatformScorecard) -> UnratedRowView {
        let outcomes = card.documents.map { "\(strings("documentStatus.\($0.status)")) (\(strings("kind.\($0.kind.rawValue)")))" }
        return UnratedRowView(
            id: card.id, name: text(card.name), category: categoryName(card.category), documents: outcomes.joined(separator: ", "),
            attempted: card.documents.compactMap(\.attemptedAt).max().map { String($0.prefix(10)) } ?? "—")
    }

    // MARK: words

    func yesNo(_ value: Bool) -> String { strings(value ? "values.yesWord" : "values.noWord") }

    static func exposureState(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "unknown" }

    /// Exposure is nil only when unrated: said as such, never as a "no".
    func exposure(_ value: Bool?) -> String { value.map(yesNo) ?? strings("values.unrated") }

    func roles(_ roles: [HostRole]) -> String { roles.map { strings("roles.\($0.rawValue)") }.joined(separator: ", ") }

    func location(_ code: String) -> String { strings.optional("location.\(code)") ?? code }

    func registry(_ entry: RegistryEntry?) -> String? {
        guard let entry else { return nil }
        var words = text(entry.subject)
        if let since = entry.since { words += ", " + strings("registry.since", ["date": since]) }
        if let until = entry.validUntil { words += ", " + strings("registry.until", ["date": until]) }
        return words + " — " + strings("registry.asOf", ["date": entry.asOf]) + strings("site.colon") + text(entry.source)
    }

    // MARK: evidence

    func evidence(_ evidence: Evidence, captures: CaptureLinks) -> EvidenceView {
        EvidenceView(
            quote: text(evidence.quote), quoteLang: "fr", url: link(evidence.url), section: evidence.section.map(text), fetchedAt: evidence.fetchedAt,
            capture: captures.link(url: evidence.url), view: captures.view(url: evidence.url, quote: evidence.quote))
    }
}

/// Finds the archived capture behind a quote: this run's copy of the document read at that URL (a page answering
/// 304 keeps the bytes, and the quotes, of the copy it confirms).
struct CaptureLinks {
    /// Capture paths from the site root, by the URL the capture was read from.
    let paths: [String: String]
    /// Readable views (`captures/<sha256>.html`, at the root for both languages) by URL, with the anchors of the
    /// quotes marked in them.
    let views: [String: (path: String, anchors: Set<String>)]
    /// Path from the page to the site root.
    var top = ""
    /// Path from the page to its language's home, where the readable views are.
    var home = ""

    init(_ captures: [Capture], views published: [String: CaptureViews.View] = [:]) {
        paths = Dictionary(captures.compactMap { capture in capture.path.map { (capture.url, $0) } }, uniquingKeysWith: { first, _ in first })
        views = Dictionary(
            captures.compactMap { capture in
                capture.textPath.flatMap { published[$0] }.map { (capture.url, ($0.path, $0.anchors)) }
            }, uniquingKeysWith: { first, _ in first })
    }

    func from(_ top: String, home: String = "") -> CaptureLinks {
        var links = self
        links.top = top
        links.home = home
        return links
    }

    func link(url: String) -> String? { paths[url].map { top + $0 } }

    /// The readable view of the capture a quote was read from, at the quote when it is marked there.
    func view(url: String, quote: String) -> String? {
        guard let view = views[url] else { return nil }
        let anchor = CaptureMarks.anchor(quote)
        return top + view.path + (view.anchors.contains(anchor) ? "#" + anchor : "")
    }

    func link(_ document: DocumentStatus) -> String? { link(url: document.finalURL) }
}

/// Absolute addresses from `--base-url`.
enum SiteURL {
    static func absolute(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + path
    }
}
