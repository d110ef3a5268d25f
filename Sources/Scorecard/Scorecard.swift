import SovereigntyModel

/// One platform's graded result: the product that the renderer publishes and `data/scorecards.json` carries.
public struct PlatformScorecard: Sendable, Equatable, Encodable {
    public var id: String
    public var name: String
    public var category: String
    public var `operator`: String
    public var website: String
    public var rank: Int
    public var level: Level
    /// Nil when unrated: no score from missing evidence.
    public var score: Int?
    public var levelReasons: [String]
    /// Nil when unrated: exposure is not known without evidence.
    public var cloudActExposed: Bool?
    public var hosts: [ScoredHost]
    public var hds: StatusEvidence
    public var secNumCloud: StatusEvidence
    public var zeroKnowledge: ClaimEvidence
    public var dataLocation: [String]
    /// The sentences behind `dataLocation`.
    public var dataLocationEvidence: [LocatedEvidence]
    public var exposureDisclosures: [Evidence]
    public var conflicts: [Conflict]
    public var documents: [DocumentStatus]

    enum CodingKeys: String, CodingKey {
        case id, name, category, `operator`, website, rank, level, score, levelReasons, cloudActExposed, hosts, hds
        case secNumCloud, zeroKnowledge, dataLocation, dataLocationEvidence, exposureDisclosures, conflicts, documents
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(category, forKey: .category)
        try container.encode(`operator`, forKey: .operator)
        try container.encode(website, forKey: .website)
        try container.encode(rank, forKey: .rank)
        try container.encode(level, forKey: .level)
        try container.encode(score, forKey: .score)
        try container.encode(levelReasons, forKey: .levelReasons)
        try container.encode(cloudActExposed, forKey: .cloudActExposed)
        try container.encode(hosts, forKey: .hosts)
        try container.encode(hds, forKey: .hds)
        try container.encode(secNumCloud, forKey: .secNumCloud)
        try container.encode(zeroKnowledge, forKey: .zeroKnowledge)
        try container.encode(dataLocation, forKey: .dataLocation)
        try container.encode(dataLocationEvidence, forKey: .dataLocationEvidence)
        try container.encode(exposureDisclosures, forKey: .exposureDisclosures)
        try container.encode(conflicts, forKey: .conflicts)
        try container.encode(documents, forKey: .documents)
    }
}

/// A host of the platform, merged over its documents, with what we know of the provider.
public struct ScoredHost: Sendable, Equatable, Encodable {
    /// Provider id in `providers.yml`; nil for a provider we do not know yet.
    public var provider: String?
    /// Display name: the provider's, or the name as written when unknown.
    public var name: String
    public var asWritten: String
    public var roles: [HostRole]
    public var country: String?
    public var parent: String?
    public var parentCountry: String?
    public var usControlled: Bool
    public var cloudActExposed: Bool
    /// The US-controlled provider this one runs on, when the exposure is "by ricochet".
    public var exposedThrough: String?
    public var hdsCertified: Bool
    public var secNumCloudQualified: Bool
    public var publicInstitution: Bool
    public var address: String?
    public var evidence: [Evidence]

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(provider, forKey: .provider)
        try container.encode(name, forKey: .name)
        try container.encode(asWritten, forKey: .asWritten)
        try container.encode(roles, forKey: .roles)
        try container.encode(country, forKey: .country)
        try container.encode(parent, forKey: .parent)
        try container.encode(parentCountry, forKey: .parentCountry)
        try container.encode(usControlled, forKey: .usControlled)
        try container.encode(cloudActExposed, forKey: .cloudActExposed)
        try container.encode(exposedThrough, forKey: .exposedThrough)
        try container.encode(hdsCertified, forKey: .hdsCertified)
        try container.encode(secNumCloudQualified, forKey: .secNumCloudQualified)
        try container.encode(publicInstitution, forKey: .publicInstitution)
        try container.encode(address, forKey: .address)
        try container.encode(evidence, forKey: .evidence)
    }

    enum CodingKeys: String, CodingKey {
        case provider, name, asWritten, roles, country, parent, parentCountry, usControlled, cloudActExposed, exposedThrough
        case hdsCertified, secNumCloudQualified, publicInstitution, address, evidence
    }
}

public struct StatusEvidence: Sendable, Equatable, Encodable {
    public var status: String
    public var evidence: [Evidence]
}

public struct LocatedEvidence: Sendable, Equatable, Encodable {
    public var location: String
    public var evidence: Evidence
}

public struct ClaimEvidence: Sendable, Equatable, Encodable {
    public var claimed: Bool
    public var evidence: [Evidence]
}

/// Two documents of one platform that name different health-data hosts.
public struct Conflict: Sendable, Equatable, Encodable {
    public var description: String
    public var evidence: [Evidence]
}

/// A document's fetch outcome as shown to readers.
public struct DocumentStatus: Sendable, Equatable, Encodable {
    public var url: String
    public var kind: DocumentKind
    /// ok, http-error, unreachable, unreadable or needs-javascript.
    public var status: String
    public var httpStatus: Int?
    public var contentType: String?
    public var error: String?
    public var finalURL: String
    public var redirects: [String]
    public var fetchedAt: String
    public var sha256: String?

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(kind, forKey: .kind)
        try container.encode(status, forKey: .status)
        try container.encode(httpStatus, forKey: .httpStatus)
        try container.encode(contentType, forKey: .contentType)
        try container.encode(error, forKey: .error)
        try container.encode(finalURL, forKey: .finalURL)
        try container.encode(redirects, forKey: .redirects)
        try container.encode(fetchedAt, forKey: .fetchedAt)
        try container.encode(sha256, forKey: .sha256)
    }

    enum CodingKeys: String, CodingKey {
        case url, kind, status, httpStatus, contentType, error, finalURL, redirects, fetchedAt, sha256
    }
}
