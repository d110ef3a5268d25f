import Foundation
import History
import Scorecard
import SovereigntyModel

/// Everything a site shows besides this run's scorecards: past runs, registries, corrections, the archived captures.
public struct SiteContent: Sendable {
    /// The run's recorded date (ISO 8601): the only time written into the site.
    public var generatedAt: String
    /// The crawl did not obey robots.txt; every page says so.
    public var ignoredRobots = false
    public var history = SiteHistory()
    public var registries: [RegistrySource] = []
    /// What we know of the providers (jurisdiction, parent, statuses, sources), for the providers' pages.
    public var catalog: ProviderCatalog?
    public var corrections: [Correction] = []
    /// The fetched bodies the evidence quotes, published so that a reader can check a quote against the exact capture.
    public var captures: [Capture] = []
    /// The compact export of the archive's SQLite index, gzipped, published as `data/archive-index.sqlite.gz`.
    public var indexCopy: URL?
    /// Waited for before `indexCopy` is published, when the file is still being written (the crawl exports the index
    /// while the pages are rendered).
    public var indexCopyReady: (@Sendable () throws -> Void)?
    /// Public address of the site (`--base-url`): canonical links, absolute feed links and `sitemap.xml`.
    public var baseURL: String?
    /// Where readers send corrections (`--contact`), shown on the about page.
    public var contact: String?
    /// The project's public source (`--source-url`, e.g. `https://…/blob/main/`): repository paths link into it.
    public var sourceURL: String?
    /// How many of this run's documents failed for each reason (`FetchFailure.Reason` raw values).
    public var failureReasons: [String: Int] = [:]
    /// Set when `report` judged an archived run with newer input files than the run's own.
    public var rejudged: Rejudged?
    /// Reads a `readable` capture's text from its kept file (nil when it cannot): called once per view not yet kept.
    public var captureText: (@Sendable (Capture) -> [ReadableBlock]?)?
    /// Where the readable views are kept between runs (in the archive), by a digest of all they depend on, to be
    /// hard-linked into each site; nil keeps them only in the site.
    public var captureViews: URL?
    /// Names the code that reads a capture's text (the tool's build): a view kept by another build is not reused.
    public var captureTextVersion = ""

    public init(generatedAt: String) { self.generatedAt = generatedAt }
}

/// An archived run's evidence judged with newer knowledge: which run, and which files replaced the run's own.
public struct Rejudged: Sendable, Equatable {
    public var runID: Int64
    public var runDate: String
    public var files: [String]

    public init(runID: Int64, runDate: String, files: [String]) {
        self.runID = runID
        self.runDate = runDate
        self.files = files
    }
}

/// What the site shows of past runs: read one run at a time (`Builder`), so that memory holds each platform's
/// change points, never every run's scorecards.
public struct SiteHistory: Sendable {
    public var changes: [Change]
    public var confirmRuns: Int
    /// The latest run read (the one rendered), nil before any.
    public var lastRunID: Int64?
    /// Each platform's history as its pages tell it, by platform id.
    var platforms: [String: PlatformHistory] = [:]
    /// `data/history.csv`, written out from each platform's rows (`PlatformHistory.rows`).
    func historyCSV() -> String { DataFiles.history(platforms) }

    /// - Parameter runs: every archived run up to the one rendered, oldest first.
    public init(changes: [Change] = [], confirmRuns: Int = 2, runs: [RunSnapshot] = []) {
        var builder = Builder(confirmRuns: confirmRuns, detectsChanges: false)
        for run in runs { builder.add(run) }
        self = builder.history()
        self.changes = changes
    }

    /// Reads the runs oldest first, one at a time: the changes, each platform's history and its rows of `data/history.csv`.
    /// A crawl keeps its state after its run (`runWideLine()`, `platformLine(_:)`), and the next crawl goes on from it,
    /// reading only the runs since, so that a night's cost does not grow with the archive's age.
    public struct Builder: Sendable {
        var session: ChangeDetector.Session
        var detectsChanges: Bool
        var built: SiteHistory

        public init(confirmRuns: Int, detectsChanges: Bool = true) {
            session = ChangeDetector.Session(confirmRuns: confirmRuns)
            self.detectsChanges = detectsChanges
            built = SiteHistory(empty: confirmRuns)
        }

        public mutating func add(_ run: RunSnapshot) {
            begin(runID: run.runID, date: run.date)
            for platform in run.platforms.sorted(by: { $0.id < $1.id }) { add(platform) }
        }

