import Foundation
import GRDB
import SovereigntyModel

/// The statements run once per document, written out so that a test can ask SQLite how it answers each
/// (`ArchiveIndex.perDocumentQueries`): with thousands of documents a run, one that scans the table is quadratic.
extension Archive {
    static let storeFindingsSQL = "UPDATE fetchRecord SET findings = ? WHERE runId = ? AND urlId = (SELECT id FROM url WHERE url = ?)"
    static let lastGoodSQL = "SELECT * FROM fetch WHERE requestedURL = ? AND runId < ? AND failureReason IS NULL ORDER BY runId DESC LIMIT 1"
    /// The findings column only of `lastGoodSQL`'s row: a rerun asks it of every unchanged document.
    static let lastGoodFindingsSQL =
        "SELECT findings FROM fetch WHERE requestedURL = ? AND runId < ? AND failureReason IS NULL ORDER BY runId DESC LIMIT 1"
    static let lastDocumentSQL = """
        SELECT * FROM fetch WHERE requestedURL = ? AND runId < ? AND failureReason IS NULL AND findings IS NOT NULL \
        ORDER BY runId DESC LIMIT 1
        """
    /// Every fetch of a run, through the range of ids the run names: there is no index on the run alone.
    static let runFetchesSQL = """
        SELECT * FROM fetch WHERE runId = :run
        AND id BETWEEN (SELECT firstFetchId FROM run WHERE id = :run) AND (SELECT lastFetchId FROM run WHERE id = :run)
        ORDER BY id
        """
    static let fetchOfRunSQL = "SELECT * FROM fetch WHERE runId = ? AND requestedURL = ? ORDER BY id LIMIT 1"
    /// A revisit whose findings are its earlier copy's keeps a reference to the row holding them (`@id`), not a
    /// second copy: a rerun with nothing changed then writes a few bytes per document, not every document's findings.
    static let reuseFindingsSQL = """
        UPDATE fetchRecord SET findings = (
            SELECT CASE WHEN previous.findings = '' THEN '@' || previous.copyOf WHEN previous.findings LIKE '@%' THEN previous.findings
                ELSE '@' || previous.id END
            FROM fetchRecord AS previous
            WHERE previous.urlId = fetchRecord.urlId AND previous.runId < :run AND previous.failureReason IS NULL
            AND previous.findings IS NOT NULL
            ORDER BY previous.runId DESC LIMIT 1)
        WHERE runId = :run AND urlId = (SELECT id FROM url WHERE url = :url) AND findings IS NULL
        """
    /// One fetch into `fetchRecord`, its URLs by id (`url` holds each once, `Archive.insertURLSQL`).
    static let insertFetchSQL = """
        INSERT INTO fetchRecord (
            runId, urlId, finalUrlId, fetchedAt, httpStatus, copyOf, contentType, charset, primaryIP, sha256, failureReason,
            failureMessage, redirects, headers, attempts, warcFile, warcOffset, warcLength, duration, bytesReceived, bodySize,
            renderedOffset, renderedLength, findings)
        VALUES (
            :runId, (SELECT id FROM url WHERE url = :requestedURL),
            CASE WHEN :finalURL = :requestedURL THEN NULL ELSE (SELECT id FROM url WHERE url = :finalURL) END,
            :fetchedAt, :httpStatus, :copyOf, :contentType, :charset, :primaryIP, :sha256, :failureReason,
            :failureMessage, :redirects, :headers, :attempts, :warcFile, :warcOffset, :warcLength, :duration, :bytesReceived, :bodySize,
            :renderedOffset, :renderedLength, :findings)
        """
    static let insertURLSQL = "INSERT OR IGNORE INTO url (url) VALUES (?)"
    static let findingsByIDSQL = "SELECT findings FROM fetch WHERE id = ?"
    static let storeScorecardSQL = """
        INSERT OR REPLACE INTO scorecard (runId, platformId, level, score, json, jsonGzip, jsonDelta, baseRunId, jsonPatch)
        VALUES (?, ?, ?, ?, '', ?, ?, ?, ?)
        """
    /// A platform's scorecard in the latest run before one that has scorecards: whole, or naming the run of the one
    /// kept whole that it is kept against (what the run's scorecard is kept against).
    static let previousScorecardSQL = """
        SELECT runId, jsonGzip, baseRunId FROM scorecard
        WHERE runId = (SELECT MAX(runId) FROM scorecard WHERE runId < ?1) AND platformId = ?2
        """
    static let scorecardWholeSQL = "SELECT jsonGzip FROM scorecard WHERE runId = ? AND platformId = ?"
    /// A run's scorecards a page at a time, in platform id order, through the primary key (`forEachScorecard`).
    static let firstScorecardsSQL = "SELECT * FROM scorecard WHERE runId = ? ORDER BY platformId LIMIT ?"
    static let nextScorecardsSQL = "SELECT * FROM scorecard WHERE runId = ? AND platformId > ? ORDER BY platformId LIMIT ?"
    static let scorecardPage = 256

