import SovereigntyModel

/// Grades one platform from its documents' findings and our provider knowledge. Pure.
public struct Grader: Sendable {
    public let catalog: ProviderCatalog
    /// The day certifications are judged on (`YYYY-MM-DD`): an expired registry entry no longer counts.
    public let day: String

    public init(catalog: ProviderCatalog, day: String) {
        self.catalog = catalog
        self.day = day
    }

    public func grade(_ platform: Platform, documents: [DocumentSnapshot]) -> PlatformScorecard {
        let read = documents.compactMap(\.findings)
        let hosts = HostFinding.merge(read.flatMap(\.hosts)).map(score)
        let facts = PlatformFacts(platform: platform, read: read, hosts: hosts, catalog: catalog)
        let verdict = documents.isEmpty || read.isEmpty ? Verdict.unrated(documents) : verdict(facts)
        return PlatformScorecard(
            id: platform.id, name: platform.name, category: platform.category, operator: platform.operator,
            website: platform.website, rank: 0, level: verdict.level, score: verdict.score, levelReasons: verdict.reasons,
            cloudActExposed: verdict.level == .unrated
                ? nil : platform.operatorUsControlled || facts.dataHosts.contains { $0.cloudActExposed },
            hosts: hosts, hds: facts.hdsStatus, secNumCloud: facts.secNumCloudStatus,
            zeroKnowledge: ClaimEvidence(claimed: !facts.zeroKnowledge.isEmpty, evidence: facts.zeroKnowledge),
            dataLocation: facts.locations.map(\.rawValue),
            dataLocationEvidence: read.flatMap(\.dataLocations).map { LocatedEvidence(location: $0.location.rawValue, evidence: $0.evidence) },
            exposureDisclosures: read.flatMap(\.exposureDisclosures),
            conflicts: facts.conflicts, documents: documents.map(DocumentStatus.init))
    }

    /// A host with what `providers.yml` says of it; an unknown host is judged by the address the page gives.
    private func score(_ host: HostFinding) -> ScoredHost {
        guard let id = host.providerID, let provider = catalog[id] else {
            let american = host.country == "US"
            return ScoredHost(
                provider: nil, name: host.asWritten, asWritten: host.asWritten, roles: host.roles, country: host.country,
                parent: nil, parentCountry: nil, usControlled: american, cloudActExposed: american, exposedThrough: nil,
                hdsCertified: false, hdsRegistry: nil, secNumCloudQualified: false, secNumCloudRegistry: nil,
                publicInstitution: false, address: host.address,
                evidence: host.evidence)
        }
        let link = catalog.usControlledLink(in: id)
        let hds = catalog.hdsCertification(of: id, on: day)
        let secNumCloud = catalog.secNumCloudQualification(of: id, on: day)
        return ScoredHost(
            provider: id, name: provider.name, asWritten: host.asWritten, roles: host.roles, country: provider.country,
            parent: provider.parent?.name, parentCountry: provider.parent?.country, usControlled: provider.usControlled,
            cloudActExposed: link != nil, exposedThrough: link.flatMap { $0.id == id ? nil : $0.name },
            hdsCertified: hds.certified, hdsRegistry: hds.entry.map(Self.describe),
            secNumCloudQualified: secNumCloud.qualified, secNumCloudRegistry: secNumCloud.entry.map(Self.describe),
            publicInstitution: provider.publicInstitution, address: host.address, evidence: host.evidence)
    }

