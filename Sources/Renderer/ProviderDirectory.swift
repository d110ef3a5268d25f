import Scorecard
import SovereigntyModel

/// Every hosting provider the site names: those of the knowledge file and the hosts pages named that we do not know,
/// each with the services that name it. Built once per rendering, for both languages. Pure.
struct ProviderDirectory {
    struct Entry {
        /// The host key: the provider's id, or the name of a host we do not know.
        var key: String
        var slug: String
        var name: String
        var provider: Provider?
        /// Each service that names this host, in rank order, with the host as that service's scorecard has it.
        var uses: [(card: PlatformScorecard, host: ScoredHost)]
    }

    let entries: [Entry]
    /// File name under `providers/` by host key.
    let slugs: [String: String]

    init(catalog: ProviderCatalog?, scorecards: [PlatformScorecard]) {
        var uses: [String: [(card: PlatformScorecard, host: ScoredHost)]] = [:]
        var names: [String: String] = [:]
        for card in scorecards {
            for host in card.hosts {
                uses[host.key, default: []].append((card, host))
                names[host.key] = names[host.key] ?? host.name
            }
        }
        for provider in catalog?.providers ?? [] { names[provider.id] = provider.name }
        let slugs = ViewBuilder.uniqueSlugs(Array(names.keys))
        self.slugs = slugs
        entries = names.keys.sorted { (names[$0]!.lowercased(), $0) < (names[$1]!.lowercased(), $1) }.map { key in
            Entry(key: key, slug: slugs[key]!, name: names[key]!, provider: catalog?[key], uses: uses[key] ?? [])
        }
    }
}
