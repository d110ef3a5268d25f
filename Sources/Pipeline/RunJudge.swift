import Archive
import Extractor
import Foundation
import Renderer
import Scorecard
import SovereigntyModel

/// The extract and score steps, from an archived run: the crawl and `report` both use it, so a report rebuilt
/// from the archive is the site the crawl published, byte for byte.
struct RunJudge {
    let archive: Archive
    let platforms: [Platform]
    let catalog: ProviderCatalog
    let log: PipelineLog
    /// What reading one document may cost; past it, the document fails with that reason.
    var budget = DocumentBudget()

    struct Judgement {
        var scorecards: [PlatformScorecard]
        var documents: Int
        /// Documents whose fetch failed in this run (judged from an older copy when there is one).
        var failed: Int
        /// Documents whose copy in this run cannot be read back from the archive (counted in `failed` too).
        var unreadable: Int
        /// What was read in this run's own copies, by URL, to keep in the archive.
        var findings: [String: DocumentFindings]
        /// URLs whose findings are those of the archived copy their unchanged fetch revisits: the archive keeps a
        /// reference to that copy's findings rather than a second copy.
        var reusedFindings: [String] = []
        /// Revisits whose archived copy's findings the run's writer named but the judge did not reuse (a stand-in page,
        /// an older copy judged instead): the archive forgets them.
        var unreusedFindings: [String] = []
        /// The bytes each judged document was read from, to publish beside the quotes (kept files, never in memory).
        var captures: [Capture]
        /// How many of this run's documents failed for each reason (`FetchFailure.Reason`), for the summary's notice
        /// when nothing could be read.
        var failureReasons: [String: Int]
    }

    /// Judges every platform from the run's archived fetches, one document at a time.
    /// - Parameter readings: what the crawl already read of this run's documents, by URL (`DocumentStream`); any
    ///   other document is read back from the archive, so that `report` judges exactly as the crawl did.
    func judge(runID: Int64, runDate: Date, readings: [String: DocumentSnapshot] = [:]) throws(PipelineError) -> Judgement {
        let reader = DocumentReader(extractor: Extractor(catalog: catalog), budget: budget)
        let grader = Grader(catalog: catalog, day: Timestamp.day(runDate))
        let store = CaptureStore(archive: archive.directory)
        var scorecards: [PlatformScorecard] = []
        var documents = 0
        var failed = 0
        var unreadable = 0
        var kept: [String: DocumentFindings] = [:]
        var reused: Set<String> = []
        var revisited: Set<String> = []
        var captures: [String: Capture] = [:]  // by final URL
        var failureReasons: [String: Int] = [:]
        do {
            let batches = stride(from: 0, to: platforms.count, by: Self.batch).map { Array(platforms[$0..<min($0 + Self.batch, platforms.count)]) }
            let archive = archive
            func lookUps(_ batch: [Platform]) -> Prefetch<LookUps> {
                Prefetch { try LookUps(archive: archive, runID: runID, platforms: batch) }
            }
            var next = batches.first.map(lookUps)
            for (number, batch) in batches.enumerated() {
                let lookedUp = try next!.value()
                // The next batch's look-ups are read while this one is judged.
                next = number + 1 < batches.count ? lookUps(batches[number + 1]) : nil
                var graded: [PlatformDocuments] = []
                for platform in batch {
                    var snapshots: [DocumentSnapshot] = []
                    for reference in platform.documents {
                        documents += 1
                        let stored = lookedUp.fetches[reference.url]
                        let record = stored?.record ?? Self.notFetched(reference.url, at: runDate)
                        // Unchanged since the archived copy (a 304, or the same bytes again): its findings are reused,
                        // not extracted again.
                        let unchanged = lookedUp.unchanged[reference.url]
                        // The archived bytes, read once per document whoever needs them first (the reading, the capture).
                        var archived: FetchRecord?
                        func contents(of stored: ArchivedFetch) throws -> FetchRecord {
                            if let archived { return archived }
                            let read = try archive.contents(of: stored)
                            archived = read
                            return read
                        }
                        var snapshot: DocumentSnapshot
                        if stored?.isRevisit == true && stored?.hasRendering == false { revisited.insert(reference.url) }
                        if let unchanged {
                            snapshot = DocumentSnapshot(reference: reference, fetch: record, findings: unchanged)
                        } else if var read = readings[reference.url], read.reference == reference {
                            read.fetch = record  // as archived, so that the crawl and `report` grade the same record
                            snapshot = read
                        } else if let stored, record.succeeded {
                            do {
                                snapshot = reader.read(reference, fetch: try contents(of: stored))
                                snapshot.fetch = record
                            } catch let damage as ArchiveError {
                                // One damaged record never hides the rest of the run: this document is unreadable.
                                var unreadable = record
                                unreadable.failure = FetchFailure(reason: .archiveDamaged, message: damage.description)
                                snapshot = reader.read(reference, fetch: unreadable)
                            }
                        } else {
                            snapshot = reader.read(reference, fetch: record)
                        }
                        // The last copy read as the document: a stand-in page kept stale last night is not one.
                        lazy var previous =
                            (try? archive.lastDocument(url: reference.url, before: runID)) ?? (try? archive.lastGood(url: reference.url, before: runID))
                        lazy var previousRead = previous.map { reader.read(reference, fetch: $0) }
                        // A page that answers 200 but stands in for the legal page it was (a maintenance, error, login or
                        // consent page, maybe with the site's footer) is not the document, and is treated as a failure.
                        if let findings = snapshot.findings, !findings.hasLegalText || !findings.placeholderWords.isEmpty,
                            let before = previousRead?.findings, let reason = findings.standsIn(for: before)
                        {
                            snapshot.findings = nil
                            snapshot.readFailure = FetchFailure(reason: .notTheDocument, message: reason)
                        }
                        var readFrom: FetchRecord?  // an older copy judged in tonight's place, bytes in hand
                        if let failure = snapshot.failure {
                            failed += 1
                            let damaged = failure.reason == .archiveDamaged
                            if damaged { unreadable += 1 }
                            failureReasons[failure.reason.rawValue, default: 0] += 1
                            log.warning(
                                "[\(damaged ? "archive" : "fetch")] platform '\(platform.id)' \(reference.url): \(failure.message)",
                                ["platform": platform.id, "url": reference.url, "reason": failure.reason.rawValue, "detail": failure.message])
                            // An outage never lowers a grade: the last good copy is judged, and marked stale.
                            if let good = previous, var kept = previousRead {
                                if kept.findings != nil {
                                    kept.stale = DocumentSnapshot.Stale(reason: failure, attemptedAt: record.attemptedAt)
                                    kept.fetch = good.withoutBody
                                    snapshot = kept
                                    readFrom = good
                                }
                            }
                        }
                        if snapshot.stale == nil, let findings = snapshot.findings {
                            if unchanged != nil { reused.insert(reference.url) } else { kept[reference.url] = findings }
                        }
                        if snapshot.findings != nil {
                            if let good = readFrom {
                                if let sha = good.sha256, !good.body.isEmpty || good.rendered != nil {
                                    var capture = try store.capture(
                                        sha256: sha, contentType: good.contentType, url: good.finalURL, rendered: good.rendered != nil
                                    ) { good.rendered ?? good.body }
                                    capture.readable = !capture.isPDF
                                    capture.charset = good.charset
                                    captures[good.finalURL] = capture
                                }
                            } else if let stored, let sha = record.sha256, stored.hasPayload || stored.hasRendering {
                                var capture = try store.capture(
                                    sha256: sha, contentType: record.contentType, url: record.finalURL, rendered: stored.hasRendering
                                ) {
                                    let full = try contents(of: stored)
                                    return full.rendered ?? full.body
                                }
                                // Its readable text is read when its view is first published, not held for the run.
                                capture.readable = !capture.isPDF
                                capture.charset = record.charset
                                captures[record.finalURL] = capture
                            }
                        }
                        snapshots.append(snapshot)
                    }
                    graded.append(PlatformDocuments(platform: platform, snapshots: snapshots))
                }
                // Grading is pure: a batch's platforms are graded on every core, in order.
                scorecards += graded.concurrentMap(chunk: 8) { grader.grade($0.platform, documents: $0.snapshots) }
            }
        } catch {
            throw PipelineError(step: .extract, message: "cannot read run \(runID) from the archive: \(error)")
        }
        return Judgement(
            scorecards: Ranking.rank(scorecards), documents: documents, failed: failed, unreadable: unreadable, findings: kept,
            reusedFindings: reused.sorted(), unreusedFindings: revisited.subtracting(reused).filter { kept[$0] == nil }.sorted(),
            captures: captures.keys.sorted().map { captures[$0]! }, failureReasons: failureReasons)
    }

