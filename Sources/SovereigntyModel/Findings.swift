/// What a provider is said to host for a platform.
public enum HostRole: String, Sendable, Codable, CaseIterable, Comparable {
    case website
    case healthData = "health-data"
    case application
    case backup
    case encryptionKeys = "encryption-keys"
    case cdn
    case messaging
    case unspecified

    public static func < (lhs: HostRole, rhs: HostRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Roles in which the provider can hold or see health data at rest.
    public var carriesHealthData: Bool {
        switch self {
        case .healthData, .application, .backup, .encryptionKeys, .messaging, .unspecified: true
        case .website, .cdn: false
        }
    }
}

/// A provider named as hosting something, in one document.
public struct HostFinding: Sendable, Equatable, Codable {
    /// The id in `providers.yml`, or nil for a provider we do not know.
    public var providerID: String?
    /// The name as the page writes it.
    public var asWritten: String
    public var roles: [HostRole]
    /// Country read from the address on the page, for unknown providers.
    public var country: String?
    /// Country of the parent group when the page names it beside an unknown provider ("filiale d'un groupe américain").
    public var parentCountry: String?
    public var address: String?
    public var evidence: [Evidence]
    /// The host's own row in a hosting-chain disclosure table (HDS 2024), when the page has one.
    public var chainDisclosure: ChainDisclosure?

    public init(
        providerID: String?, asWritten: String, roles: [HostRole], country: String? = nil, parentCountry: String? = nil,
        address: String? = nil, evidence: [Evidence], chainDisclosure: ChainDisclosure? = nil
    ) {
        self.providerID = providerID
        self.asWritten = asWritten
        self.roles = roles
        self.country = country
        self.parentCountry = parentCountry
        self.address = address
        self.evidence = evidence
        self.chainDisclosure = chainDisclosure
    }
}

/// A sentence about HDS certification.
public struct HDSMention: Sendable, Equatable, Codable {
    /// Providers the sentence names as certified; empty when the host is not named.
    public var providerIDs: [String]
    public var namesHost: Bool
    public var evidence: Evidence

    public init(providerIDs: [String], namesHost: Bool, evidence: Evidence) {
        self.providerIDs = providerIDs
        self.namesHost = namesHost
        self.evidence = evidence
    }
}

/// A sentence about SecNumCloud.
public struct SecNumCloudMention: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// The page says a provider holds the qualification.
        case claimed
        /// The qualification is sought or under way: not a claim.
        case inProgress = "in-progress"
        /// The page says the qualification is not held: never a claim.
        case denied
    }
    public var kind: Kind
    public var providerIDs: [String]
    public var evidence: Evidence

    public init(kind: Kind, providerIDs: [String], evidence: Evidence) {
        self.kind = kind
        self.providerIDs = providerIDs
        self.evidence = evidence
    }
}

/// Where the page says data are located.
public enum DataLocation: String, Sendable, Codable, CaseIterable, Comparable {
    case france = "FR"
    case europeanUnion = "EU"
    case outsideEU = "non-EU"

    public static func < (lhs: DataLocation, rhs: DataLocation) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public struct LocationMention: Sendable, Equatable, Codable {
    public var location: DataLocation
    public var evidence: Evidence

    public init(location: DataLocation, evidence: Evidence) {
        self.location = location
        self.evidence = evidence
    }
}

/// Everything the Extractor found in one document.
public struct DocumentFindings: Sendable, Equatable, Codable {
    public var hosts: [HostFinding]
    public var hds: [HDSMention]
    public var secNumCloud: [SecNumCloudMention]
    /// Sentences claiming end-to-end or zero-knowledge encryption.
    public var zeroKnowledge: [Evidence]
    public var dataLocations: [LocationMention]
    /// Explicit statements that a US authority can compel access (CLOUD Act, FISA…).
    public var exposureDisclosures: [Evidence]
    /// Number of characters of readable text: near zero means an empty shell or a script-only page.
    public var textLength: Int
    /// The page reads like a legal page at all (legal notice, privacy, terms): a maintenance or login page does not.
    public var hasLegalText: Bool = false
    /// The kinds of stand-in page whose words the page holds ("Site en maintenance", "Mot de passe oublié ?"), in
    /// `PlaceholderKind` order; a legal page may hold some (see `standsIn(for:)`).
    public var placeholderWords: [PlaceholderKind] = []

    public init(
        hosts: [HostFinding] = [], hds: [HDSMention] = [], secNumCloud: [SecNumCloudMention] = [],
        zeroKnowledge: [Evidence] = [], dataLocations: [LocationMention] = [], exposureDisclosures: [Evidence] = [],
        textLength: Int = 0
    ) {
        self.hosts = hosts
        self.hds = hds
        self.secNumCloud = secNumCloud
        self.zeroKnowledge = zeroKnowledge
        self.dataLocations = dataLocations
        self.exposureDisclosures = exposureDisclosures
        self.textLength = textLength
    }

    /// Findings kept in an archive by an older version lack the fields added since: they read as their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hosts = try container.decode([HostFinding].self, forKey: .hosts)
        hds = try container.decode([HDSMention].self, forKey: .hds)
        secNumCloud = try container.decode([SecNumCloudMention].self, forKey: .secNumCloud)
        zeroKnowledge = try container.decode([Evidence].self, forKey: .zeroKnowledge)
        dataLocations = try container.decode([LocationMention].self, forKey: .dataLocations)
        exposureDisclosures = try container.decode([Evidence].self, forKey: .exposureDisclosures)
        textLength = try container.decode(Int.self, forKey: .textLength)
        hasLegalText = try container.decodeIfPresent(Bool.self, forKey: .hasLegalText) ?? false
        placeholderWords = try container.decodeIfPresent([PlaceholderKind].self, forKey: .placeholderWords) ?? []
    }
}
