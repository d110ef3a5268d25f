import Scorecard
import SovereigntyModel

/// A provider in the list of providers.
struct ProviderRowView: Encodable {
    var slug: String
    var name: String
    var jurisdiction: String
    var exposureState: String
    var usExposure: String
    var hds: String
    var secNumCloud: String
    var services: Int
    var healthData: Int
}

struct ProvidersIndexView: Encodable {
    var site: SiteInfo
    var title: String
    var providers: [ProviderRowView]
}

/// A fact of the knowledge file with where it comes from.
struct ProviderSourceView: Encodable {
    var fact: String
    var url: String
    var date: String
}

/// A service that names the provider: its level, the roles the pages give the provider, and the quotes.
struct ProviderUseView: Encodable {
    var platformID: String
    var platformName: String
    var level: String
    var levelSlug: String
    var levelWords: String
    var roles: String
    var quotes: [QuoteView]
}

struct ProviderPageView: Encodable {
    var site: SiteInfo
    var title: String
    var name: String
    /// False for a host the pages named that our knowledge file lacks.
    var known: Bool
    var country: String
    var jurisdiction: String
    var parent: String?
    var exposureState: String
    var usExposure: String
    var runsOn: [HostChipView]
    var hds: String
    var hdsRegistry: String?
    var secNumCloud: String
    var secNumCloudRegistry: String?
    var sources: [ProviderSourceView]
    var services: [ProviderUseView]
    var hasServices: Bool
}

/// `providers/index.html` and `providers/<id>.html`: who each provider answers to, what the registries say, and
/// which services put which data there, with the sentences that say so.
extension ViewBuilder {
    func providersIndex(_ directory: ProviderDirectory) -> ProvidersIndexView {
        ProvidersIndexView(
            site: site("providers/index.html"), title: strings("providers.title"),
            providers: directory.entries.map { entry in
                let exposed = exposureState(entry)
                return ProviderRowView(
                    slug: entry.slug, name: text(entry.name), jurisdiction: jurisdiction(entry), exposureState: exposed,
                    usExposure: strings("providers.exposure.\(exposed)"),
                    hds: hdsWords(entry).words, secNumCloud: secNumCloudWords(entry).words, services: Set(entry.uses.map(\.card.id)).count,
                    healthData: Set(entry.uses.filter { $0.host.roles.contains(where: \.carriesHealthData) }.map(\.card.id)).count)
            })
    }

    func providerPage(_ entry: ProviderDirectory.Entry, captures published: CaptureLinks) -> ProviderPageView {
        let page = site("providers/\(entry.slug).html")
        let captures = published.from(page.top, home: page.home)
        let exposed = exposureState(entry)
        let hds = hdsWords(entry)
        let secNumCloud = secNumCloudWords(entry)
        let host = entry.uses.first?.host
        return ProviderPageView(
            site: page, title: "\(entry.name) — \(strings("providers.title"))", name: text(entry.name), known: entry.provider != nil,
            country: entry.provider?.country ?? host?.country ?? strings("values.unknownCountry"), jurisdiction: jurisdiction(entry),
            parent: (entry.provider?.parent).map { "\(text($0.name)) (\($0.country))" } ?? host?.parent.map { "\(text($0)) (\(host?.parentCountry ?? "?"))" },
            exposureState: exposed, usExposure: strings("providers.exposure.\(exposed)"),
            runsOn: (entry.provider?.runsOn ?? []).map { id in
                HostChipView(name: text(content.catalog?[id]?.name ?? id), jurisdiction: content.catalog?[id]?.jurisdiction ?? "?", href: providerSlugs[id].map { "\($0).html" })
            },
            hds: hds.words, hdsRegistry: hds.registry, secNumCloud: secNumCloud.words, secNumCloudRegistry: secNumCloud.registry,
            sources: (entry.provider?.sources ?? []).map { ProviderSourceView(fact: text($0.fact), url: link($0.url), date: $0.date) },
            services: entry.uses.map { card, host in
                let rule = Rubric.rule(for: card.level)
                return ProviderUseView(
                    platformID: card.id, platformName: text(card.name), level: card.level.badge, levelSlug: card.level.slug, levelWords: local(rule.words),
                    roles: roles(host.roles), quotes: quotes(host.evidence, captures: captures, besides: roles(host.roles)))
            },
            hasServices: !entry.uses.isEmpty)
    }

    /// Exposure as the services' scorecards judged it (a reseller on a US cloud is exposed too); from the knowledge
    /// file for a provider no service names; unknown for a host we know nothing of.
    private func exposureState(_ entry: ProviderDirectory.Entry) -> String {
        if let host = entry.uses.first?.host { return host.cloudActExposed ? "yes" : "no" }
        guard let provider = entry.provider else { return "unknown" }
        return content.catalog?.usControlledLink(in: provider.id) != nil ? "yes" : "no"
    }

    private func jurisdiction(_ entry: ProviderDirectory.Entry) -> String {
        entry.provider?.jurisdiction ?? entry.uses.first.flatMap { $0.host.parentCountry ?? $0.host.country } ?? strings("values.unknownCountry")
    }

    private var day: String { String(content.generatedAt.prefix(10)) }

    /// The registry's word when it is loaded, with its source and the day it was read; the knowledge file's otherwise.
    private func hdsWords(_ entry: ProviderDirectory.Entry) -> (words: String, registry: String?) {
        guard let provider = entry.provider, let catalog = content.catalog else { return (strings("providers.unknownStatus"), nil) }
        let (certified, found) = catalog.hdsCertification(of: provider.id, on: day)
        return (yesNo(certified), found.map(registryEntry))
    }

    private func secNumCloudWords(_ entry: ProviderDirectory.Entry) -> (words: String, registry: String?) {
        guard let provider = entry.provider, let catalog = content.catalog else { return (strings("providers.unknownStatus"), nil) }
        let (qualified, found) = catalog.secNumCloudQualification(of: provider.id, on: day)
        return (yesNo(qualified), found.map(registryEntry))
    }

    private func registryEntry(_ entry: Registry.Entry) -> String {
        var words = text(entry.subject)
        if let since = entry.since { words += ", " + strings("registry.since", ["date": since]) }
        if let until = entry.validUntil { words += ", " + strings("registry.until", ["date": until]) }
        return words + " — " + strings("registry.asOf", ["date": entry.asOf]) + strings("site.colon") + text(entry.source)
    }
}
