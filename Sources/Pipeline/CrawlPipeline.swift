import Archive
import Extractor
import Fetcher
import Foundation
import History
import InputFiles
import Renderer
import Scorecard
import SovereigntyModel

/// The crawl, as named steps: load inputs → fetch → extract → score → render.
public struct CrawlPipeline: Sendable {
    public let options: CrawlOptions
    /// Receives one line per step, for the terminal.
    public let log: PipelineLog

    public init(options: CrawlOptions, log: PipelineLog = .silent) {
        self.options = options
        self.log = log
    }

    public func run() async throws(PipelineError) -> CrawlSummary {
        let runDate = options.runDate ?? Date()
        let inputs = try readInputs()
        let knowledge = try Knowledge(inputs)
        let (platforms, catalog) = (knowledge.platforms, knowledge.catalog)
        let renderer = try loadTemplates()
        // The lock is taken once the inputs are known to be good: a bad input leaves the output folder untouched.
        let lock = try RunLock(output: options.outputPath)
        defer { withExtendedLifetime(lock) {} }
        log("loaded \(platforms.count) platforms and \(catalog.providers.count) providers")

        let references = platforms.flatMap { platform in platform.documents.map { (platform, $0) } }
        let urls = Array(Set(references.map(\.1.url))).sorted()
        log("fetching \(urls.count) documents with \(options.fetch.concurrency) transfers at once"
            + (options.fetch.respectRobots ? "" : " (robots.txt ignored)"))
        let archive: Archive
        do { archive = try Archive(directory: options.archiveDirectory) } catch {
            throw PipelineError(step: .fetch, url: options.archiveDirectory.path, message: "cannot open the archive: \(error)")
        }
        if let numbering = try? archive.numbering(), numbering.indexIsBehind {
            log.warning("[archive] " + numbering.notice(index: archive.indexPath, folder: archive.directory.path), ["file": archive.indexPath])
        }
        // Conditional requests from the archived copies: an unchanged page answers 304 and costs no body. A copy that
        // no longer reads back is asked for in full instead, and tonight's run keeps a fresh one.
        var archived = (try? archive.validators(for: urls)) ?? ArchivedValidators()
        for damage in archived.unreadable {
            var fields: [String: String] = [:]
            if case .unreadableRecord(let file, let offset, let url, _) = damage {
                fields = ["file": file, "offset": "\(offset)", "url": url ?? ""]
            }
            log.warning("[archive] \(damage); fetched again in full, without a conditional request", fields)
        }
        let validators = archived.byURL.mapValues { Fetcher.Validators(etag: $0.etag, lastModified: $0.lastModified) }
        let runID: Int64
        var readings: [String: DocumentSnapshot]
        do {
            // Each document goes through archive and extraction as it arrives, and its body is let go.
            let writer = try archive.beginRun(
                startedAt: runDate, ignoredRobots: !options.fetch.respectRobots, userAgent: options.fetch.userAgent,
                inputs: inputs.archived, rubricVersion: Rubric.version, archived: archived)
            let stream = DocumentStream(
                writer: writer, reader: DocumentReader(extractor: Extractor(catalog: catalog), budget: options.documentBudget),
                references: Dictionary(references.map { ($0.1.url, $0.1) }, uniquingKeysWith: { first, _ in first }),
                browserURLs: Set(references.filter { $0.1.render == .browser }.map(\.1.url)),
                browser: BrowserRenderer(extraArguments: options.browserArguments), captures: CaptureStore(archive: options.archiveDirectory), log: log)
            _ = await Fetcher(configuration: fetchConfiguration(runDate: runDate)).fetch(urls, validators: validators, each: { stream.accept($0) })
            readings = try await stream.finish()
            runID = try writer.finish()
            archived = ArchivedValidators()  // every URL's last copy, let go before the judge holds every scorecard
        } catch {
            throw PipelineError(step: .fetch, url: options.archiveDirectory.path, message: "cannot archive the fetches: \(error)")
        }
        log("archived run \(runID) in \(options.archiveDirectory.path)")
        MallocArenas.releaseFree()
        var judgement = try RunJudge(archive: archive, platforms: platforms, catalog: catalog, log: log, budget: options.documentBudget)
            .judge(runID: runID, runDate: runDate, readings: readings)
        readings = [:]  // what the stream read is in the scorecards now: the run holds it once
        // The earlier runs' history is read while the scorecards are encoded and kept (not sooner: its memory would sit
        // on the fetch's and the judge's); tonight's run is added from its scorecards' JSON as encoded, without reading
        // them back.
        let checkpoint = HistoryCheckpoint(archive: archive.directory)
        let earlierRuns = Prefetch { [self] in try earlierHistory(archive: archive, before: runID, checkpoint: checkpoint) }
        defer { earlierRuns.finish() }
        let (ranked, documents, failed) = (judgement.scorecards, judgement.documents, judgement.failed)
        // Each scorecard is encoded once: kept compact in the archive, and as the site shows it in a file the renderer
        // reads back (without one, it encodes them again).
        var tonight = RunJSON()
        var encoded = try? EncodedScorecards(file: options.siteDirectory.deletingLastPathComponent().appendingPathComponent(".scorecards-encoded"))
        do {
            try archive.store(findings: judgement.findings, ofRun: runID)
            try archive.store(reusedFindings: judgement.reusedFindings, ofRun: runID)
            try archive.forgetFindings(of: judgement.unreusedFindings, ofRun: runID)
            judgement.findings = [:]
            // A few hundred platforms a transaction: the JSON of every scorecard is never held at once.
            for start in stride(from: 0, to: ranked.count, by: 250) {
                let batch = Array(ranked[start..<min(start + 250, ranked.count)])
                let jsons = batch.concurrentMap { card in
                    let pretty = try? ScorecardJSON.encode(card)
                    return EncodedCard(pretty: pretty, compact: pretty.map(ScorecardJSON.compact) ?? Data())
                }
                let rows = zip(batch, jsons).map { card, json in
                    ScorecardRow(
                        runId: runID, platformId: card.id, level: card.level.rawValue, score: card.score,
                        json: String(decoding: json.compact, as: UTF8.self))
                }
                try archive.store(scorecards: rows)
                for row in rows { tonight.append(row.json, id: row.platformId) }
                // The file only saves the renderer work: one that cannot be written is dropped (a write cut short
                // would misplace every later scorecard), never the scorecards.
                do {
                    for (card, json) in zip(batch, jsons) {
                        if let pretty = json.pretty { try encoded?.append(pretty, id: card.id) }
                    }
                } catch {
                    encoded = nil
                }
            }
        } catch {
            throw PipelineError(step: .score, url: options.archiveDirectory.path, message: "cannot keep the scorecards: \(error)")
        }

        // Each step's garbage goes back to the system before the next step's memory is taken (`MallocArenas`).
        MallocArenas.releaseFree()
        let site = options.siteDirectory
        let nothingFetched = documents > 0 && failed == documents
        if nothingFetched && FileManager.default.fileExists(atPath: site.path) {
            log("no document could be fetched: the site in \(site.path) is left as it was")
            return CrawlSummary(platforms: platforms.count, documents: documents, failedDocuments: failed, siteDirectory: site, sitePublished: false)
        }
        let history = try siteHistory(earlier: earlierRuns, tonight: tonight, runID: runID, archive: archive, checkpoint: checkpoint)
        tonight = RunJSON()
        MallocArenas.releaseFree()
        var content = siteContent(
            archive: archive, history: history, knowledge: knowledge, generatedAt: Timestamp.string(runDate),
            ignoredRobots: !options.fetch.respectRobots)
        content.captures = judgement.captures
        content.failureReasons = judgement.failureReasons
        try render(ranked, content: content, archive: archive, with: renderer, reuse: true, encoded: encoded)
        log("wrote \(site.path) (\(documents - failed) of \(documents) documents read)")
        return CrawlSummary(platforms: platforms.count, documents: documents, failedDocuments: failed, siteDirectory: site, sitePublished: true)
    }

