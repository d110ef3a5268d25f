extension HostFinding {
    /// The key that makes two mentions the same host: the provider id, or the name as written.
    public var identityKey: String {
        providerID.map { "provider:\($0)" } ?? "written:\(asWritten.lowercased())"
    }

    /// One entry per host with all its roles and evidence, in order of first mention.
    ///
    /// `unspecified` is dropped where another mention states the role: it means "not said here", not a role.
    /// Linear in the mentions: a page may name one host thousands of times.
    public static func merge(_ findings: [HostFinding]) -> [HostFinding] {
        var merged: [HostFinding] = []
        var index: [String: Int] = [:]
        var roles: [Set<HostRole>] = []
        var seen: [Set<Evidence>] = []
        for finding in findings {
            let key = finding.identityKey
            guard let at = index[key] else {
                index[key] = merged.count
                merged.append(finding)
                roles.append(Set(finding.roles))
                seen.append(Set(finding.evidence))
                continue
            }
            roles[at].formUnion(finding.roles)
            for evidence in finding.evidence where seen[at].insert(evidence).inserted {
                merged[at].evidence.append(evidence)
            }
            merged[at].country = merged[at].country ?? finding.country
            merged[at].parentCountry = merged[at].parentCountry ?? finding.parentCountry
            merged[at].address = merged[at].address ?? finding.address
        }
        for at in merged.indices {
            merged[at].roles = roles[at].sorted()
            if merged[at].roles.count > 1 { merged[at].roles.removeAll { $0 == .unspecified } }
        }
        return merged
    }
}
