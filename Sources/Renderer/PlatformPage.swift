import History
import Scorecard
import SovereigntyModel

/// The platform page: level and the chain of reasons, hosts with their quotes, documents and their fetch history,
/// the timeline of past runs, confirmed changes and published corrections.
extension ViewBuilder {
    /// - Parameters:
    ///   - card: as `PlatformHistory.pageCard` dates it.
    ///   - changes: this platform's confirmed changes, as `changeViews()` built them.
    func platform(_ card: PlatformScorecard, history: PlatformHistory, captures published: CaptureLinks, changes: [RunChangeView]) -> PlatformPageView {
        let page = site("platforms/\(card.id).html")
        let captures = published.from(page.top, home: page.home)
        let proof = { (item: Evidence) in evidence(item, captures: captures) }
        let rule = Rubric.rule(for: card.level)
        let words = local(rule.words)
        // Host anchors, unique on the page; reasons find their host's anchor by the same key.
        let anchors = Self.uniqueSlugs(card.hosts.map(\.key)).mapValues { "host-" + $0 }
        // Unrated: no document was read, so every finding is said to be unknown, never "none" or "not declared".
        let unrated = strings("values.unrated")
        let isUnrated = card.level == .unrated
        return PlatformPageView(
            site: page, title: "\(card.name) — \(words)", id: card.id, name: text(card.name),
            category: categoryName(card.category), categorySlug: categorySlugs[card.category] ?? Self.slug(card.category), operatorName: text(card.operator),
            website: link(card.website), rank: card.rank, level: card.level.badge, levelSlug: card.level.slug, levelWords: words,
            levelRule: local(rule.rule), score: card.score.map(String.init) ?? "—", reasons: card.reasons.map { reason($0, anchors: anchors) },
            badgeAlt: strings("platform.badgeAlt", ["level": card.level.badge, "words": words]),
            cloudActExposed: exposure(card.cloudActExposed), hosts: card.hosts.map { host($0, anchor: anchors[$0.key]!, captures: captures) }, hasHosts: !card.hosts.isEmpty,
            isUnrated: isUnrated,
            hds: ClaimView(label: strings("hds.\(card.hds.status)"), quotes: claimQuotes(card.hds.evidence, captures: captures)),
            secNumCloud: ClaimView(
                label: strings("secNumCloud.\(card.secNumCloud.status)"), quotes: claimQuotes(card.secNumCloud.evidence, captures: captures)),
            zeroKnowledge: ClaimView(
                label: card.zeroKnowledge.claimed.map { strings($0 ? "values.declared" : "values.notDeclared") } ?? unrated,
                quotes: claimQuotes(card.zeroKnowledge.evidence, captures: captures)),
            locations: card.dataLocationEvidence.map { LocationView(label: location($0.location), evidence: proof($0.evidence)) },
            locationSummary: isUnrated
                ? unrated : card.dataLocation.isEmpty
                    ? strings("values.locationUnstated") : card.dataLocation.map(location).joined(separator: ", "),
            exposureDisclosures: card.exposureDisclosures.map(proof), hasExposureDisclosures: !card.exposureDisclosures.isEmpty,
            conflicts: card.conflicts.map { conflict in
                ConflictView(
                    description: text(language == .en ? conflict.descriptionEn : conflict.description), evidence: conflict.evidence.map(proof))
            },
            hasConflicts: !card.conflicts.isEmpty,
            documents: card.documents.map { document($0, captures: captures) },
            timeline: timeline(history), timelineChart: timelineChart(history), fetchHistoryURLs: card.documents.map(\.url),
            fetchHistory: fetchHistory(card, history), hasFetchHistory: history.fetches.count > 1,
            unchangedSince: history.unchangedSince.map { strings("platform.unchangedSince", ["date": dayWords($0)]) },
            changes: groups(changes), corrections: corrections(of: card.id))
    }

    private func reason(_ reason: LevelReason, anchors: [String: String]) -> ReasonView {
        let check = Rubric.CheckID(rawValue: reason.check).flatMap { Rubric.checks[$0] }
        return ReasonView(
            check: reason.check, hostAnchor: reason.host.flatMap { anchors[$0] }, checkTitle: check.map { local($0.title) } ?? reason.check,
            effect: strings(reason.effect == .caps ? "platform.caps" : "platform.sets"), level: reason.level.badge,
            detail: text(local(reason.detail)))
    }

