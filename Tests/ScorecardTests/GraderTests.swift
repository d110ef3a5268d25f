import Foundation
import Scorecard
import SovereigntyModel
import Testing

/// The rubric as a pure function: findings and provider knowledge in, level and reasons out.
@Suite struct GraderTests {
    static let catalog = ProviderCatalog(providers: [
        Provider(id: "aws", name: "Amazon Web Services", aliases: ["AWS"], country: "US", parent: LegalEntity(name: "Amazon.com, Inc.", country: "US"),
                 usControlled: true, hds: .init(status: .certified)),
        Provider(id: "heroku", name: "Heroku", aliases: [], country: "US", usControlled: true, runsOn: ["aws"]),
        Provider(id: "paas-fr", name: "PaaS Français", aliases: [], country: "FR", usControlled: false, runsOn: ["aws"], hds: .init(status: .certified)),
        Provider(id: "ovh", name: "OVHcloud", aliases: [], country: "FR", usControlled: false, hds: .init(status: .certified),
                 secNumCloud: .init(status: .qualified, offer: "HPC", since: "2022-01-01")),
        Provider(id: "clever", name: "Clever Cloud", aliases: [], country: "FR", usControlled: false, hds: .init(status: .certified)),
        Provider(id: "cdn", name: "US CDN", aliases: [], country: "US", usControlled: true),
        Provider(id: "chu", name: "DSN du CHU", aliases: [], country: "FR", usControlled: false, publicInstitution: true),
    ])

    static let platform = Platform(
        id: "p", name: "Plateforme", category: "test", operator: "Opérateur SAS", website: "https://p.test",
        documents: [DocumentReference(url: "https://p.test/mentions", kind: .legalNotice), DocumentReference(url: "https://p.test/confidentialite", kind: .privacyPolicy)])

    static func evidence(_ quote: String, url: String = "https://p.test/mentions") -> Evidence {
        Evidence(url: url, quote: quote, section: "Hébergement", fetchedAt: "2026-11-22T03:00:00Z")
    }

    static func host(_ id: String?, _ roles: [HostRole], written: String? = nil, country: String? = nil, url: String = "https://p.test/mentions") -> HostFinding {
        HostFinding(providerID: id, asWritten: written ?? id ?? "?", roles: roles, country: country, evidence: [evidence("hébergé par \(written ?? id ?? "?")", url: url)])
    }

    static func snapshot(_ url: String = "https://p.test/mentions", _ findings: DocumentFindings?, failure: FetchFailure? = nil) -> DocumentSnapshot {
        DocumentSnapshot(
            reference: DocumentReference(url: url, kind: .legalNotice),
            fetch: FetchRecord(requestedURL: url, finalURL: url, httpStatus: failure == nil ? 200 : nil, fetchedAt: Date(timeIntervalSince1970: 1_795_000_000), failure: failure),
            findings: findings)
    }

    func grade(_ findings: DocumentFindings?..., operatorUS: Bool = false) -> PlatformScorecard {
        var platform = Self.platform
        platform.operatorUsControlled = operatorUS
        let urls = ["https://p.test/mentions", "https://p.test/confidentialite"]
        let snapshots = findings.enumerated().map { index, findings in
            Self.snapshot(urls[index % 2], findings, failure: findings == nil ? FetchFailure(reason: .dns, message: "host name not found") : nil)
        }
        return Grader(catalog: Self.catalog, day: "2026-11-22").grade(platform, documents: snapshots)
    }

    struct LevelCase: Sendable, CustomTestStringConvertible {
        var name: String
        var findings: DocumentFindings
        var level: Level
        var reason: String
        var testDescription: String { name }
    }