    /// Findings written per transaction: large enough to cost one commit per few hundred documents, small enough
    /// that a reader of the index is never kept waiting long.
    static let findingsBatch = 500

    /// Records that the findings of each URL's fetch in a run are those of the earlier copy it revisits (the judge
    /// reused them), a batch of documents per transaction. The run's writer already names that copy's findings in
    /// the revisits it can (`ArchiveRunWriter.append`): those rows are left as they are.
    public func store(reusedFindings urls: [String], ofRun runID: Int64) throws {
        let urls = urls.sorted()
        for start in stride(from: 0, to: urls.count, by: Self.findingsBatch) {
            try index.database.write { db in
                let statement = try db.cachedStatement(sql: Self.reuseFindingsSQL)
                for url in urls[start..<min(start + Self.findingsBatch, urls.count)] {
                    try statement.execute(arguments: ["url": url, "run": runID])
                }
            }
        }
    }

    /// Forgets the findings the run's writer named for revisits the judge did not read as the document (a stand-in
    /// page, an older copy judged instead), as though they had never been set.
    public func forgetFindings(of urls: [String], ofRun runID: Int64) throws {
        for start in stride(from: 0, to: urls.count, by: Self.findingsBatch) {
            try index.database.write { db in
                let statement = try db.cachedStatement(sql: Self.storeFindingsSQL)
                for url in urls[start..<min(start + Self.findingsBatch, urls.count)] {
                    try statement.execute(arguments: [nil, runID, url])
                }
            }
        }
    }

    /// One statement of the per-document look-ups, outside a transaction: `read` wraps each call in a read-only
    /// transaction (four statements compiled again every time), which cost a rerun more than the look-ups themselves.
    /// Only for single SELECTs, which need no isolation.
    func lookUp<T>(_ query: (Database) throws -> T) throws -> T {
        try index.database.inDatabase(query)
    }

    /// The JSON of findings as kept in a row: the text itself, or the text of the row an `@id` reference names.
    func findingsJSON(_ kept: String) throws -> String? {
        try lookUp { db in try Self.findingsJSON(kept, db) }
    }

    static func findingsJSON(_ kept: String, _ db: Database) throws -> String? {
        guard kept.hasPrefix("@"), let id = Int64(kept.dropFirst()) else { return kept }
        return try String.fetchOne(db.cachedStatement(sql: Self.findingsByIDSQL), arguments: [id])
    }

    /// The fetch of one URL in a run as the index knows it, or nil when the run has none: the judge reads documents
    /// one at a time, and asks for a body only when it must read one, so that a run never holds every body at once.
    public func fetch(url: String, ofRun runID: Int64) throws -> ArchivedFetch? {
        try lookUp { db in try Self.fetch(url: url, ofRun: runID, db) }
    }

    /// The fetches of many URLs in a run, by URL, in one read: the judge asks it of a batch of platforms at once,
    /// where a statement each took a lock of the file each, most of a quiet rerun's judging.
    public func fetches(urls: [String], ofRun runID: Int64) throws -> [String: ArchivedFetch] {
        try index.database.read { db in
            var found: [String: ArchivedFetch] = [:]
            for url in urls where found[url] == nil {
                if let fetch = try Self.fetch(url: url, ofRun: runID, db) { found[url] = fetch }
            }
            return found
        }
    }

    private static func fetch(url: String, ofRun runID: Int64, _ db: Database) throws -> ArchivedFetch? {
        guard let row = try FetchRow.fetchOne(try db.cachedStatement(sql: Self.fetchOfRunSQL), arguments: [runID, url]) else { return nil }
        let record = metadata(row)
        // A revisit names the copy holding its payload (`copyOf`, since v10); a row kept before that shows one by its
        // record's place in another run's file, which costs a look-up of the run's file (a quiet night asks none).
        let namesItsCopy = row.payloadFetchId != nil && row.payloadFetchId != row.id
        let isRevisit = try namesItsCopy || row.warcFile != nil && row.warcFile != String.fetchOne(
            db.cachedStatement(sql: "SELECT warcFile FROM run WHERE id = ?"), arguments: [runID])
        return ArchivedFetch(
            record: record, hasPayload: row.failureReason == nil && row.warcOffset != nil && (isRevisit || row.bodySize > 0),
            hasRendering: row.renderedOffset != nil, isRevisit: isRevisit, row: row)
    }