        var run: BuilderRun?

        struct BuilderRun: Sendable, Codable {
            var id: Int64
            var date: String
        }

        /// The latest run read, nil before any.
        public var lastRunID: Int64? { built.lastRunID }
        public var confirmRuns: Int { built.confirmRuns }

        /// Starts the next run (oldest first), whose platforms `add(_:)` then reads one at a time, in id order.
        public mutating func begin(runID: Int64, date: String) {
            if detectsChanges { session.begin(runID: runID, date: date) }
            run = BuilderRun(id: runID, date: date)
            built.lastRunID = runID
        }

        public mutating func add(_ platform: PlatformSnapshot) {
            guard let run else { return }
            if detectsChanges { session.observe(platform) }
            built.platforms[platform.id, default: PlatformHistory()].add(runID: run.id, date: run.date, platform)
        }

        public func history() -> SiteHistory {
            var history = built
            if detectsChanges { history.changes = session.changes() }
            return history
        }
    }

    private init(empty confirmRuns: Int) {
        changes = []
        self.confirmRuns = confirmRuns
    }
}

/// One registry file as the methodology cites it.
public struct RegistrySource: Sendable, Equatable {
    public enum Kind: String, Sendable { case hds, secNumCloud }

    public var kind: Kind
    public var file: String
    public var entries: Int
    /// Distinct sources of the entries, sorted; empty when the registry is not loaded.
    public var sources: [String]
    /// The latest day the list was read, nil when not loaded.
    public var asOf: String?

    public init(kind: Kind, file: String, registry: Registry?) {
        self.kind = kind
        self.file = file
        entries = registry?.entries.count ?? 0
        sources = Array(Set(registry?.entries.map(\.source) ?? [])).sorted()
        asOf = registry?.entries.map(\.asOf).max()
    }
}

/// A fetched body, published under `captures/` and named by its SHA-256 so that links never move.
public struct Capture: Sendable {
    public var sha256: String
    public var contentType: String?
    /// The bytes as published (gzipped already when `isGzipped`), for a capture not kept as a file.
    public var body: Data
    /// The address the body was read from (the final URL, after redirects): quotes name it.
    public var url: String
    /// The DOM headless Chromium produced (`render: browser`), not the fetched bytes the SHA-256 is of.
    public var rendered: Bool
    /// The text as the extractor read it, block by block: published as a readable page with the quotes marked.
    /// Usually nil: a `readable` capture's text is read from its kept file when its view is first published.
    public var text: [ReadableBlock]?
    /// Has a readable view (an HTML capture), worked out from the kept file by `SiteContent.captureText`.
    public var readable = false
    /// The charset the body was served with, which its text is decoded by.
    public var charset: String?

    public init(sha256: String, contentType: String?, body: Data, url: String, rendered: Bool = false) {
        self.sha256 = sha256
        self.contentType = contentType
        self.body = body
        self.url = url
        self.rendered = rendered
    }

    /// A capture already kept as a file outside the site (one per body, shared by every run): the site links to
    /// that file instead of holding every body in memory and writing it again.
    public init(sha256: String, contentType: String?, file: URL, url: String, rendered: Bool = false) {
        self.init(sha256: sha256, contentType: contentType, body: Data(), url: url, rendered: rendered)
        self.file = file
    }

    /// The kept file, when the capture is one (its `body` is then empty).
    public var file: URL?

    public var isPDF: Bool { contentType?.lowercased().hasPrefix("application/pdf") ?? false }

    /// The readable view of the text (`captures/<sha256>.html`), under each language's folder; nil without text.
    var textPath: String? {
        guard text != nil || readable, let path else { return nil }
        return String(path.prefix { $0 != "." }) + ".html"
    }

    /// PDFs keep their type; every other capture is published as plain text, gzipped (a page's source shrinks to a
    /// fifth or less, and its readable view is the page to read), so that a third-party page's scripts and trackers
    /// never run on our site: the reader downloads its exact bytes. A rendered DOM says so in its name, since its
    /// bytes are not the ones the SHA-256 is of. Nil for a digest that is not 64 hex digits (an archive from
    /// elsewhere), which must never become a path.
    public var path: String? {
        guard sha256.utf8.count == 64, sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        return "captures/\(sha256)\(rendered ? "-rendered" : "").\(isGzipped ? "txt.gz" : "pdf")"
    }

    /// Published gzipped: every capture but a fetched PDF, which a browser shows as it is.
    public var isGzipped: Bool { !isPDF || rendered }
}