    static let cases: [LevelCase] = [
        LevelCase(name: "qualified host, zero-knowledge", findings: DocumentFindings(hosts: [host("ovh", [.healthData, .website])], zeroKnowledge: [evidence("bout en bout")]), level: .aPlus, reason: "SecNumCloud"),
        LevelCase(name: "qualified host", findings: DocumentFindings(hosts: [host("ovh", [.healthData])]), level: .a, reason: "SecNumCloud"),
        LevelCase(name: "HDS in the EU", findings: DocumentFindings(hosts: [host("clever", [.healthData]), host("ovh", [.website])]), level: .b, reason: "Clever Cloud"),
        LevelCase(name: "public institution", findings: DocumentFindings(hosts: [host("chu", [.healthData])]), level: .b, reason: "établissement public"),
        LevelCase(name: "unnamed certified hosts", findings: DocumentFindings(hosts: [host("clever", [.website])], hds: [HDSMention(providerIDs: [], namesHost: false, evidence: evidence("hébergeurs certifiés"))]), level: .c, reason: "aucun hébergeur n'est nommé pour les données de santé"),
        LevelCase(name: "certified site host, no other named", findings: DocumentFindings(hosts: [host("clever", [.website])], hds: [HDSMention(providerIDs: ["clever"], namesHost: true, evidence: evidence("Clever Cloud est certifié HDS"))]), level: .b, reason: "données de santé chez Clever Cloud"),
        LevelCase(name: "certified application host before certified site host", findings: DocumentFindings(hosts: [host("ovh", [.website]), host("clever", [.application])], hds: [HDSMention(providerIDs: ["ovh", "clever"], namesHost: true, evidence: evidence("OVHcloud et Clever Cloud sont certifiés HDS"))]), level: .b, reason: "données de santé chez Clever Cloud ("),
        LevelCase(name: "US CDN only", findings: DocumentFindings(hosts: [host("clever", [.healthData]), host("cdn", [.cdn])]), level: .c, reason: "Plafonné à C"),
        LevelCase(name: "unknown health host", findings: DocumentFindings(hosts: [host(nil, [.healthData], written: "Inconnu SAS", country: "FR")]), level: .c, reason: "ajoutez-le à Inputs/providers.yml"),
        LevelCase(name: "AWS health data", findings: DocumentFindings(hosts: [host("aws", [.healthData])]), level: .d, reason: "société mère américaine : Amazon.com, Inc."),
        LevelCase(name: "French PaaS on AWS", findings: DocumentFindings(hosts: [host("paas-fr", [.healthData])]), level: .d, reason: "s'appuie sur Amazon Web Services"),
        LevelCase(name: "unspecified role at US host", findings: DocumentFindings(hosts: [host("heroku", [.unspecified])]), level: .d, reason: "Heroku"),
        LevelCase(name: "unknown US host", findings: DocumentFindings(hosts: [host(nil, [.application], written: "Cloudy Inc.", country: "US")]), level: .d, reason: "adresse aux États-Unis"),
        LevelCase(name: "no host", findings: DocumentFindings(), level: .e, reason: "aucun hébergeur identifié"),
    ]

    @Test(arguments: cases) func levelsFollowTheRubric(_ example: LevelCase) throws {
        let card = grade(example.findings)
        #expect(card.level == example.level, "\(card.levelReasons)")
        #expect(card.levelReasons.contains { $0.contains(example.reason) }, "\(card.levelReasons)")
        let band = try #require(card.level.scoreBand)
        #expect(band.contains(try #require(card.score)))
    }