    /// A given run date moves the fetch records' clock with it, so that every date a run records follows from it
    /// (tests and replays pass on any day); without one, fetches are dated by the wall clock.
    private func fetchConfiguration(runDate: Date) -> FetchConfiguration {
        var fetch = options.fetch
        guard options.runDate != nil else { return fetch }
        let offset = runDate.timeIntervalSinceNow
        fetch.clock = { Date().addingTimeInterval(offset) }
        return fetch
    }

    /// The input files named by the options (those of `roles`, when given), read from disk.
    func readInputs(_ roles: Set<InputSet.Role> = Set(InputSet.Role.allCases)) throws(PipelineError) -> InputSet {
        do {
            return try InputSet.read(
                platforms: options.platformsPath, providers: options.providersPath, registries: options.registriesPath,
                corrections: options.correctionsPath, only: roles)
        } catch {
            throw PipelineError(step: .loadInputs, message: error.description, isInputError: true)
        }
    }

    func loadTemplates() throws(PipelineError) -> SiteRenderer {
        do {
            return try SiteRenderer(templatesPath: options.templatesPath)
        } catch {
            throw PipelineError(step: .render, message: "\(error)", isInputError: true)
        }
    }

    /// Renders into a fresh folder beside the site, then swaps it in, so that readers never see half a site.
    /// What the site shows besides the scorecards: the runs up to this one and their confirmed changes, the
    /// registries' sources, the corrections.
    func siteContent(
        archive: Archive, history: SiteHistory, knowledge: Knowledge, generatedAt: String, ignoredRobots: Bool
    ) -> SiteContent {
        var content = SiteContent(generatedAt: generatedAt)
        content.ignoredRobots = ignoredRobots
        content.baseURL = options.baseURL
        content.contact = options.contact
        content.sourceURL = options.sourceURL
        content.corrections = knowledge.corrections
        content.catalog = knowledge.catalog
        // Each capture's readable view is kept in the archive beside the captures, read from its kept file once.
        let extractor = Extractor(catalog: knowledge.catalog)
        content.captureText = { capture in
            guard let file = capture.file, let kept = FileManager.default.contents(atPath: file.path),
                let body = capture.isGzipped ? try? Gzip.decompress(kept) : kept
            else { return nil }
            return extractor.readableBlocks(html: body, charset: capture.rendered ? "UTF-8" : capture.charset)
        }
        content.captureViews = archive.directory.appendingPathComponent("capture-views")
        content.captureTextVersion = Versions.build
        let registries = knowledge.catalog.registries
        content.registries = [
            RegistrySource(kind: .hds, file: knowledge.inputs.file(.hdsRegistry)?.path ?? "", registry: registries.hds),
            RegistrySource(kind: .secNumCloud, file: knowledge.inputs.file(.secNumCloudRegistry)?.path ?? "", registry: registries.secNumCloud),
        ]
        content.history = history
        return content
    }