    /// Platforms judged together: their documents' look-ups are one read of the index, their findings decoded and
    /// their grades worked out on every core.
    static let batch = 128

    /// One platform's documents as read, to be graded.
    private struct PlatformDocuments: Sendable {
        var platform: Platform
        var snapshots: [DocumentSnapshot]
    }

    /// What the index says of a batch of platforms' documents in the run: each URL's fetch, and for one unchanged
    /// since its archived copy (a 304, or the same bytes again), that copy's findings, reused rather than read again.
    private struct LookUps: Sendable {
        var fetches: [String: ArchivedFetch]
        var unchanged: [String: DocumentFindings] = [:]

        init(archive: Archive, runID: Int64, platforms: [Platform]) throws {
            let urls = platforms.flatMap { $0.documents.map(\.url) }
            fetches = try archive.fetches(urls: urls, ofRun: runID)
            let revisits = urls.filter { fetches[$0]?.isRevisit == true && fetches[$0]?.hasRendering == false }
            // A copy whose findings cannot be read is read again, as it was one URL at a time.
            let kept = (try? archive.findingsJSON(urls: revisits, before: runID)) ?? [:]
            let urlsKept = Array(kept.keys)
            for (url, findings) in zip(urlsKept, urlsKept.concurrentMap(chunk: 16) { Archive.decodeFindings(kept[$0]!) }) {
                unchanged[url] = findings
            }
        }
    }

    /// A document the run has no fetch of: no attempt was made, so it has no attempt date either.
    static func notFetched(_ url: String, at date: Date) -> FetchRecord {
        var record = FetchRecord(requestedURL: url, finalURL: url, fetchedAt: date, failure: FetchFailure(reason: .network, message: "not fetched in this run"))
        record.attempts = 0
        return record
    }
}
