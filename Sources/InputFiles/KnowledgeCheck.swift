import SovereigntyModel

/// Checks the knowledge files beyond their schema: a source for every fact, registry rows that name known
/// providers and are still valid, and provider statuses that agree with the registries.
public enum KnowledgeCheck {
    public static func problems(catalog: ProviderCatalog, on day: String) -> [String] {
        var problems: [String] = []
        for provider in catalog.providers {
            var facts = ["identity", "usControlled", "hds", "secNumCloud"]
            if provider.parent != nil { facts.append("parent") }
            if !provider.runsOn.isEmpty { facts.append("runsOn") }
            let sourced = Set(provider.sources.map(\.fact))
            for fact in facts where !sourced.contains(fact) {
                problems.append("providers.yml: \(provider.id): no source for '\(fact)'")
            }
        }
        let registries: [(String, Registry?, (Provider) -> Bool)] = [
            ("hds.csv", catalog.registries.hds, { $0.hds.status == .certified }),
            ("secnumcloud.csv", catalog.registries.secNumCloud, { $0.secNumCloud.status == .qualified }),
        ]
        for (file, registry, claimed) in registries {
            guard let registry else {
                problems.append("\(file): not found; certifications fall back to providers.yml")
                continue
            }
            for entry in registry.entries {
                if catalog[entry.providerID] == nil {
                    problems.append("\(file):\(entry.line): provider '\(entry.providerID)' is not in providers.yml")
                }
                if !entry.isValid(on: day) {
                    problems.append("\(file):\(entry.line): \(entry.providerID) (\(entry.subject)) expired on \(entry.validUntil!)")
                }
            }
            for provider in catalog.providers {
                let listed = registry.entry(for: provider.id, on: day) != nil
                if claimed(provider) != listed {
                    problems.append(
                        "\(file): \(provider.id): providers.yml says \(claimed(provider) ? "yes" : "no"), the registry says \(listed ? "yes" : "no")")
                }
            }
        }
        return problems
    }
}