    private func verdict(_ facts: PlatformFacts) -> Verdict {
        let check = { (id: Rubric.CheckID) in Rubric.checks[id]!.title }
        guard !facts.hosts.isEmpty else {
            return Verdict(level: .e, points: facts.points, reasons: [
                "\(check(.hostDeclared)) : aucun hébergeur identifié dans les documents lus."
            ])
        }
        var reasons: [String] = []
        let exposedData = facts.dataHosts.filter(\.cloudActExposed)
        if facts.platform.operatorUsControlled {
            reasons.append("Plafonné à D (\(check(.operatorControl))) : l'opérateur \(facts.platform.operator) est sous contrôle américain.")
        }
        for host in exposedData {
            let roles = host.roles.filter(\.carriesHealthData).map(RoleNames.french).joined(separator: ", ")
            let why = host.exposedThrough.map { "s'appuie sur \($0), sous contrôle américain" } ?? Self.control(host)
            reasons.append("Plafonné à D (\(check(.usExposure))) : \(roles) chez \(host.name) (\(why)).")
        }
        if !reasons.isEmpty { return Verdict(level: .d, points: facts.points, reasons: reasons) }

        for host in facts.hosts where host.cloudActExposed {
            let roles = host.roles.map(RoleNames.french).joined(separator: ", ")
            reasons.append("Plafonné à C (\(check(.peripheralExposure))) : \(roles) chez \(host.name) (\(Self.control(host))).")
        }
        let healthHosts = facts.healthHosts
        guard !healthHosts.isEmpty else {
            reasons.append("Au mieux C (\(check(.healthDataHost))) : aucun hébergeur n'est nommé pour les données de santé.")
            return Verdict(level: .c, points: facts.points, reasons: reasons)
        }
        let names = healthHosts.map(\.name).joined(separator: ", ")
        let uncertified = healthHosts.filter { !($0.hdsCertified && Self.isEuropean($0)) && !$0.publicInstitution }
        for host in uncertified {
            let why =
                host.provider == nil
                ? "prestataire inconnu de nos données : ajoutez-le à Inputs/providers.yml"
                : host.hdsCertified ? "hors juridiction européenne" : "pas de certification HDS connue"
            reasons.append("Au mieux C (\(check(.hdsCertification))) : \(host.name) — \(why).")
        }
        if !reasons.isEmpty { return Verdict(level: .c, points: facts.points, reasons: reasons) }

        let allQualified = healthHosts.allSatisfy(\.secNumCloudQualified)
        if allQualified && !facts.hosts.contains(where: \.cloudActExposed) {
            let reason = "\(check(.secNumCloud)) : données de santé chez \(names), qualifié(s) SecNumCloud ; rien d'américain dans la chaîne déclarée."
            if !facts.zeroKnowledge.isEmpty {
                return Verdict(level: .aPlus, points: facts.points, reasons: [
                    reason, "\(check(.zeroKnowledge)) : la plateforme déclare ne pas pouvoir lire les données.",
                ])
            }
            return Verdict(level: .a, points: facts.points, reasons: [reason])
        }
        let kind = healthHosts.allSatisfy(\.publicInstitution) ? "établissement public sur sa propre infrastructure" : "certifié(s) HDS, juridiction européenne"
        return Verdict(level: .b, points: facts.points, reasons: [
            "\(check(.hdsCertification)) : données de santé chez \(names) (\(kind)) ; pas de qualification SecNumCloud pour tous."
        ])
    }

    /// "PREMI3NS (S3NS), depuis le 2025-12-17, liste consultée le 2026-11-22 : URL".
    static func describe(_ entry: Registry.Entry) -> String {
        var text = entry.subject
        if let since = entry.since { text += ", depuis le \(since)" }
        if let until = entry.validUntil { text += ", valable jusqu'au \(until)" }
        return text + " — liste consultée le \(entry.asOf) : \(entry.source)"
    }

    static func control(_ host: ScoredHost) -> String {
        if let parent = host.parent, host.parentCountry == "US" { return "société mère américaine : \(parent)" }
        return host.provider == nil ? "adresse aux États-Unis selon la page" : "société américaine"
    }

    static let europeanCountries: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
        "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]

    static func isEuropean(_ host: ScoredHost) -> Bool {
        guard let country = host.parentCountry ?? host.country else { return false }
        return europeanCountries.contains(country) && !host.cloudActExposed
    }
}

/// A level, its points inside the level's band, and why.
struct Verdict {
    var level: Level
    var score: Int?
    var reasons: [String]

    init(level: Level, points: Int, reasons: [String]) {
        self.level = level
        self.reasons = reasons
        if let band = level.scoreBand {
            let width = band.upperBound - band.lowerBound
            self.score = band.lowerBound + min(width, max(0, width / 2 + points))
        }
    }

    static func unrated(_ documents: [DocumentSnapshot]) -> Verdict {
        let why = documents.map { "\($0.reference.url) : \($0.failure?.message ?? "illisible")" }
        var verdict = Verdict(level: .unrated, points: 0, reasons: [
            "\(Rubric.checks[.documentsRead]!.title) : aucun document n'a pu être récupéré et lu."
        ] + why)
        verdict.score = nil
        return verdict
    }
}

/// Role names in French, as the reports print them.
public enum RoleNames {
    public static func french(_ role: HostRole) -> String {
        switch role {
        case .website: "site web"
        case .healthData: "données de santé"
        case .application: "application"
        case .backup: "sauvegardes"
        case .encryptionKeys: "clés de chiffrement"
        case .cdn: "CDN"
        case .messaging: "messagerie"
        case .unspecified: "rôle non précisé"
        }
    }
}