    private func host(_ host: ScoredHost, anchor: String, captures: CaptureLinks) -> HostView {
        var exposed = yesNo(host.cloudActExposed)
        if host.cloudActExposed, let through = host.exposedThrough { exposed += " (\(strings("platform.runsOn")) \(text(through)))" }
        return HostView(
            anchor: anchor, name: text(host.name), providerHref: providerSlugs[host.key].map { "../providers/\($0).html" }, asWritten: text(host.asWritten),
            unknown: host.provider == nil, roles: roles(host.roles), country: host.country ?? strings("values.unknownCountry"),
            parent: host.parent.map { "\(text($0)) (\(host.parentCountry ?? "?"))" }, usControlled: yesNo(host.usControlled),
            cloudActExposed: exposed, hdsCertified: yesNo(host.hdsCertified), hdsRegistry: registry(host.hdsEntry),
            secNumCloudQualified: yesNo(host.secNumCloudQualified), secNumCloudRegistry: registry(host.secNumCloudEntry),
            address: host.address.map(text), chainDisclosure: chainDisclosure(host), quotes: quotes(host.evidence, captures: captures, besides: roles(host.roles)))
    }

    /// "access from outside the EEA: no · exposed to a third country's legislation: no", and when our data say the
    /// host is exposed all the same, that the conservative reading is kept.
    private func chainDisclosure(_ host: ScoredHost) -> String? {
        guard let disclosure = host.chainDisclosure else { return nil }
        func answer(_ value: Bool?) -> String { value.map(yesNo) ?? strings("platform.notAnswered") }
        var words = "\(strings("platform.accessOutsideEEA"))\(strings("site.colon"))\(answer(disclosure.accessOutsideEEA)) · "
            + "\(strings("platform.thirdCountryLaw"))\(strings("site.colon"))\(answer(disclosure.exposedToThirdCountryLaw))"
        if disclosure.exposedToThirdCountryLaw == false && host.cloudActExposed { words += " — \(strings("platform.disclosureDisagrees"))" }
        return words
    }

    private func document(_ document: DocumentStatus, captures: CaptureLinks) -> DocumentView {
        DocumentView(
            url: link(document.url), kind: strings("kind.\(document.kind.rawValue)"), status: strings("documentStatus.\(document.status)"),
            statusCode: document.status, httpStatus: document.httpStatus.map(String.init) ?? "—", error: document.error.map(text),
            finalURL: document.finalURL == document.url ? nil : link(document.finalURL), fetchedAt: document.fetchedAt,
            attemptedAt: document.attemptedAt, sha256: document.sha256 ?? "—", capture: captures.link(document),
            shortSHA256: document.sha256.map { $0.count > 12 ? $0.prefix(12) + "…" : $0 } ?? "—")
    }

    /// Level, score and hosts at every run where they changed, newest first.
    private func timeline(_ history: PlatformHistory) -> [TimelineRowView] {
        history.readings.reversed().map { point in
            let snapshot = point.snapshot
            return TimelineRowView(
                date: point.date, day: history.label(point), level: snapshot.level.badge, levelSlug: snapshot.level.slug,
                levelWords: local(Rubric.rule(for: snapshot.level).words), score: snapshot.score.map(String.init) ?? "—",
                hosts: snapshot.level == .unrated
                    ? strings("values.unrated")
                    : snapshot.hosts.isEmpty ? "—" : snapshot.hosts.map { "\(text($0.name)) (\(roles($0.roles)))" }.joined(separator: ", "))
        }
    }

    /// The chart above the timeline's table: the change points, oldest first; nil with fewer than two, where a table
    /// says it all.
    private func timelineChart(_ history: PlatformHistory) -> TimelineChart? {
        guard history.readings.count > 1 else { return nil }
        return TimelineChart(
            history.readings.map { point in
                (point.snapshot.level.badge, point.snapshot.level.slug, point.snapshot.score, history.label(point))
            },
            describe: { date, level, score in strings("platform.timelinePoint", ["date": date, "level": level, "score": score]) })
    }

    /// Each document's status at every run where one changed, newest first.
    private func fetchHistory(_ card: PlatformScorecard, _ history: PlatformHistory) -> [FetchHistoryRowView] {
        history.fetches.reversed().map { point in
            let statuses = card.documents.map { document in
                point.snapshot.documents.first { $0.url == document.url }.map { strings("documentStatus.\($0.status)") } ?? "—"
            }
            return FetchHistoryRowView(date: point.date, day: history.label(point), statuses: statuses)
        }
    }

    func corrections(of platformID: String?) -> [CorrectionView] {
        content.corrections.filter { platformID == nil || $0.platformID == platformID }.map { correction in
            CorrectionView(
                platformID: correction.platformID,
                heading: strings("platform.correctionFrom", ["date": correction.date, "from": text(correction.from)]),
                summary: text(correction.summary), source: link(correction.source))
        }
    }
}
