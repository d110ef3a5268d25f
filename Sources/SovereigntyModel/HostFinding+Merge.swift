extension HostFinding {
    /// The key that makes two mentions the same host: the provider id, or the name as written.
    public var identityKey: String {
        providerID.map { "provider:\($0)" } ?? "written:\(asWritten.lowercased())"
    }

    /// One entry per host with all its roles and evidence, in order of first mention.
    ///
    /// `unspecified` is dropped where another mention states the role: it means "not said here", not a role.
    public static func merge(_ findings: [HostFinding]) -> [HostFinding] {
        var order: [String] = []
        var merged: [String: HostFinding] = [:]
        for finding in findings {
            let key = finding.identityKey
            guard var existing = merged[key] else {
                order.append(key)
                merged[key] = finding
                continue
            }
            existing.roles = Array(Set(existing.roles + finding.roles)).sorted()
            for evidence in finding.evidence where !existing.evidence.contains(evidence) {
                existing.evidence.append(evidence)
            }
            existing.country = existing.country ?? finding.country
            existing.parentCountry = existing.parentCountry ?? finding.parentCountry
            existing.address = existing.address ?? finding.address
            merged[key] = existing
        }
        return order.compactMap { key in
            guard var host = merged[key] else { return nil }
            host.roles = Array(Set(host.roles)).sorted()
            if host.roles.count > 1 { host.roles.removeAll { $0 == .unspecified } }
            return host
        }
    }
}
