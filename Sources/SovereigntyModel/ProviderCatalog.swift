/// The providers we know, looked up by id; answers questions about chains of providers.
public struct ProviderCatalog: Sendable, Equatable {
    public let providers: [Provider]
    private let byID: [String: Provider]

    public init(providers: [Provider]) {
        self.providers = providers
        self.byID = Dictionary(providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
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
        lhs.providers == rhs.providers
    }
}
