import Foundation
import GRDB
import SovereigntyModel

/// Keeps every fetch: response records in one WARC file per run (`OUTPUT/archive/run-N.warc.gz`, a gzip member per
/// record, readable by warcio and pywb) and an index in `OUTPUT/archive/index.sqlite`.
///
/// Crash safety: the WARC bytes of a run are written and synced before their index rows are committed in one
/// transaction, so an index row always points at complete records; a run interrupted before that leaves only
/// WARC bytes nothing points at, and the next run starts a new file.
public struct Archive: Sendable {
    public let directory: URL
    let index: ArchiveIndex

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        index = try ArchiveIndex(path: directory.appendingPathComponent("index.sqlite").path)
    }

    /// Writes a run's fetches and returns the run's id. Failed fetches are indexed with their reason and no record.
    /// The inputs the run is judged with are kept with it, as `resource` records and in the index.
    public func store(
        _ records: [FetchRecord], startedAt: Date, ignoredRobots: Bool, userAgent: String, inputs: [ArchivedInput] = [],
        rubricVersion: String? = nil
    ) throws -> Int64 {
        let run = try beginRun(startedAt: startedAt, ignoredRobots: ignoredRobots, userAgent: userAgent, inputs: inputs, rubricVersion: rubricVersion)
        for record in records { try run.append(record) }
        return try run.finish()
    }

    /// The inputs a run was judged with, as the crawl read them; empty for runs archived before they were kept.
    public func inputs(ofRun runID: Int64) throws -> [ArchivedInput] {
        try index.database.read { db in
            try RunInputRow.filter(Column("runId") == runID).order(Column("role")).fetchAll(db)
                .map { ArchivedInput(role: $0.role, path: $0.path, text: $0.text) }
        }
    }

    /// The validators (`ETag`, `Last-Modified`) of the latest archived copy of each URL that has one.
    public func validators(for urls: [String]) throws -> [String: (etag: String?, lastModified: String?)] {
        var result: [String: (etag: String?, lastModified: String?)] = [:]
        for url in urls {
            guard let row = try lastGoodRow(url: url, before: Int64.max),
                let headers: [String: String] = Self.decode(row.headers)
            else { continue }
            let etag = headers["etag"]
            let lastModified = headers["last-modified"]
            if etag != nil || lastModified != nil { result[url] = (etag, lastModified) }
        }
        return result
    }

    func lastGoodRow(url: String, before runID: Int64) throws -> FetchRow? {
        try index.database.read { db in try FetchRow.fetchOne(try db.cachedStatement(sql: Self.lastGoodSQL), arguments: [url, runID]) }
    }

    /// Keeps what the Extractor found in each document of a run, a batch of documents per transaction.
    public func store(findings: [String: DocumentFindings], ofRun runID: Int64) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let urls = findings.keys.sorted()
        for start in stride(from: 0, to: urls.count, by: Self.findingsBatch) {
            try index.database.write { db in
                let statement = try db.cachedStatement(sql: Self.storeFindingsSQL)
                for url in urls[start..<min(start + Self.findingsBatch, urls.count)] {
                    let json = String(decoding: try encoder.encode(findings[url]!), as: UTF8.self)
                    try statement.execute(arguments: [json, runID, url])
                }
            }
        }
    }

    /// The findings kept for the latest good copy of a URL before a run, if any.
    public func findings(url: String, before runID: Int64) throws -> DocumentFindings? {
        guard let kept = try lastGoodRow(url: url, before: runID)?.findings, let json = try findingsJSON(kept) else { return nil }
        return try? JSONDecoder().decode(DocumentFindings.self, from: Data(json.utf8))
    }

    /// Keeps a run's graded results: what was published, for history and for tools that read the index.
    /// The JSON is kept gzipped (`jsonGzip`, `json` left empty): every run keeps every platform's scorecard.
    public func store(scorecards: [ScorecardRow]) throws {
        let packed = try scorecards.map { row in (row, try Gzip.compress(Data(row.json.utf8))) }
        try index.database.write { db in
            let statement = try db.cachedStatement(sql: Self.storeScorecardSQL)
            for (row, json) in packed {
                try statement.execute(arguments: [row.runId, row.platformId, row.level, row.score, json])
            }
        }
    }

    /// A run's graded results, by platform.
    public func scorecards(ofRun runID: Int64) throws -> [ScorecardRow] {
        let rows = try index.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scorecard WHERE runId = ? ORDER BY platformId", arguments: [runID])
        }
        return try rows.map { row in
            let packed: Data? = row["jsonGzip"]
            return ScorecardRow(
                runId: row["runId"], platformId: row["platformId"], level: row["level"], score: row["score"],
                json: try packed.map { String(decoding: try Gzip.decompress($0), as: UTF8.self) } ?? row["json"])
        }
    }

    /// Finished runs, oldest first.
    /// A compact copy of the index as it stood after run `runID` (`VACUUM INTO`, later runs removed), for readers to
    /// download with that run's site: rebuilding an old run publishes the copy its crawl published.
    public func exportIndex(upTo runID: Int64, to url: URL) throws {
        let scratch = url.appendingPathExtension("scratch")
        let files = FileManager.default
        try? files.removeItem(at: url)
        try? files.removeItem(at: scratch)
        defer { try? files.removeItem(at: scratch) }
        try index.database.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [scratch.path]) }
        try DatabaseQueue(path: scratch.path).inDatabase { db in
            try db.execute(
                sql: """
                    DELETE FROM scorecard WHERE runId > :run;
                    DELETE FROM runInput WHERE runId > :run;
                    DELETE FROM fetch WHERE runId > :run;
                    DELETE FROM run WHERE id > :run;
                    UPDATE sqlite_sequence SET seq = COALESCE((SELECT MAX(id) FROM run), 0) WHERE name = 'run';
                    UPDATE sqlite_sequence SET seq = COALESCE((SELECT MAX(id) FROM fetch), 0) WHERE name = 'fetch';
                    """, arguments: ["run": runID])
            try db.execute(sql: "VACUUM INTO ?", arguments: [url.path])
        }
    }

    public func runs() throws -> [RunRow] {
        try index.database.read { db in
            try RunRow.filter(Column("finishedAt") != nil).order(Column("id")).fetchAll(db)
        }
    }

    /// The fetches of a run, as the records the pipeline works with (bodies read back from the WARC file).
    public func records(ofRun runID: Int64) throws -> [FetchRecord] {
        let rows = try index.database.read { db in try FetchRow.filter(Column("runId") == runID).order(Column("id")).fetchAll(db) }
        return try rows.map(record)
    }

    /// The latest successful fetch of a URL in a run before `runID`: the snapshot kept when tonight's fetch fails.
    public func lastGood(url: String, before runID: Int64) throws -> FetchRecord? {
        try lastGoodRow(url: url, before: runID).map(record)
    }

    /// The latest fetch of a URL before `runID` that its run read as the document (its findings were kept): a
    /// maintenance page answered with 200 is a successful fetch, but not a copy to fall back on the night after.
    /// Nil when no run kept findings for the URL.
    public func lastDocument(url: String, before runID: Int64) throws -> FetchRecord? {
        try index.database.read { db in try FetchRow.fetchOne(try db.cachedStatement(sql: Self.lastDocumentSQL), arguments: [url, runID]) }.map(record)
    }

    /// The block of the record at a place in a WARC file.
    private func block(file: String, offset: Int64, length: Int64) throws -> Data {
        let handle = try FileHandle(forReadingFrom: directory.appendingPathComponent(file))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let member = try handle.read(upToCount: Int(length)) ?? Data()
        guard let warc = WARCRecord.parse(try Gzip.decompress(member)) else { throw ArchiveError.corruptRecord(file, offset) }
        return warc.block
    }

    func record(_ row: FetchRow) throws -> FetchRecord {
        var body = Data()
        if let file = row.warcFile, let offset = row.warcOffset, let length = row.warcLength {
            body = HTTPMessage.body(of: try block(file: file, offset: offset, length: length))
        }
        var record = FetchRecord(
            requestedURL: row.requestedURL, finalURL: row.finalURL, redirects: Self.decode(row.redirects) ?? [],
            httpStatus: row.httpStatus, contentType: row.contentType, charset: row.charset, primaryIP: row.primaryIP,
            body: row.failureReason == nil ? body : Data(), sha256: row.sha256, fetchedAt: Timestamp.date(row.fetchedAt) ?? Date(timeIntervalSince1970: 0),
            failure: row.failureReason.map { FetchFailure(reason: FetchFailure.Reason(rawValue: $0) ?? .network, message: row.failureMessage ?? "") })
        record.headers = Self.decode(row.headers) ?? [:]
        record.attempts = row.attempts
        if let offset = row.renderedOffset, let length = row.renderedLength {
            // The rendering sits in the run's own file, which is not always the payload's (a revisit points back).
            let runFile = try index.database.read { db in try RunRow.fetchOne(db, key: row.runId)?.warcFile } ?? ""
            record.rendered = try block(file: runFile.isEmpty ? row.warcFile ?? "" : runFile, offset: offset, length: length)
        }
        return record
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}

/// An input file kept with a run: its role (`platforms`, `providers`…), the path it was read from, and its text
/// (nil when the file was not there).
public struct ArchivedInput: Sendable, Equatable {
    public var role: String
    public var path: String
    public var text: String?

    public init(role: String, path: String, text: String?) {
        self.role = role
        self.path = path
        self.text = text
    }

    /// The `WARC-Target-URI` of an input's `resource` record.
    static func uri(_ role: String) -> String { "urn:sovereignty:input:\(role)" }
}

public enum ArchiveError: Error, CustomStringConvertible {
    case corruptRecord(String, Int64)
    case noRun(String)

    public var description: String {
        switch self {
        case .corruptRecord(let file, let offset): "the WARC record at \(file) offset \(offset) cannot be read"
        case .noRun(let what): "no finished run \(what) in the archive"
        }
    }
}
