// Values the templates read, computed here in the page's language (the templates' own fixed words come from the
// strings files, `{{t.key}}`). `TemplateEncoder` turns them into the values `TemplateRenderer` reads.

struct SiteInfo: Encodable {
    var lang: String
    var generatedAt: String
    var generatedDay: String
    var rubricVersion: String
    /// Path from the page to its language's home ("", "../", "../../"), so that every link is relative.
    var home: String
    /// Path from the page to the site root: style sheet, data, badges and captures are shared by the languages.
    var top: String
    /// The same page in the other language.
    var alternate: String
    var alternateLang: String
    /// Absolute address of the page, with `--base-url` only.
    var canonical: String?
    var ignoredRobots: Bool
    /// Repository files the pages name, linked to the public source when `--source-url` is given.
    var repo: RepoPathsView
}

/// A path of the project's repository as the pages show it: in code type, and a link when the source is public.
struct RepoPathView: Encodable {
    var path: String
    var href: String?
}

struct RepoPathsView: Encodable {
    var providers: RepoPathView
    var registries: RepoPathView
    var corrections: RepoPathView
    var rubric: RepoPathView
}

struct EvidenceView: Encodable {
    var quote: String
    /// Quotes are the pages' own words: French whatever the page's language.
    var quoteLang: String
    var url: String
    var section: String?
    var fetchedAt: String
    /// Relative link to the archived capture the quote was read from (the raw bytes).
    var capture: String?
    /// The capture's readable text, at the marked quote.
    var view: String?
}

struct LevelView: Encodable {
    var level: String
    var slug: String
    var words: String
    var rule: String
}

struct PlatformRowView: Encodable {
    /// Set for every row of a ranking, which lists rated platforms only.
    var rank: Int?
    var id: String
    var name: String
    var category: String
    var level: String
    var levelSlug: String
    var levelWords: String
    var score: String
    /// Health-data hosts with their jurisdiction, as one line (Markdown) and one by one (HTML, each linked to its provider).
    var mainHosts: String
    var healthHosts: [HostChipView]
    var usExposure: String
    /// "yes", "no" or "unknown": the class whose icon the stylesheet draws beside the words, never instead of them.
    var exposureState: String
    var hds: String
    var secNumCloud: String
    var date: String
    /// Set when a document could not be refreshed and an older copy was judged.
    var stale: String?
}

/// A host named for a platform's health data, in a ranking row.
struct HostChipView: Encodable {
    var name: String
    var jurisdiction: String
    /// The provider's page, from the language's home.
    var href: String?
}

/// The counts at the top of the summary, each a figure and what it counts.
struct HeadlineItemView: Encodable {
    var figure: Int
    var label: String
    /// "warning", "good" or "": how the figure is framed, always with its words.
    var tone: String
}

/// A platform none of whose documents was read: listed apart from the ranking, with no rank and nothing about its
/// hosting, only what became of each document.
struct UnratedRowView: Encodable {
    var id: String
    var name: String
    var category: String
    /// Each document's outcome in words, with its kind.
    var documents: String
    /// Day of the latest request for its documents, or a dash when none was made.
    var attempted: String
}

struct FilterLinkView: Encodable {
    var slug: String
    var level: String
    var name: String
    var words: String
    var count: Int
    var current: Bool
}

struct FiltersView: Encodable {
    var allCount: Int
    var levels: [FilterLinkView]
    var categories: [FilterLinkView]
}

struct SummaryView: Encodable {
    var site: SiteInfo
    var title: String
    var heading: String
    /// Set on the home page when the run read no document: what happened, in the reader's language.
    var nothingRead: String?
    /// The home page's figures and chart; filter pages have neither.
    var headline: [HeadlineItemView]
    var chart: LevelChart?
    var explanation: String?
    var caption: String
    var levels: [LevelView]
    var filters: FiltersView
    /// The ranked platforms (rated only), in rank order.
    var platforms: [PlatformRowView]
    var platformCount: Int
    /// False on a page that lists only unrated platforms: an empty ranking there would say nothing.
    var showRanking: Bool
    var unrated: [UnratedRowView]
    var unratedCount: Int
    var hasUnrated: Bool
    var unratedCaption: String
}

struct ReasonView: Encodable {
    var check: String
    /// Anchor of the host section holding the evidence, when the reason rests on one host.
    var hostAnchor: String?
    var checkTitle: String
    var effect: String
    var level: String
    var detail: String
}

