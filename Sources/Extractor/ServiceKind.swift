import SovereigntyModel

/// What kind of service a page belongs to. On a health service the users' data are health data, so a host of "vos
/// données" holds health data (`role-data`); on any other service it runs the application, and only a quote that
/// says so in words ("données de santé", "dossier médical": `role-health-data`) makes it a health-data host.
public enum ServiceKind: Sendable {
    case health
    case other
}

extension DocumentFindings {
    /// The findings as they read for a service of this kind: for a health service, unchanged.
    public func read(as kind: ServiceKind) -> DocumentFindings {
        guard kind == .other else { return self }
        var findings = self
        findings.hosts = hosts.map { host in
            guard host.roles.contains(.healthData) else { return host }
            var host = host
            host.evidence = host.evidence.map { evidence in
                guard var roles = evidence.roles, roles.contains(.healthData), !Self.saysHealthData(evidence.quote) else { return evidence }
                var evidence = evidence
                roles.removeAll { $0 == .healthData }
                if !roles.contains(.application) { roles.append(.application) }
                evidence.roles = RoleWords.normalise(roles)
                return evidence
            }
            if !host.evidence.contains(where: { Self.saysHealthData($0.quote) }) {
                host.roles = RoleWords.normalise(host.roles.map { $0 == .healthData ? .application : $0 })
            }
            return host
        }
        return findings
    }

    private static func saysHealthData(_ quote: String) -> Bool {
        Rules.roleHealthData.matches(in: Folded(quote))
    }
}
