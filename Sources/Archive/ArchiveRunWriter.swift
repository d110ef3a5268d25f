import Foundation
import GRDB
import SovereigntyModel

/// Writes one run into the archive while its documents arrive, so that a crawl can let each body go once it is
/// kept: records are appended to the run's WARC file at once, their index rows (small) and the one record of the
/// run's unchanged documents wait for `finish()`.
///
/// Crash safety is the archive's: the WARC bytes are synced before the rows are committed in one transaction, so
/// an index row always points at complete records; a run killed before `finish()` leaves only WARC bytes nothing
/// points at. `append` may be called from several threads: compression runs outside the lock.
public final class ArchiveRunWriter: @unchecked Sendable {
    /// What became of a record in the archive.
    public struct Appended: Sendable {
        /// The record as the archive keeps it (a 304 with no copy to reuse becomes a failure).
        public var record: FetchRecord
        /// Unchanged since an archived copy (a 304, or the same bytes again): only a `revisit` record was written,
        /// and the findings of that copy stand.
        public var isRevisit: Bool
    }

    public let runID: Int64
    private let archive: Archive
    private let fileName: String
    private let userAgent: String
    private let inputs: [ArchivedInput]
    private var run: RunRow
    private let handle: FileHandle
    private let lock = NSLock()
    private var offset: Int64 = 0
    /// Each fetch's row, with the row a revisit shares its payload with.
    private var rows: [(row: FetchRow, copyOf: FetchRow?)] = []
    /// The documents unchanged since their archived copy, written as one record when the run finishes.
    private var unchanged: [UnchangedDocument] = []
    private var finished = false
    /// What the run found of each URL's latest archived copy before it began: the copy, and whether it read back whole.
    private let archived: ArchivedValidators

    init(
        archive: Archive, startedAt: Date, ignoredRobots: Bool, userAgent: String, inputs: [ArchivedInput], rubricVersion: String?,
        archived: ArchivedValidators
    ) throws {
        self.archive = archive
        self.archived = archived
        self.userAgent = userAgent
        self.inputs = inputs
        let started = Timestamp.string(startedAt)
        // Numbered past both the index and the files on disk, and the file created exclusively: an index started
        // afresh never overwrites archived history.
        let id = try archive.numbering().next
        run = try archive.index.database.write { db in
            var run = RunRow(id: id, startedAt: started, finishedAt: nil, warcFile: "", ignoredRobots: ignoredRobots, rubricVersion: rubricVersion)
            try run.insert(db)
            return run
        }
        runID = id
        fileName = RunNumbering.fileName(id)
        do { handle = try Archive.createExclusively(archive.directory.appendingPathComponent(fileName)) } catch {
            _ = try? archive.index.database.write { db in try RunRow.deleteOne(db, key: id) }
            throw error
        }
        _ = try write(
            WARCRecord(
                headers: [
                    ("WARC-Type", "warcinfo"), ("WARC-Record-ID", WARCRecord.recordID(fileName, "warcinfo")), ("WARC-Date", started),
                    ("WARC-Filename", fileName), ("Content-Type", "application/warc-fields"),
                ],
                block: Data(
                    ("software: sovereignty-scorecard\r\nformat: WARC File Format 1.1\r\nrobots: \(ignoredRobots ? "ignore" : "obey")\r\n"
                        + (rubricVersion.map { "rubric-version: \($0)\r\n" } ?? "")).utf8)))
        for input in inputs {
            guard let text = input.text else { continue }
            let block = Data(text.utf8)
            let digest = WARCRecord.digest(block)
            // The same bytes an earlier run kept (the list of platforms, most nights): a revisit of that run's record.
            if let kept = try archive.index.database.read({ db in try Archive.keptInputRun(db, sha256: digest) }) {
                _ = try write(
                    WARCRecord(
                        headers: [
                            ("WARC-Type", "revisit"), ("WARC-Record-ID", WARCRecord.recordID(fileName, "input", input.role)), ("WARC-Date", started),
                            ("WARC-Target-URI", ArchivedInput.uri(input.role)),
                            ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"), ("WARC-Payload-Digest", digest),
                            ("WARC-Refers-To-Target-URI", ArchivedInput.uri(kept.role)), ("WARC-Refers-To-Date", kept.startedAt),
                        ],
                        block: Data()))
                continue
            }
            _ = try write(
                WARCRecord(
                    headers: [
                        ("WARC-Type", "resource"), ("WARC-Record-ID", WARCRecord.recordID(fileName, "input", input.role)), ("WARC-Date", started),
                        ("WARC-Target-URI", ArchivedInput.uri(input.role)), ("WARC-Block-Digest", digest),
                        ("Content-Type", input.path.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "application/yaml; charset=utf-8"),
                    ],
                    block: block))
        }
    }