struct HostView: Encodable {
    var anchor: String
    var name: String
    /// The provider's page, from this page.
    var providerHref: String?
    var asWritten: String
    var unknown: Bool
    var roles: String
    var country: String
    var parent: String?
    var usControlled: String
    var cloudActExposed: String
    var hdsCertified: String
    var hdsRegistry: String?
    var secNumCloudQualified: String
    var secNumCloudRegistry: String?
    var address: String?
    /// The host's own answers in a hosting-chain table (HDS 2024), in words.
    var chainDisclosure: String?
    /// The host's evidence, each sentence once with every place it was read.
    var quotes: [QuoteView]
}

struct ClaimView: Encodable {
    var label: String
    /// Each sentence once with every place it was read: a claim is usually the hosting sentence the host section
    /// already quotes, read in several documents.
    var quotes: [QuoteView]
}

struct LocationView: Encodable {
    var label: String
    var evidence: EvidenceView
}

struct ConflictView: Encodable {
    var description: String
    var evidence: [EvidenceView]
}

struct DocumentView: Encodable {
    var url: String
    var kind: String
    var status: String
    var statusCode: String
    var httpStatus: String
    var error: String?
    var finalURL: String?
    /// When the copy that was read was fetched; nil when none was read (the page then says "not read").
    var fetchedAt: String?
    var attemptedAt: String?
    var sha256: String
    var capture: String?
    /// The link to the raw copy names it by the first twelve digits of its SHA-256, as short digests are written:
    /// the whole digest is in the link (the copy's name), its readable view and `scorecards.json`.
    var shortSHA256: String
}

struct TimelineRowView: Encodable {
    var date: String
    var day: String
    var level: String
    var levelSlug: String
    var levelWords: String
    var score: String
    var hosts: String
}

struct FetchHistoryRowView: Encodable {
    var date: String
    var day: String
    /// One status per document, in the order of `fetchHistoryURLs`.
    var statuses: [String]
}

struct CorrectionView: Encodable {
    var platformID: String
    var heading: String
    var summary: String
    var source: String
}

struct PlatformPageView: Encodable {
    var site: SiteInfo
    var title: String
    var id: String
    var name: String
    var category: String
    var categorySlug: String
    var operatorName: String
    var website: String
    /// Nil when unrated.
    var rank: Int?
    var level: String
    var levelSlug: String
    var levelWords: String
    var levelRule: String
    var score: String
    var reasons: [ReasonView]
    var badgeAlt: String
    var cloudActExposed: String
    var hosts: [HostView]
    var hasHosts: Bool
    var isUnrated: Bool
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
    var timeline: [TimelineRowView]
    var timelineChart: TimelineChart?
    var fetchHistoryURLs: [String]
    var fetchHistory: [FetchHistoryRowView]
    var hasFetchHistory: Bool
    /// "Re-checked at every run, unchanged since …": the page carries no run date of its own.
    var unchangedSince: String?
    /// This platform's confirmed changes, one entry per run.
    var changes: [ChangeGroupView]
    var corrections: [CorrectionView]
}

struct CheckView: Encodable {
    var id: String
    var title: String
    var looksFor: String
    var whyItMatters: String
    var effect: String
}

struct RubricVersionView: Encodable {
    var version: String
    var change: String
}

struct RegistryView: Encodable {
    var name: String
    var file: RepoPathView
    var entries: Int
    var sources: [String]
    var asOf: String
}

struct MethodologyView: Encodable {
    var site: SiteInfo
    var title: String
    var heading: String
    var levels: [LevelView]
    var checks: [CheckView]
    var registries: [RegistryView]
    var changelog: [RubricVersionView]
}

struct DataFileView: Encodable {
    var name: String
    var href: String
    var description: String
}

struct AboutView: Encodable {
    var site: SiteInfo
    var title: String
    var files: [DataFileView]
    var citation: String
    var contact: String?
    var corrections: [CorrectionView]
    /// Present when the site judges an archived run with newer input files than the run's own.
    var rejudged: String?
}

struct BadgeView: Encodable {
    var alt: String
    var label: String
    var level: String
    var background: String
    var foreground: String
}

struct SitemapView: Encodable {
    var urls: [String]
}
