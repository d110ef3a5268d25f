extension HostFinding {
    /// The key that makes two mentions the same host: the provider id, or the name as written.
    public var identityKey: String {
        providerID.map { "provider:\($0)" } ?? "written:\(asWritten.lowercased())"
    }

    /// One entry per host with all its roles and evidence, in order of first mention; each sentence once, with
    /// every role the mentions quoting it gave the host (a sentence not yet tagged takes its mention's roles).
    ///
    /// `unspecified` is dropped where another mention states the role: it means "not said here", not a role.
    /// Linear in the mentions: a page may name one host thousands of times.
    public static func merge(_ findings: [HostFinding]) -> [HostFinding] {
        var merged: [HostFinding] = []
        var index: [String: Int] = [:]
        var roles: [Set<HostRole>] = []
        var sentences: [[Evidence: Int]] = []  // per host: a sentence's place → its index in the host's evidence
        var sentenceRoles: [[Set<HostRole>]] = []
        for finding in findings {
            let key = finding.identityKey
            let at: Int
            if let known = index[key] {
                at = known
                roles[at].formUnion(finding.roles)
                merged[at].country = merged[at].country ?? finding.country
                merged[at].parentCountry = merged[at].parentCountry ?? finding.parentCountry
                merged[at].address = merged[at].address ?? finding.address
                merged[at].chainDisclosure = merged[at].chainDisclosure ?? finding.chainDisclosure
            } else {
                at = merged.count
                index[key] = at
                var first = finding
                first.evidence = []
                merged.append(first)
                roles.append(Set(finding.roles))
                sentences.append([:])
                sentenceRoles.append([])
            }
            for evidence in finding.evidence {
                let given = Set(evidence.roles ?? finding.roles)
                if let position = sentences[at][evidence.place] {
                    sentenceRoles[at][position].formUnion(given)
                } else {
                    sentences[at][evidence.place] = merged[at].evidence.count
                    var first = evidence.place
                    first.rule = evidence.rule  // the rule of the first mention that quotes it
                    merged[at].evidence.append(first)
                    sentenceRoles[at].append(given)
                }
            }
        }
        for at in merged.indices {
            merged[at].roles = roles[at].sorted()
            if merged[at].roles.count > 1 { merged[at].roles.removeAll { $0 == .unspecified } }
            for position in merged[at].evidence.indices {
                var given = sentenceRoles[at][position].sorted()
                if given.count > 1 { given.removeAll { $0 == .unspecified } }
                merged[at].evidence[position].roles = given
            }
        }
        return merged
    }
}
