import Foundation

/// What we know of a hosting provider, from `Inputs/providers.yml`.
public struct Provider: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    /// Spellings that name this provider in legal notices (legal entities and brands).
    public var aliases: [String]
    /// ISO 3166-1 alpha-2 code of the provider's head office.
    public var country: String
    public var entities: [LegalEntity]
    public var parent: LegalEntity?
    /// The entity or its ultimate parent is a US company: reachable by the CLOUD Act.
    public var usControlled: Bool
    /// Providers whose infrastructure actually holds the data (a PaaS on an IaaS, a reseller).
    public var runsOn: [String]
    public var publicInstitution: Bool
    public var hds: HDSCertification
    public var secNumCloud: SecNumCloudQualification
    public var sources: [Source]

    public init(
        id: String, name: String, aliases: [String], country: String, entities: [LegalEntity] = [],
        parent: LegalEntity? = nil, usControlled: Bool, runsOn: [String] = [], publicInstitution: Bool = false,
        hds: HDSCertification = .init(status: .unknown), secNumCloud: SecNumCloudQualification = .init(status: .none),
        sources: [Source] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.country = country
        self.entities = entities
        self.parent = parent
        self.usControlled = usControlled
        self.runsOn = runsOn
        self.publicInstitution = publicInstitution
        self.hds = hds
        self.secNumCloud = secNumCloud
        self.sources = sources
    }

    /// The country whose law governs the provider in the last resort: its parent's when it has one.
    public var jurisdiction: String { parent?.country ?? country }

    /// The provider's legal entity a page names ("Microsoft Ireland Operations Ltd"), if it is one of `entities`:
    /// a reader is shown that entity's country, and the group's separately, never the group's as the entity's.
    public func entity(named written: String) -> LegalEntity? {
        let name = LegalEntity.comparable(written)
        return entities.first { entity in
            let known = LegalEntity.comparable(entity.name)
            return name == known || name.hasPrefix(known + " ")
        }
    }

    /// Who answers for the entity a page names: the provider's parent, else the provider itself when that entity is
    /// registered in another country (a group's foreign subsidiary); nil when the entity is the group.
    public func group(of entity: LegalEntity?) -> LegalEntity? {
        let group = parent ?? entity.flatMap { $0.country == country ? nil : LegalEntity(name: name, country: country) }
        guard let group, LegalEntity.comparable(group.name) != entity.map({ LegalEntity.comparable($0.name) }) else { return nil }
        return group
    }
}

public struct LegalEntity: Sendable, Equatable, Codable {
    public var name: String
    public var country: String

    public init(name: String, country: String) {
        self.name = name
        self.country = country
    }

    /// A name as compared with another spelling of it: case, accents, punctuation and the "Ltd"/"Limited" forms aside.
    static func comparable(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let words = folded.split { !$0.isLetter && !$0.isNumber && $0 != "&" }.map { word in
            word == "ltd" ? "limited" : String(word)
        }
        return words.joined(separator: " ")
    }
}

public struct HDSCertification: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case certified
        case notCertified = "not-certified"
        case unknown
    }
    public var status: Status

    public init(status: Status) { self.status = status }
}

public struct SecNumCloudQualification: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case qualified
        case inProgress = "in-progress"
        case none
    }
    public var status: Status
    public var offer: String?
    /// Date of the qualification decision, `YYYY-MM-DD`.
    public var since: String?

    public init(status: Status, offer: String? = nil, since: String? = nil) {
        self.status = status
        self.offer = offer
        self.since = since
    }
}

/// Where a fact about a provider comes from.
public struct Source: Sendable, Equatable, Codable {
    /// Which fact it supports: identity, parent, usControlled, runsOn, hds, secNumCloud.
    public var fact: String
    public var url: String
    /// Date the fact was recorded from that source, `YYYY-MM-DD`.
    public var date: String

    public init(fact: String, url: String, date: String) {
        self.fact = fact
        self.url = url
        self.date = date
    }
}