    /// The JSON of the findings kept for the latest good copy of each URL before a run, by URL, in one read (the
    /// judge decodes them on every core); a URL whose copy has none is left out.
    public func findingsJSON(urls: [String], before runID: Int64) throws -> [String: String] {
        try index.database.read { db in
            var found: [String: String] = [:]
            for url in urls where found[url] == nil {
                let kept = try String?.fetchOne(db.cachedStatement(sql: Self.lastGoodFindingsSQL), arguments: [url, runID])
                if let kept = kept ?? nil, let json = try Self.findingsJSON(kept, db) { found[url] = json }
            }
            return found
        }
    }

    /// Findings as kept, nil when they no longer decode.
    public static func decodeFindings(_ json: String) -> DocumentFindings? {
        try? JSONDecoder().decode(DocumentFindings.self, from: Data(json.utf8))
    }

    /// Keeps a fetch row in `fetchRecord`. A revisit (`copyOf`, the row holding its payload) leaves to that row
    /// what it shares with it: its type, charset, digest and WARC place always, its address when the same, its headers
    /// when its validators (`ETag`, `Last-Modified`) are the copy's, its findings reference ('') when it names that
    /// row; a row's redirects are NULL when there are none.
    func insert(_ row: FetchRow, copyOf copy: FetchRow?, _ db: Database) throws {
        try db.cachedStatement(sql: Self.insertURLSQL).execute(arguments: [row.requestedURL])
        if row.finalURL != row.requestedURL { try db.cachedStatement(sql: Self.insertURLSQL).execute(arguments: [row.finalURL]) }
        let copyOf = copy?.payloadFetchId
        var headers: String? = row.headers
        if let copy, copyOf != nil, let own: [String: String] = Self.decode(row.headers),
            let theirs: [String: String] = Self.decode(copy.payloadHeaders ?? copy.headers),
            own["etag"] == theirs["etag"], own["last-modified"] == theirs["last-modified"]
        {
            headers = nil
        }
        let shared = copyOf != nil
        // Read as the copy it revisits: '' rather than `@` and that copy's id again (the view `fetch` shows it so).
        let findings = copyOf != nil && row.findings == copyOf.map { "@\($0)" } ? "" : row.findings
        try db.cachedStatement(sql: Self.insertFetchSQL).execute(arguments: [
            "runId": row.runId, "requestedURL": row.requestedURL, "finalURL": row.finalURL, "fetchedAt": Self.seconds(row.fetchedAt),
            "httpStatus": row.httpStatus, "copyOf": copyOf, "contentType": shared ? nil : row.contentType, "charset": shared ? nil : row.charset,
            "primaryIP": shared && row.primaryIP == (copy?.payloadIP ?? copy?.primaryIP) ? nil : row.primaryIP, "sha256": shared ? nil : row.sha256, "failureReason": row.failureReason,
            "failureMessage": row.failureMessage, "redirects": row.redirects == "[]" ? nil : row.redirects, "headers": headers,
            "attempts": row.attempts, "warcFile": shared ? nil : row.warcFile, "warcOffset": shared ? nil : row.warcOffset,
            "warcLength": shared ? nil : row.warcLength, "duration": Int64((row.duration * 1_000_000).rounded()), "bytesReceived": row.bytesReceived,
            "bodySize": row.bodySize, "renderedOffset": row.renderedOffset, "renderedLength": row.renderedLength, "findings": findings,
        ])
    }

    /// A fetch's time as kept: seconds since 1970 when its text is the one `Timestamp` writes (the view `fetch` writes
    /// it back the same), else the text itself.
    static func seconds(_ time: String) -> DatabaseValueConvertible {
        guard let date = Timestamp.date(time) else { return time }
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return Timestamp.string(Date(timeIntervalSince1970: Double(seconds))) == time ? seconds : time
    }

    /// The fetch with its body (and rendering) read back from the WARC file.
    public func contents(of fetch: ArchivedFetch) throws -> FetchRecord {
        try record(fetch.row)
    }
}

/// One fetch of a run as the index knows it: the record without its bytes, which `Archive.contents(of:)` reads.
public struct ArchivedFetch: Sendable {
    /// The record, body and rendering left out.
    public var record: FetchRecord
    /// A response record holds the document's bytes (its own, or an earlier copy's for a revisit).
    public var hasPayload: Bool
    /// A browser rendered the page: its DOM, not the fetched bytes, is what was read.
    public var hasRendering: Bool
    /// Unchanged since an earlier copy (a 304, or the same bytes again): the bytes are that copy's.
    public var isRevisit: Bool
    let row: FetchRow
}