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
        /// The bytes each judged document was read from, to publish beside the quotes.
        var captures: [Capture]
        /// How many of this run's documents failed for each reason (`FetchFailure.Reason`), for the summary's notice
        /// when nothing could be read.
        var failureReasons: [String: Int]
    }

    func judge(runID: Int64, runDate: Date) throws(PipelineError) -> Judgement {
        let records: [FetchRecord]
        do { records = try archive.records(ofRun: runID) } catch {
            throw PipelineError(step: .extract, message: "cannot read run \(runID) from the archive: \(error)")
        }
        let byURL = Dictionary(records.map { ($0.requestedURL, $0) }, uniquingKeysWith: { first, _ in first })
        let reader = DocumentReader(extractor: Extractor(catalog: catalog), budget: budget)
        let grader = Grader(catalog: catalog, day: Timestamp.day(runDate))
        var scorecards: [PlatformScorecard] = []
        var documents = 0
        var failed = 0
        var unreadable = 0
        var kept: [String: DocumentFindings] = [:]
        var captures: [String: Capture] = [:]  // by final URL
        var failureReasons: [String: Int] = [:]
        for platform in platforms {
            var snapshots: [DocumentSnapshot] = []
            for reference in platform.documents {
                documents += 1
                let record = byURL[reference.url] ?? Self.notFetched(reference.url, at: runDate)
                // Unchanged since the archived copy (304): its findings are reused, not extracted again.
                let unchanged = record.httpStatus == 304 && record.rendered == nil
                    ? (try? archive.findings(url: reference.url, before: runID)) ?? nil : nil
                var snapshot = unchanged.map { DocumentSnapshot(reference: reference, fetch: record, findings: $0) }
                    ?? reader.read(reference, fetch: record)
                // The last copy read as the document: a stand-in page kept stale last night is not one.
                let previous = (try? archive.lastDocument(url: reference.url, before: runID)) ?? (try? archive.lastGood(url: reference.url, before: runID))
                lazy var previousRead = previous.map { reader.read(reference, fetch: $0) }
                // A page that answers 200 but stands in for the legal page it was (a maintenance, error, login or
                // consent page, maybe with the site's footer) is not the document, and is treated as a failure.
                if let findings = snapshot.findings, !findings.hasLegalText || !findings.placeholderWords.isEmpty,
                    let before = previousRead?.findings, let reason = findings.standsIn(for: before)
                {
                    snapshot.findings = nil
                    snapshot.readFailure = FetchFailure(reason: .notTheDocument, message: reason)
                }
                var readFrom = record
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
                            snapshot = kept
                            readFrom = good
                        }
                    }
                }
                if snapshot.stale == nil, let findings = snapshot.findings { kept[reference.url] = findings }
                if snapshot.findings != nil, let sha = readFrom.sha256, !readFrom.body.isEmpty || readFrom.rendered != nil {
                    var capture = Capture(
                        sha256: sha, contentType: readFrom.contentType, body: readFrom.rendered ?? readFrom.body, url: readFrom.finalURL,
                        rendered: readFrom.rendered != nil)
                    // The text the quotes were cut from, for the capture's readable view (HTML only: a PDF is its own view).
                    if !capture.isPDF {
                        capture.text = reader.extractor.readableBlocks(html: capture.body, charset: capture.rendered ? "UTF-8" : readFrom.charset)
                    }
                    captures[readFrom.finalURL] = capture
                }
                snapshots.append(snapshot)
            }
            scorecards.append(grader.grade(platform, documents: snapshots))
        }
        return Judgement(
            scorecards: Ranking.rank(scorecards), documents: documents, failed: failed, unreadable: unreadable, findings: kept,
            captures: captures.keys.sorted().map { captures[$0]! }, failureReasons: failureReasons)
    }

    /// A document the run has no fetch of: no attempt was made, so it has no attempt date either.
    static func notFetched(_ url: String, at date: Date) -> FetchRecord {
        var record = FetchRecord(requestedURL: url, finalURL: url, fetchedAt: date, failure: FetchFailure(reason: .network, message: "not fetched in this run"))
        record.attempts = 0
        return record
    }
}
