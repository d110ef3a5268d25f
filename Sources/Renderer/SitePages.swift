import Scorecard
import SovereigntyModel

/// Methodology, about and badge views: the pages that explain and hand out the data.
extension ViewBuilder {
    func methodology() -> MethodologyView {
        MethodologyView(
            site: site("methodology.html"), title: strings("methodology.title"),
            heading: strings("methodology.heading", ["version": Rubric.version]), levels: levels,
            checks: Rubric.checkOrder.map { id in
                let check = Rubric.checks[id]!
                return CheckView(
                    id: check.id, title: local(check.title), looksFor: local(check.looksFor), whyItMatters: local(check.whyItMatters),
                    effect: local(check.effect))
            },
            registries: content.registries.map { source in
                RegistryView(
                    name: strings(source.kind == .hds ? "methodology.hdsName" : "methodology.secNumCloudName"), file: repoPath(source.file),
                    entries: source.entries, sources: source.sources, asOf: source.asOf ?? "—")
            },
            changelog: Rubric.changelog.map { RubricVersionView(version: $0.version, change: local($0.change)) })
    }

    func about() -> AboutView {
        let page = site("about.html")
        let files: [(String, String)] = [
            ("data/scorecards.json", "about.scorecardsJSON"), ("data/scorecards.schema.json", "about.schema"),
            ("data/scorecards.csv", "about.scorecardsCSV"), ("data/hosts.csv", "about.hostsCSV"),
            ("data/history.csv", "about.historyCSV"), ("data/changes.csv", "about.changesCSV"),
        ] + (content.indexCopy == nil ? [] : [(SiteFiles.indexCopy, "about.sqlite")])
        return AboutView(
            site: page, title: strings("about.title"),
            files: files.map { DataFileView(name: $0.0, href: page.top + $0.0, description: strings($0.1)) }
                + [DataFileView(name: "feed.xml", href: "feed.xml", description: strings("about.feed"))],
            citation: strings("about.citeText", ["day": String(content.generatedAt.prefix(10)), "version": Rubric.version]),
            contact: content.contact, corrections: corrections(of: nil),
            rejudged: content.rejudged.map { rejudged in
                strings(
                    "about.rejudged",
                    ["run": String(rejudged.runID), "date": rejudged.runDate, "files": rejudged.files.map(text).joined(separator: ", ")])
            })
    }

    /// The level's colours, the same as the style sheet's, with the letter always written.
    func badge(_ card: PlatformScorecard) -> BadgeView {
        let words = local(Rubric.rule(for: card.level).words)
        let (background, foreground) = Self.badgeColours[card.level] ?? ("#e0e0e0", "#1b1b1b")
        return BadgeView(
            alt: strings("platform.badgeAlt", ["level": card.level.badge, "words": words]), label: strings("badge.label"),
            level: card.level.badge, background: background, foreground: foreground)
    }

    static let badgeColours: [Level: (String, String)] = [
        .aPlus: ("#0a6b2d", "#ffffff"), .a: ("#0a6b2d", "#ffffff"), .b: ("#2e7d32", "#ffffff"), .c: ("#f2c200", "#1b1b1b"),
        .d: ("#b3261e", "#ffffff"), .e: ("#5a1010", "#ffffff"), .unrated: ("#e0e0e0", "#1b1b1b"),
    ]
}
