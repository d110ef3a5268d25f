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
            var namesHealthData = false
            host.evidence = host.evidence.map { evidence in
                if Self.saysHealthData(evidence.quote) {
                    namesHealthData = true
                    return evidence
                }
                guard let roles = evidence.roles, roles.contains(.healthData) else { return evidence }
                var evidence = evidence
                evidence.roles = Self.application(for: roles)
                return evidence
            }
            if !namesHealthData { host.roles = Self.application(for: host.roles) }
            return host
        }
        return findings
    }

    /// The roles with the users' data read as the application's.
    private static func application(for roles: [HostRole]) -> [HostRole] {
        RoleWords.normalise(roles.map { $0 == .healthData ? .application : $0 })
    }

    private static func saysHealthData(_ quote: String) -> Bool {
        Rules.roleHealthData.matches(in: Folded(quote))
    }
}
