/// The providers we know, looked up by id; answers questions about chains of providers.
public struct ProviderCatalog: Sendable, Equatable {
    public let providers: [Provider]
    public let registries: Registries
    private let byID: [String: Provider]

    public init(providers: [Provider], registries: Registries = Registries()) {
        self.providers = providers
        self.registries = registries
        self.byID = Dictionary(providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The same providers, judged against these registries.
    public func with(_ registries: Registries) -> ProviderCatalog {
        ProviderCatalog(providers: providers, registries: registries)
    }

    /// HDS certification on a day: the registry's valid entry when the registry is loaded, else the provider file's status.
    public func hdsCertification(of id: String, on day: String) -> (certified: Bool, entry: Registry.Entry?) {
        if let registry = registries.hds {
            let entry = registry.entry(for: id, on: day)
            return (entry != nil, entry)
        }
        return (byID[id]?.hds.status == .certified, nil)
    }

    /// SecNumCloud qualification on a day, from the registry when loaded, else the provider file.
    public func secNumCloudQualification(of id: String, on day: String) -> (qualified: Bool, entry: Registry.Entry?) {
        if let registry = registries.secNumCloud {
            let entry = registry.entry(for: id, on: day)
            return (entry != nil, entry)
        }
        return (byID[id]?.secNumCloud.status == .qualified, nil)
    }

    public subscript(id: String) -> Provider? { byID[id] }

    /// The provider and every provider it runs on, transitively, without repeats (cycles are cut).
    public func chain(of id: String) -> [Provider] {
        var seen: Set<String> = []
        var result: [Provider] = []
        var pending = [id]
        while let next = pending.first {
            pending.removeFirst()
            guard !seen.contains(next), let provider = byID[next] else { continue }
            seen.insert(next)
            result.append(provider)
            pending.append(contentsOf: provider.runsOn)
        }
        return result
    }

    /// The first US-controlled provider in the chain, if any: CLOUD Act exposure, directly or "by ricochet".
    public func usControlledLink(in id: String) -> Provider? {
        chain(of: id).first { $0.usControlled }
    }

    public static func == (lhs: ProviderCatalog, rhs: ProviderCatalog) -> Bool {
        lhs.providers == rhs.providers && lhs.registries == rhs.registries
    }
}