    /// - Parameters:
    ///   - reuse: link the files of platforms whose page inputs are unchanged from the published site (the crawl);
    ///     `report` renders every file.
    ///   - encoded: the scorecards' JSON as the crawl kept it (`report` encodes them).
    func render(
        _ scorecards: [PlatformScorecard], content: SiteContent, archive: Archive, with renderer: SiteRenderer, reuse: Bool,
        encoded: EncodedScorecards? = nil
    ) throws(PipelineError) {
        let site = options.siteDirectory
        let parent = site.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".site-staging")
        let indexExport = parent.appendingPathComponent(".index-copy.sqlite")
        let indexCopy = parent.appendingPathComponent(".index-copy.sqlite.gz")
        let manifest = SiteDigests.file(beside: site)
        let files = FileManager.default
        // The index copy is exported while the pages are rendered (the renderer reads no index), and published once
        // it is done.
        let lastRunID = content.history.lastRunID ?? 0
        let export = Prefetch {
            try archive.exportCompactIndex(upTo: lastRunID, to: indexExport)
            try Gzip.compress(file: indexExport, to: indexCopy)
        }
        defer {
            export.finish()
            try? files.removeItem(at: indexExport)
            try? files.removeItem(at: indexCopy)
        }
        do {
            // A run killed while rendering leaves its staging folder; we hold the lock, so it is nobody's now.
            try? files.removeItem(at: staging)
            var content = content
            content.indexCopy = indexCopy
            content.indexCopyReady = { try export.value() }
            let previous = files.fileExists(atPath: site.path) ? SiteDigests.read(manifest) : [:]
            let outcome = try renderer.render(
                scorecards, content: content, into: staging,
                reusing: reuse && !previous.isEmpty ? PageReuse(previousSite: site, digests: previous) : nil, encoded: encoded)
            // While the sites swap, the manifest holds only the digests true of both, so that a run killed in between
            // never links a page rendered from other inputs.
            try SiteDigests.write(previous.filter { outcome.digests[$0.key] == $0.value }, to: manifest)
            try SiteSwap.install(staging, at: site)
            try SiteDigests.write(outcome.digests, to: manifest)
            if reuse {
                log("rendered the pages of \(outcome.rendered.count) of \(scorecards.count) platforms (the others' inputs are unchanged)")
            }
        } catch {
            try? files.removeItem(at: staging)
            throw PipelineError(step: .render, url: site.path, message: "cannot write the site: \(error)")
        }
    }
}

/// A run's scorecards' compact JSON as the archive keeps it, held for the history until the run is added to it:
/// one buffer (a few kilobytes a platform) rather than a string each, let go of at once before the rendering.
struct RunJSON: Sendable {
    private var bytes = Data()
    private var ranges: [Range<Int>] = []
    private(set) var ids: [String] = []

    mutating func append(_ json: String, id: String) {
        let start = bytes.count
        bytes.append(contentsOf: json.utf8)
        ranges.append(start..<bytes.count)
        ids.append(id)
    }

    func json(_ position: Int) -> Data { bytes.subdata(in: ranges[position]) }

    /// Positions in platform id order, as the archive hands a run's scorecards over (SQLite compares text byte by byte).
    var idOrder: [Int] { ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) } }
}

/// A scorecard as the site's JSON shows it (nil when it cannot be encoded) and as the archive keeps it.
private struct EncodedCard: Sendable {
    var pretty: Data?
    var compact: Data
}