    /// A page that names a group's foreign entity: the entity's country is shown as the host's, the group's as its
    /// parent's, and the exposure follows the group.
    @Test func aNamedEntityShowsItsOwnCountryAndItsGroupsSeparately() throws {
        let catalog = ProviderCatalog(providers: [
            Provider(
                id: "cloud", name: "Big Cloud", aliases: ["Big Cloud Ireland Limited", "Big Cloud Inc."], country: "US",
                entities: [LegalEntity(name: "Big Cloud Ireland Limited", country: "IE"), LegalEntity(name: "Big Cloud Inc.", country: "US")],
                parent: LegalEntity(name: "Big Cloud Inc.", country: "US"), usControlled: true),
            Provider(
                id: "host", name: "Hébergeur", aliases: ["Hébergeur GmbH"], country: "FR",
                entities: [LegalEntity(name: "Hébergeur GmbH", country: "DE")], usControlled: false),
        ])
        func scored(_ id: String, written: String) throws -> ScoredHost {
            let findings = DocumentFindings(hosts: [Self.host(id, [.healthData], written: written)])
            let card = Grader(catalog: catalog, day: "2026-11-22").grade(Self.platform, documents: [Self.snapshot("https://p.test/mentions", findings)])
            return try #require(card.hosts.first)
        }
        let irish = try scored("cloud", written: "BIG CLOUD IRELAND LTD.")
        #expect(irish.country == "IE")
        #expect(irish.parent == "Big Cloud Inc." && irish.parentCountry == "US")
        #expect(irish.cloudActExposed)
        let group = try scored("cloud", written: "Big Cloud Inc.")
        #expect(group.country == "US" && group.parent == nil)
        let brand = try scored("cloud", written: "Big Cloud")
        #expect(brand.country == "US" && brand.parent == "Big Cloud Inc.")
        let german = try scored("host", written: "Hébergeur GmbH")
        #expect(german.country == "DE" && german.parent == "Hébergeur" && german.parentCountry == "FR")
        #expect(!german.cloudActExposed)
    }

    @Test func unreachableDocumentsAreUnratedNotLow() {
        let card = grade(nil, nil)
        #expect(card.level == .unrated)
        #expect(card.score == nil)
        #expect(card.cloudActExposed == nil, "exposure is unknown without evidence")
        #expect(card.hds == .unknown && card.secNumCloud == .unknown, "not \"none\": no document said so")
        #expect(card.zeroKnowledge.claimed == nil, "not \"not declared\": no document was read")
        #expect(card.documents.map(\.status) == ["unreachable", "unreachable"])
        #expect(card.documents.allSatisfy { $0.fetchedAt == nil }, "a document that was not read has no read date")
        #expect(card.documents.map(\.attemptedAt) == ["2026-11-18T11:06:40Z", "2026-11-18T11:06:40Z"])
        #expect(card.levelReasons.contains { $0.contains("host name not found") })
    }

    @Test func anUnreachableDocumentNeverLowersTheGrade() {
        let alone = grade(DocumentFindings(hosts: [Self.host("ovh", [.healthData])]))
        let withOutage = grade(DocumentFindings(hosts: [Self.host("ovh", [.healthData])]), nil)
        #expect(alone.level == withOutage.level)
        #expect(alone.score == withOutage.score)
    }

    @Test func usOperatorCapsAtD() {
        let card = grade(DocumentFindings(hosts: [Self.host("ovh", [.healthData])]), operatorUS: true)
        #expect(card.level == .d)
        #expect(card.cloudActExposed == true)
    }

    @Test func conflictingDocumentsTakeTheConservativeReading() {
        let card = grade(
            DocumentFindings(hosts: [Self.host("ovh", [.healthData])]),
            DocumentFindings(hosts: [Self.host("aws", [.healthData], url: "https://p.test/confidentialite")]))
        #expect(card.level == .d)
        #expect(card.conflicts.count == 1)
        #expect(card.conflicts.first?.description.contains("https://p.test/confidentialite") == true)
        #expect(Set(card.hosts.compactMap(\.provider)) == ["ovh", "aws"])
    }

    @Test func rankingOrdersByLevelThenScoreAndPutsUnratedLast() {
        let cards = [grade(nil), grade(DocumentFindings()), grade(DocumentFindings(hosts: [Self.host("ovh", [.healthData])]))]
        let ranked = Ranking.rank(cards)
        #expect(ranked.map(\.level) == [.a, .e, .unrated])
        #expect(ranked.map(\.rank) == [1, 2, nil], "ranks go to rated platforms only")
    }

    @Test func methodologyDescribesEveryLevelAndCheck() {
        #expect(Set(Rubric.levels.map(\.level)) == Set(Level.allCases))
        #expect(Rubric.checkOrder.count == Rubric.checks.count)
    }
}
