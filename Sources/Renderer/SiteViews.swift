import Scorecard
import SovereigntyModel

// Values the templates read. Mustache sees stored properties only, so every label is computed here.

struct EvidenceView {
    var quote: String
    var url: String
    var section: String?
    var fetchedAt: String
}

struct LevelView {
    var level: String
    var slug: String
    var words: String
    var rule: String
}

struct PlatformRowView {
    var rank: Int
    var id: String
    var name: String
    var category: String
    var level: String
    var levelSlug: String
    var levelWords: String
    var score: String
    var mainHosts: String
    var usExposure: String
    var hds: String
    var secNumCloud: String
    var date: String
}

struct HostView {
    var name: String
    var asWritten: String
    var providerID: String?
    var unknown: Bool
    var roles: String
    var country: String
    var parent: String?
    var usControlled: String
    var cloudActExposed: Bool
    var exposedThrough: String?
    var hdsCertified: String
    var hdsRegistry: String?
    var secNumCloudQualified: String
    var secNumCloudRegistry: String?
    var address: String?
    var evidence: [EvidenceView]
}

struct ClaimView {
    var label: String
    var evidence: [EvidenceView]
}

struct LocationView {
    var label: String
    var evidence: EvidenceView
}

struct ConflictView {
    var description: String
    var evidence: [EvidenceView]
}

struct DocumentView {
    var url: String
    var kind: String
    var status: String
    var statusCode: String
    var ok: Bool
    var httpStatus: String
    var contentType: String
    var error: String?
    var finalURL: String?
    var fetchedAt: String
    var sha256: String
}

struct PlatformPageView {
    var site: SiteInfo
    var title: String
    var id: String
    var name: String
    var category: String
    var operatorName: String
    var website: String
    var rank: Int
    var level: String
    var levelSlug: String
    var levelWords: String
    var levelRule: String
    var score: String
    var reasons: [String]
    var cloudActExposed: String
    var hosts: [HostView]
    var hasHosts: Bool
    var isUnrated: Bool
    var unknownHosts: [String]
    var hds: ClaimView
    var secNumCloud: ClaimView
    var zeroKnowledge: ClaimView
    var locations: [LocationView]
    var locationSummary: String
    var exposureDisclosures: [EvidenceView]
    var hasExposureDisclosures: Bool
    var conflicts: [ConflictView]
    var hasConflicts: Bool
    var documents: [DocumentView]
}

struct SiteInfo {
    var generatedAt: String
    var generatedDay: String
    var rubricVersion: String
    /// Path from the page to the site root ("" or "../"), so that every link is relative.
    var root: String
    var ignoredRobots: Bool
}

struct SummaryView {
    var site: SiteInfo
    var title: String
    var levels: [LevelView]
    var platforms: [PlatformRowView]
    var platformCount: Int
}

struct CheckView {
    var id: String
    var title: String
    var looksFor: String
    var whyItMatters: String
    var effect: String
}

struct ChangeView {
    var version: String
    var change: String
}

struct MethodologyView {
    var site: SiteInfo
    var title: String
    var levels: [LevelView]
    var checks: [CheckView]
    var changelog: [ChangeView]
}
