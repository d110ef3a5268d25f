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
        guard !read.isEmpty else { return unrated(platform, documents: documents) }
        let hosts = HostFinding.merge(read.flatMap(\.hosts)).map(score)
        let facts = PlatformFacts(platform: platform, read: read, hosts: hosts, catalog: catalog)
        let verdict = verdict(facts)
        return PlatformScorecard(
            id: platform.id, name: platform.name, category: platform.category, operator: platform.operator,
            website: platform.website, rank: nil, level: verdict.level, score: verdict.score, levelReasons: verdict.reasons.map(\.sentence.fr),
            reasons: verdict.reasons,
            cloudActExposed: platform.operatorUsControlled || facts.dataHosts.contains { $0.cloudActExposed },
            hosts: hosts, hds: facts.hdsStatus, secNumCloud: facts.secNumCloudStatus,
            zeroKnowledge: ClaimEvidence(claimed: !facts.zeroKnowledge.isEmpty, evidence: facts.zeroKnowledge),
            dataLocation: facts.locations.map(\.rawValue),
            dataLocationEvidence: read.flatMap(\.dataLocations).map { LocatedEvidence(location: $0.location.rawValue, evidence: $0.evidence) },
            exposureDisclosures: read.flatMap(\.exposureDisclosures),
            conflicts: facts.conflicts, documents: documents.map(DocumentStatus.init))
    }

    /// No document was read: no score, no exposure, and every status unknown rather than "none", so that no output
    /// states what no page said. Only the documents' fetch outcomes are facts.
    private func unrated(_ platform: Platform, documents: [DocumentSnapshot]) -> PlatformScorecard {
        let verdict = Verdict.unrated(documents)
        return PlatformScorecard(
            id: platform.id, name: platform.name, category: platform.category, operator: platform.operator,
            website: platform.website, rank: nil, level: .unrated, score: nil, levelReasons: verdict.reasons.map(\.sentence.fr),
            reasons: verdict.reasons, cloudActExposed: nil, hosts: [], hds: .unknown, secNumCloud: .unknown, zeroKnowledge: .unknown,
            dataLocation: [], dataLocationEvidence: [], exposureDisclosures: [], conflicts: [], documents: documents.map(DocumentStatus.init))
    }

    /// A host with what `providers.yml` says of it; an unknown host is judged by the address the page gives and by the
    /// parent group the page names beside it.
    private func score(_ host: HostFinding) -> ScoredHost {
        guard let id = host.providerID, let provider = catalog[id] else {
            let american = host.country == "US" || host.parentCountry == "US"
            let institution = !american && PublicInstitutionNames.recognises(host.asWritten)
            return ScoredHost(
                provider: nil, name: host.asWritten, asWritten: host.asWritten, roles: host.roles, country: host.country,
                parent: nil, parentCountry: host.parentCountry, usControlled: american, cloudActExposed: american, exposedThrough: nil,
                hdsCertified: false, hdsRegistry: nil, hdsEntry: nil, secNumCloudQualified: false, secNumCloudRegistry: nil,
                secNumCloudEntry: nil,
                publicInstitution: institution, address: host.address,
                evidence: host.evidence, chainDisclosure: host.chainDisclosure)
        }
        let link = catalog.usControlledLink(in: id)
        let hds = catalog.hdsCertification(of: id, on: day)
        let secNumCloud = catalog.secNumCloudQualification(of: id, on: day)
        // The entity the page names is shown with its own country; the group it belongs to, with the group's.
        let entity = provider.entity(named: host.asWritten)
        let group = provider.group(of: entity)
        return ScoredHost(
            provider: id, name: provider.name, asWritten: host.asWritten, roles: host.roles, country: entity?.country ?? provider.country,
            parent: group?.name, parentCountry: group?.country, usControlled: provider.usControlled,
            cloudActExposed: link != nil, exposedThrough: link.flatMap { $0.id == id ? nil : $0.name },
            hdsCertified: hds.certified, hdsRegistry: hds.entry.map(Self.describe), hdsEntry: hds.entry.map(RegistryEntry.init),
            secNumCloudQualified: secNumCloud.qualified, secNumCloudRegistry: secNumCloud.entry.map(Self.describe),
            secNumCloudEntry: secNumCloud.entry.map(RegistryEntry.init),
            publicInstitution: provider.publicInstitution, address: host.address, evidence: host.evidence,
            chainDisclosure: host.chainDisclosure)
    }

    private func verdict(_ facts: PlatformFacts) -> Verdict {
        guard !facts.hosts.isEmpty else {
            return Verdict(level: .e, points: facts.points, reasons: [
                LevelReason(
                    .hostDeclared, .e, .sets, Localized("aucun hébergeur identifié dans les documents lus.", en: "no host identified in the documents read."))
            ])
        }
        var reasons: [LevelReason] = []
        let exposedData = facts.dataHosts.filter(\.cloudActExposed)
        if facts.platform.operatorUsControlled {
            let name = facts.platform.operator
            reasons.append(LevelReason(
                .operatorControl, .d, .caps,
                Localized("l'opérateur \(name) est sous contrôle américain.", en: "the operator \(name) is US-controlled.")))
        }
        for host in exposedData {
            let carried = host.roles.filter(\.carriesHealthData)
            // Named for the site only, but no document names the health-data host: presumed to possibly hold it.
            let roles =
                carried.isEmpty
                ? Localized(
                    "\(Self.roles(host.roles).fr), et présumé héberger les données de santé (aucun document ne nomme leur hébergeur)",
                    en: "\(Self.roles(host.roles).en), and presumed to host the health data (no document names their host)")
                : Self.roles(carried)
            let why = host.exposedThrough.map {
                Localized("s'appuie sur \($0), sous contrôle américain", en: "runs on \($0), US-controlled")
            } ?? Self.control(host)
            reasons.append(LevelReason(
                .usExposure, .d, .caps,
                Localized("\(roles.fr) chez \(host.name) (\(why.fr)).", en: "\(roles.en) at \(host.name) (\(why.en))."), host: host))
        }
        if !reasons.isEmpty { return Verdict(level: .d, points: facts.points, reasons: reasons) }

        for host in facts.hosts where host.cloudActExposed {
            let roles = Self.roles(host.roles)
            let why = Self.control(host)
            reasons.append(LevelReason(
                .peripheralExposure, .c, .caps,
                Localized("\(roles.fr) chez \(host.name) (\(why.fr)).", en: "\(roles.en) at \(host.name) (\(why.en))."), host: host))
        }
        let healthHosts = facts.healthHosts
        guard !healthHosts.isEmpty else {
            reasons.append(LevelReason(
                .healthDataHost, .c, .caps,
                Localized("aucun hébergeur n'est nommé pour les données de santé.", en: "no host is named for the health data.")))
            return Verdict(level: .c, points: facts.points, reasons: reasons)
        }
        let names = healthHosts.map(\.name).joined(separator: ", ")
        // A provider we do not know that holds data (messages, backups…) leaves its HDS status unestablished too.
        let unknownDataHosts = facts.dataHosts.filter { host in
            host.provider == nil && !host.publicInstitution && !healthHosts.contains { $0.key == host.key }
        }
        let uncertified = healthHosts.filter { !($0.hdsCertified && Self.isEuropean($0)) && !$0.publicInstitution } + unknownDataHosts
        for host in uncertified {
            let why =
                host.provider == nil
                ? Localized(
                    "prestataire inconnu de nos données : ajoutez-le à Inputs/providers.yml",
                    en: "provider unknown to our data: add it to Inputs/providers.yml")
                : host.hdsCertified
                    ? Localized("hors juridiction européenne", en: "outside European jurisdiction")
                    : Localized("pas de certification HDS connue", en: "no known HDS certification")
            reasons.append(LevelReason(
                .hdsCertification, .c, .caps, Localized("\(host.name) — \(why.fr).", en: "\(host.name) — \(why.en)."), host: host))
        }
        if !reasons.isEmpty { return Verdict(level: .c, points: facts.points, reasons: reasons) }

        let allQualified = healthHosts.allSatisfy(\.secNumCloudQualified)
        if allQualified && !facts.hosts.contains(where: \.cloudActExposed) {
            let qualified = Localized(
                "données de santé chez \(names), qualifié(s) SecNumCloud ; rien d'américain dans la chaîne déclarée.",
                en: "health data at \(names), SecNumCloud-qualified; nothing American in the stated chain.")
            if !facts.zeroKnowledge.isEmpty {
                return Verdict(level: .aPlus, points: facts.points, reasons: [
                    LevelReason(.secNumCloud, .a, .sets, qualified),
                    LevelReason(
                        .zeroKnowledge, .aPlus, .sets,
                        Localized("la plateforme déclare ne pas pouvoir lire les données.", en: "the platform states it cannot read the data.")),
                ])
            }
            return Verdict(level: .a, points: facts.points, reasons: [LevelReason(.secNumCloud, .a, .sets, qualified)])
        }
        let kind =
            healthHosts.allSatisfy(\.publicInstitution)
            ? Localized("établissement public sur sa propre infrastructure", en: "public institution on its own infrastructure")
            : Localized("certifié(s) HDS, juridiction européenne", en: "HDS-certified, European jurisdiction")
        return Verdict(level: .b, points: facts.points, reasons: [
            LevelReason(
                .hdsCertification, .b, .sets,
                Localized(
                    "données de santé chez \(names) (\(kind.fr)) ; pas de qualification SecNumCloud pour tous.",
                    en: "health data at \(names) (\(kind.en)); not all SecNumCloud-qualified."))
        ])
    }

    static func roles(_ roles: [HostRole]) -> Localized {
        Localized(roles.map(RoleNames.french).joined(separator: ", "), en: roles.map(RoleNames.english).joined(separator: ", "))
    }

    /// "PREMI3NS (S3NS), depuis le 2025-12-17, liste consultée le 2026-11-22 : URL".
    static func describe(_ entry: Registry.Entry) -> String {
        var text = entry.subject
        if let since = entry.since { text += ", depuis le \(since)" }
        if let until = entry.validUntil { text += ", valable jusqu'au \(until)" }
        return text + " — liste consultée le \(entry.asOf) : \(entry.source)"
    }

    static func control(_ host: ScoredHost) -> Localized {
        if let parent = host.parent, host.parentCountry == "US" {
            return Localized("société mère américaine : \(parent)", en: "US parent company: \(parent)")
        }
        return host.provider == nil
            ? Localized("adresse aux États-Unis selon la page", en: "address in the United States per the page")
            : Localized("société américaine", en: "US company")
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
    var reasons: [LevelReason]

    init(level: Level, points: Int, reasons: [LevelReason]) {
        self.level = level
        self.reasons = reasons
        if let band = level.scoreBand {
            let width = band.upperBound - band.lowerBound
            self.score = band.lowerBound + min(width, max(0, width / 2 + points))
        }
    }

    static func unrated(_ documents: [DocumentSnapshot]) -> Verdict {
        let why = documents.map { document in
            let message = document.failure?.message
            return LevelReason(
                .documentsRead, .unrated, .sets,
                Localized("\(document.reference.url) : \(message ?? "illisible")", en: "\(document.reference.url): \(message ?? "unreadable")"))
        }
        var verdict = Verdict(level: .unrated, points: 0, reasons: [
            LevelReason(
                .documentsRead, .unrated, .sets,
                Localized("aucun document n'a pu être récupéré et lu.", en: "no document could be fetched and read."))
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

    public static func english(_ role: HostRole) -> String {
        switch role {
        case .website: "website"
        case .healthData: "health data"
        case .application: "application"
        case .backup: "backups"
        case .encryptionKeys: "encryption keys"
        case .cdn: "CDN"
        case .messaging: "messaging"
        case .unspecified: "role not stated"
        }
    }
}
