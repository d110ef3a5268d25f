import SovereigntyModel

/// One platform's graded result: the product that the renderer publishes and `data/scorecards.json` carries.
public struct PlatformScorecard: Sendable, Equatable, Encodable {
    public var id: String
    public var name: String
    public var category: String
    public var `operator`: String
    public var website: String
    /// Position among rated platforms, from 1; nil when unrated: what no document said cannot place a platform.
    @NullEncoded public var rank: Int?
    public var level: Level
    /// Nil when unrated: no score from missing evidence.
    @NullEncoded public var score: Int?
    /// The reasons in French sentences, each naming its rubric check (`reasons` has them structured, in both languages).
    public var levelReasons: [String]
    public var reasons: [LevelReason]
    /// Nil when unrated: exposure is not known without evidence.
    @NullEncoded public var cloudActExposed: Bool?
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
}

/// One step of the chain that produced a level: which rubric check, whether it capped or set the level, and why.
public struct LevelReason: Sendable, Equatable, Encodable {
    public enum Effect: String, Sendable, Encodable {
        /// The level can be no better than `level`.
        case caps
        /// The evidence earns `level`.
        case sets
    }

    /// The rubric check's id (`Rubric.CheckID`), an anchor of the methodology page.
    public var check: String
    public var level: Level
    public var effect: Effect
    /// What the evidence showed, without the check's title.
    public var detail: Localized
    /// The full sentence: check title and detail.
    public var sentence: Localized
    /// The host whose evidence this reason rests on (its provider id, or its name as written when unknown).
    @NullEncoded public var host: String?

    init(_ check: Rubric.CheckID, _ level: Level, _ effect: Effect, _ detail: Localized, host: ScoredHost? = nil) {
        self.check = check.rawValue
        self.host = host?.key
        self.level = level
        self.effect = effect
        self.detail = detail
        let title = Rubric.checks[check]!.title
        sentence =
            effect == .caps
            ? Localized(
                "Plafonné à \(level.rawValue) (\(title.fr)) : \(detail.fr)", en: "Capped at \(level.rawValue) (\(title.en)): \(detail.en)")
            : Localized("\(title.fr) : \(detail.fr)", en: "\(title.en): \(detail.en)")
    }
}

/// A host of the platform, merged over its documents, with what we know of the provider.
public struct ScoredHost: Sendable, Equatable, Encodable {
    /// Provider id in `providers.yml`; nil for a provider we do not know yet.
    @NullEncoded public var provider: String?
    /// Display name: the provider's, or the name as written when unknown.
    public var name: String
    public var asWritten: String
    /// What names this host across the scorecard: a reason's `host`, a platform page's host anchor.
    public var key: String { provider ?? name }
    public var roles: [HostRole]
    @NullEncoded public var country: String?
    @NullEncoded public var parent: String?
    @NullEncoded public var parentCountry: String?
    public var usControlled: Bool
    public var cloudActExposed: Bool
    /// The US-controlled provider this one runs on, when the exposure is "by ricochet".
    @NullEncoded public var exposedThrough: String?
    /// Per the HDS registry (or the provider file when no registry is loaded).
    public var hdsCertified: Bool
    /// The registry entry behind `hdsCertified`, in French words; `hdsEntry` has its fields.
    @NullEncoded public var hdsRegistry: String?
    @NullEncoded public var hdsEntry: RegistryEntry?
    public var secNumCloudQualified: Bool
    @NullEncoded public var secNumCloudRegistry: String?
    @NullEncoded public var secNumCloudEntry: RegistryEntry?
    public var publicInstitution: Bool
    @NullEncoded public var address: String?
    public var evidence: [Evidence]
    /// The host's own answers in a hosting-chain disclosure table (HDS 2024), as the page states them: shown beside
    /// what we know, never in place of it (the grade keeps the conservative reading).
    @NullEncoded public var chainDisclosure: ChainDisclosure?
}

/// A registry line as the reports cite it: what is certified or qualified, for how long, and where we read it.
public struct RegistryEntry: Sendable, Equatable, Encodable {
    public var subject: String
    @NullEncoded public var since: String?
    @NullEncoded public var validUntil: String?
    public var source: String
    public var asOf: String

    init(_ entry: Registry.Entry) {
        subject = entry.subject
        since = entry.since
        validUntil = entry.validUntil
        source = entry.source
        asOf = entry.asOf
    }
}

public struct StatusEvidence: Sendable, Equatable, Encodable {
    public var status: String
    public var evidence: [Evidence]

    /// An unrated platform's status: no document was read, so "none" would state what no page said.
    public static let unknown = StatusEvidence(status: "unknown", evidence: [])
}

public struct LocatedEvidence: Sendable, Equatable, Encodable {
    public var location: String
    public var evidence: Evidence
}

public struct ClaimEvidence: Sendable, Equatable, Encodable {
    /// Nil when unrated: "not declared" needs a document that was read.
    @NullEncoded public var claimed: Bool?
    public var evidence: [Evidence]

    public static let unknown = ClaimEvidence(claimed: nil, evidence: [])
}

/// Two documents of one platform that name different health-data hosts.
public struct Conflict: Sendable, Equatable, Encodable {
    public var description: String
    public var descriptionEn: String
    public var evidence: [Evidence]
}

/// A document's fetch outcome as shown to readers.
public struct DocumentStatus: Sendable, Equatable, Encodable {
    public var url: String
    public var kind: DocumentKind
    /// ok, http-error, unreachable, unreadable or needs-javascript.
    public var status: String
    @NullEncoded public var httpStatus: Int?
    @NullEncoded public var contentType: String?
    @NullEncoded public var error: String?
    public var finalURL: String
    public var redirects: [String]
    /// When the copy that was read was fetched (for stale: the kept copy); nil when no copy was read, so that no
    /// output gives a "read on" date for a document nobody read.
    @NullEncoded public var fetchedAt: String?
    /// When this run asked for the document (for stale: tonight's failed request); nil when it did not ask.
    @NullEncoded public var attemptedAt: String?
    @NullEncoded public var sha256: String?
}
