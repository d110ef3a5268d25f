import Scorecard
import SovereigntyModel

/// Turns scorecards into template values, passing every piece of page text through the format's escaping.
struct ViewBuilder {
    let escaping: TextEscaping
    let generatedAt: String
    var ignoredRobots = false

    func text(_ value: String) -> String { escaping.apply(value) }

    func site(root: String) -> SiteInfo {
        SiteInfo(
            generatedAt: generatedAt, generatedDay: String(generatedAt.prefix(10)), rubricVersion: Rubric.version, root: root,
            ignoredRobots: ignoredRobots)
    }

    var levels: [LevelView] {
        Rubric.levels.map { LevelView(level: $0.level.badge, slug: $0.level.slug, words: $0.words, rule: $0.rule) }
    }

    func summary(_ scorecards: [PlatformScorecard]) -> SummaryView {
        SummaryView(
            site: site(root: ""), title: "Souveraineté des données de santé — classement", levels: levels, platforms: scorecards.map(row), platformCount: scorecards.count)
    }

    func methodology() -> MethodologyView {
        MethodologyView(
            site: site(root: ""), title: "Méthodologie — souveraineté des données de santé", levels: levels,
            checks: Rubric.checkOrder.map { id in
                let check = Rubric.checks[id]!
                return CheckView(id: check.id, title: check.title, looksFor: check.looksFor, whyItMatters: check.whyItMatters, effect: check.effect)
            },
            changelog: Rubric.changelog.map { ChangeView(version: $0.version, change: $0.change) })
    }

    private func row(_ card: PlatformScorecard) -> PlatformRowView {
        let healthHosts = card.hosts.filter { $0.roles.contains(where: \.carriesHealthData) }
        let shown = (healthHosts.isEmpty ? card.hosts : healthHosts).map { host in
            "\(text(host.name)) (\(host.parentCountry ?? host.country ?? "?"))"
        }
        return PlatformRowView(
            rank: card.rank, id: card.id, name: card.name, category: card.category, level: card.level.badge,
            levelSlug: card.level.slug, levelWords: Rubric.rule(for: card.level).words, score: card.score.map(String.init) ?? "—",
            mainHosts: shown.isEmpty ? "—" : shown.joined(separator: ", "), usExposure: Labels.exposure(card.cloudActExposed),
            hds: Labels.hds(card.hds.status), secNumCloud: Labels.secNumCloud(card.secNumCloud.status),
            date: card.documents.map(\.fetchedAt).max().map { String($0.prefix(10)) } ?? "—")
    }

    func platform(_ card: PlatformScorecard) -> PlatformPageView {
        let rule = Rubric.rule(for: card.level)
        return PlatformPageView(
            site: site(root: "../"), title: "\(card.name) — \(rule.words)", id: card.id, name: card.name, category: card.category, operatorName: card.operator,
            website: card.website, rank: card.rank, level: card.level.badge, levelSlug: card.level.slug, levelWords: rule.words,
            levelRule: rule.rule, score: card.score.map(String.init) ?? "—", reasons: card.levelReasons.map(text),
            cloudActExposed: Labels.exposure(card.cloudActExposed), hosts: card.hosts.map(host), hasHosts: !card.hosts.isEmpty,
            isUnrated: card.level == .unrated,
            unknownHosts: card.hosts.filter { $0.provider == nil }.map { text($0.asWritten) },
            hds: ClaimView(label: Labels.hds(card.hds.status), evidence: card.hds.evidence.map(evidence)),
            secNumCloud: ClaimView(label: Labels.secNumCloud(card.secNumCloud.status), evidence: card.secNumCloud.evidence.map(evidence)),
            zeroKnowledge: ClaimView(
                label: card.zeroKnowledge.claimed ? "déclaré" : "non déclaré", evidence: card.zeroKnowledge.evidence.map(evidence)),
            locations: card.dataLocationEvidence.map { LocationView(label: Labels.location($0.location), evidence: evidence($0.evidence)) },
            locationSummary: card.dataLocation.isEmpty ? "non précisée" : card.dataLocation.map(Labels.location).joined(separator: ", "),
            exposureDisclosures: card.exposureDisclosures.map(evidence), hasExposureDisclosures: !card.exposureDisclosures.isEmpty,
            conflicts: card.conflicts.map { ConflictView(description: text($0.description), evidence: $0.evidence.map(evidence)) },
            hasConflicts: !card.conflicts.isEmpty,
            documents: card.documents.map(document))
    }

    private func host(_ host: ScoredHost) -> HostView {
        HostView(
            name: text(host.name), asWritten: text(host.asWritten), providerID: host.provider, unknown: host.provider == nil,
            roles: host.roles.map(RoleNames.french).joined(separator: ", "), country: host.country ?? "inconnu",
            parent: host.parent.map { "\(text($0)) (\(host.parentCountry ?? "?"))" }, usControlled: Labels.yesNo(host.usControlled),
            cloudActExposed: host.cloudActExposed, exposedThrough: host.exposedThrough.map(text),
            hdsCertified: Labels.yesNo(host.hdsCertified), hdsRegistry: host.hdsRegistry,
            secNumCloudQualified: Labels.yesNo(host.secNumCloudQualified), secNumCloudRegistry: host.secNumCloudRegistry,
            address: host.address.map(text), evidence: host.evidence.map(evidence))
    }

    func evidence(_ evidence: Evidence) -> EvidenceView {
        EvidenceView(quote: text(evidence.quote), url: evidence.url, section: evidence.section.map(text), fetchedAt: evidence.fetchedAt)
    }

    private func document(_ document: DocumentStatus) -> DocumentView {
        DocumentView(
            url: document.url, kind: Labels.kind(document.kind), status: Labels.documentStatus(document.status),
            statusCode: document.status, ok: document.status == "ok", httpStatus: document.httpStatus.map(String.init) ?? "—",
            contentType: document.contentType.map(text) ?? "—", error: document.error.map(text),
            finalURL: document.finalURL == document.url ? nil : document.finalURL, fetchedAt: document.fetchedAt,
            sha256: document.sha256 ?? "—")
    }
}