    deinit { try? handle.close() }

    /// Appends one fetch: a line of the run's record of unchanged documents when unchanged since the archived copy,
    /// else `request` and `response` records
    /// (none for a failure without an HTTP answer), and a `conversion` record for a browser rendering.
    @discardableResult
    public func append(_ record: FetchRecord) throws -> Appended {
        var record = record
        let date = Timestamp.string(record.fetchedAt)
        let url = record.requestedURL
        let previous = archived.lookedUp.contains(url) ? archived.lastGood[url] : try archive.lastGoodRow(url: url, before: runID)
        // Unchanged since the archived copy (a 304, or the same bytes again): a line of the run's record of unchanged
        // documents, and the index points at the record that holds the payload — when that record still reads back, never at a damaged one
        // (read back once: before the run for the URLs asked conditionally, here for the others).
        if let previous, record.failure == nil, record.httpStatus == 304 || record.sha256 == previous.sha256,
            let file = previous.warcFile, let offset = previous.warcOffset, let length = previous.warcLength,
            archived.readable.contains(url) || (try? archive.block(file: file, offset: offset, length: length, url: previous.requestedURL)) != nil
        {
            // Noted in the run's one record of unchanged documents (`finish()`), not a revisit record of its own: a
            // gzip member per document was 250 bytes each, most of a quiet night's bytes.
            let digest = record.httpStatus == 304 ? "" : WARCRecord.digest(record.body)
            lock.withLock {
                unchanged.append(
                    UnchangedDocument(
                        date: date, uri: record.finalURL, payloadDigest: digest, refersToURI: previous.finalURL, refersToDate: previous.fetchedAt,
                        refersToRecord: "\(file)#\(offset)"))
            }
            var row = FetchRow(
                id: nil, runId: runID, requestedURL: record.requestedURL, finalURL: record.finalURL, fetchedAt: date,
                httpStatus: record.httpStatus, contentType: previous.contentType, charset: previous.charset,
                primaryIP: record.primaryIP, sha256: previous.sha256, failureReason: nil, failureMessage: nil,
                redirects: Archive.json(record.redirects), headers: Archive.json(record.headers), attempts: record.attempts,
                warcFile: file, warcOffset: offset, warcLength: length, duration: record.duration,
                bytesReceived: record.bytesReceived, bodySize: record.body.count)
            if let rendering = try writeRendering(record, date: date) {
                (row.renderedOffset, row.renderedLength) = rendering
            } else if let findings = previous.findings, let id = previous.id {
                // Read as that copy was (the judge reuses its findings): named now, so that the row never grows
                // after it is written (a row growing in place splits its page, a third of a quiet night's bytes).
                // The judge forgets it when it reads the document otherwise (`Archive.forgetFindings`).
                row.findings = findings.hasPrefix("@") ? findings : "@\(id)"
            }
            keep(row, copyOf: previous)
            return Appended(record: record, isRevisit: true)
        }
        if record.httpStatus == 304 && record.failure == nil {
            record.failure = FetchFailure(reason: .httpError, message: "304 Not Modified, but no archived copy to reuse")
        }
        var place: (Int64, Int64)?
        if record.failure == nil || record.httpStatus != nil {
            let requestID = WARCRecord.recordID(fileName, record.requestedURL, date, "request")
            let request = WARCRecord(
                headers: [
                    ("WARC-Type", "request"), ("WARC-Record-ID", requestID), ("WARC-Date", date),
                    ("WARC-Target-URI", record.finalURL), ("Content-Type", "application/http; msgtype=request"),
                ],
                block: HTTPMessage.request(record.finalURL, userAgent: userAgent))
            let block = HTTPMessage.response(record)
            var headers: [(String, String)] = [
                ("WARC-Type", "response"), ("WARC-Record-ID", WARCRecord.recordID(fileName, record.requestedURL, date, "response")),
                ("WARC-Date", date), ("WARC-Target-URI", record.finalURL), ("WARC-Concurrent-To", requestID),
            ]
            if let ip = record.primaryIP { headers.append(("WARC-IP-Address", ip)) }
            headers += [
                ("WARC-Payload-Digest", WARCRecord.digest(record.body)), ("WARC-Block-Digest", WARCRecord.digest(block)),
                ("Content-Type", "application/http; msgtype=response"),
            ]
            // The request and its response are written together, so that they stay next to each other.
            place = try write([request, WARCRecord(headers: headers, block: block)]).last
        }
        var row = FetchRow(
            id: nil, runId: runID, requestedURL: record.requestedURL, finalURL: record.finalURL, fetchedAt: date,
            httpStatus: record.httpStatus, contentType: record.contentType, charset: record.charset, primaryIP: record.primaryIP,
            sha256: record.sha256, failureReason: record.failure?.reason.rawValue, failureMessage: record.failure?.message,
            redirects: Archive.json(record.redirects), headers: Archive.json(record.headers), attempts: record.attempts,
            warcFile: place == nil ? nil : fileName, warcOffset: place?.0, warcLength: place?.1, duration: record.duration,
            bytesReceived: record.bytesReceived, bodySize: record.body.count)
        if place != nil, let rendering = try writeRendering(record, date: date) {
            (row.renderedOffset, row.renderedLength) = rendering
        }
        keep(row)
        return Appended(record: record, isRevisit: false)
    }

    /// Syncs the WARC file, then commits every row of the run and marks it finished. Returns the run's id.
    public func finish() throws -> Int64 {
        try lock.withLock {
            precondition(!finished, "a run is finished once")
            finished = true
            if let record = UnchangedDocument.record(unchanged, fileName: fileName, date: run.startedAt) {
                // Ten thousand lines much alike on a quiet night: the highest level saves a tenth of them.
                let member = try Gzip.compress(record.serialized(), level: 9)
                try handle.write(contentsOf: member)
                offset += Int64(member.count)
            }
            unchanged = []
            try handle.synchronize()
            try archive.index.database.write { db in
                // Inserted together, so that the run's rows are the range of ids the run names (`firstFetchId`…).
                var ids: ClosedRange<Int64>?
                for (row, copy) in rows {
                    try archive.insert(row, copyOf: copy, db)
                    ids = (ids?.lowerBound ?? db.lastInsertedRowID)...db.lastInsertedRowID
                }
                for input in inputs {
                    let digest = input.text.map { WARCRecord.digest(Data($0.utf8)) }
                    // The same text as an earlier run's: its digest says which, the text stays where it is.
                    let kept = try digest.map { try Archive.keptInput(db, sha256: $0) != nil } ?? false
                    try RunInputRow(runId: runID, role: input.role, path: input.path, text: kept ? nil : input.text, sha256: digest).insert(db)
                }
                run.warcFile = fileName
                run.finishedAt = Timestamp.string(Date())
                try db.execute(
                    sql: "UPDATE run SET warcFile = ?, finishedAt = ?, firstFetchId = ?, lastFetchId = ? WHERE id = ?",
                    arguments: [run.warcFile, run.finishedAt, ids?.lowerBound, ids?.upperBound, runID])
            }
            rows = []
        }
        return runID
    }

    private func keep(_ row: FetchRow, copyOf copy: FetchRow? = nil) {
        lock.withLock { rows.append((row, copy)) }
    }

    /// The DOM a browser rendered, as a `conversion` record next to the response it was made from.
    private func writeRendering(_ record: FetchRecord, date: String) throws -> (Int64, Int64)? {
        guard let rendered = record.rendered else { return nil }
        return try write(
            WARCRecord(
                headers: [
                    ("WARC-Type", "conversion"), ("WARC-Record-ID", WARCRecord.recordID(fileName, record.requestedURL, date, "conversion")),
                    ("WARC-Date", date), ("WARC-Target-URI", record.finalURL),
                    ("WARC-Refers-To", WARCRecord.recordID(fileName, record.requestedURL, date, "response")),
                    ("WARC-Block-Digest", WARCRecord.digest(rendered)), ("Content-Type", "text/html; charset=utf-8"),
                ],
                block: rendered))
    }

    private func write(_ record: WARCRecord) throws -> (Int64, Int64) {
        try write([record])[0]
    }

    /// Compresses the records (a gzip member each) outside the lock, then appends them in one piece; returns the
    /// place (offset, length) of each.
    private func write(_ records: [WARCRecord]) throws -> [(Int64, Int64)] {
        let members = try records.map { try Gzip.compress($0.serialized()) }
        return try lock.withLock {
            var places: [(Int64, Int64)] = []
            var bytes = Data()
            for member in members {
                places.append((offset + Int64(bytes.count), Int64(member.count)))
                bytes.append(member)
            }
            try handle.write(contentsOf: bytes)
            offset += Int64(bytes.count)
            return places
        }
    }
}

extension Archive {
    /// Starts a run: its row (unfinished), its WARC file with the `warcinfo` record and the inputs it is judged with.
    /// - Parameter archived: what `validators(for:)` found of the run's URLs just before it (each copy, read back).
    public func beginRun(
        startedAt: Date, ignoredRobots: Bool, userAgent: String, inputs: [ArchivedInput] = [], rubricVersion: String? = nil,
        archived: ArchivedValidators = ArchivedValidators()
    ) throws -> ArchiveRunWriter {
        try ArchiveRunWriter(
            archive: self, startedAt: startedAt, ignoredRobots: ignoredRobots, userAgent: userAgent, inputs: inputs, rubricVersion: rubricVersion,
            archived: archived)
    }
}

/// A document a run found unchanged since its archived copy. A run keeps these as one `metadata` record
/// (`urn:sovereignty:unchanged`), a tab-separated line each, rather than a `revisit` record each: on a quiet night
/// every document is one, and a gzip member per document made most of what the night added. Each line says what a
/// revisit would: when, which URI, how it was found unchanged (a 304, or the same payload again with its digest),
/// and the record that holds the payload (its URI — left empty when it is the document's own —, date, and
/// `file#offset` in the archive).
struct UnchangedDocument {
    var date: String
    var uri: String
    /// The payload's digest when the same bytes came again; empty for a 304.
    var payloadDigest: String
    var refersToURI: String
    var refersToDate: String
    var refersToRecord: String

    static let fields = "WARC-Date\tWARC-Target-URI\tWARC-Profile\tWARC-Payload-Digest\tWARC-Refers-To-Target-URI\tWARC-Refers-To-Date\tRecord"

    var line: String {
        let profile = payloadDigest.isEmpty ? "server-not-modified" : "identical-payload-digest"
        // The copy's URI is the document's own on most lines: empty then (a fifth of the record's bytes).
        return [date, uri, profile, payloadDigest, refersToURI == uri ? "" : refersToURI, refersToDate, refersToRecord].joined(separator: "\t")
    }

    /// The run's record of its unchanged documents, in URI order; nil when there is none.
    static func record(_ documents: [UnchangedDocument], fileName: String, date: String) -> WARCRecord? {
        guard !documents.isEmpty else { return nil }
        let lines = [fields] + documents.sorted { ($0.uri, $0.date) < ($1.uri, $1.date) }.map(\.line)
        let block = Data((lines.joined(separator: "\n") + "\n").utf8)
        return WARCRecord(
            headers: [
                ("WARC-Type", "metadata"), ("WARC-Record-ID", WARCRecord.recordID(fileName, "unchanged")), ("WARC-Date", date),
                ("WARC-Target-URI", "urn:sovereignty:unchanged"), ("WARC-Block-Digest", WARCRecord.digest(block)),
                ("Content-Type", "text/tab-separated-values; charset=utf-8"),
            ],
            block: block)
    }
}
