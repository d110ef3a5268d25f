import Foundation
import GRDB
import SovereigntyModel
#if canImport(Glibc)
import Glibc
#endif

/// Keeps every fetch: response records in one WARC file per run (`OUTPUT/archive/run-N.warc.gz`, a gzip member per
/// record, readable by warcio and pywb) and an index in `OUTPUT/archive/index.sqlite`.
///
/// Crash safety: the WARC bytes of a run are written and synced before their index rows are committed in one
/// transaction, so an index row always points at complete records; a run interrupted before that leaves only
/// WARC bytes nothing points at, and the next run starts a new file.
///
/// History is never overwritten: a run's WARC file is created exclusively, numbered past every run the index knows
/// and every WARC file in the folder; the index is checked (`PRAGMA quick_check`) before anything is written to it.
public struct Archive: Sendable {
    public let directory: URL
    let index: ArchiveIndex

    /// - Throws: `ArchiveError.damagedIndex` when the index fails SQLite's check; nothing is written then.
    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        index = try ArchiveIndex(path: directory.appendingPathComponent("index.sqlite").path)
    }

    /// The SQLite index's path, for messages.
    public var indexPath: String { directory.appendingPathComponent("index.sqlite").path }

    /// The next run's number, from the index and the WARC files in the folder.
    public func numbering() throws -> RunNumbering {
        let indexed = try index.database.read { db in
            try Int64.fetchOne(
                db,
                sql: "SELECT MAX(n) FROM (SELECT MAX(id) AS n FROM run UNION ALL SELECT seq AS n FROM sqlite_sequence WHERE name = 'run')")
        }
        return RunNumbering(indexed: indexed ?? 0, fileNames: try FileManager.default.contentsOfDirectory(atPath: directory.path))
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
            try RunInputRow.filter(Column("runId") == runID).order(Column("role")).fetchAll(db).map { row in
                ArchivedInput(role: row.role, path: row.path, text: try row.text ?? row.sha256.flatMap { try Self.keptInput(db, sha256: $0) })
            }
        }
    }

    /// The first run's copy of an input text with this digest, which later runs that read the same bytes refer to.
    static let keptInputSQL = "SELECT text FROM runInput WHERE sha256 = ? AND text IS NOT NULL ORDER BY runId LIMIT 1"

    static func keptInput(_ db: Database, sha256: String) throws -> String? {
        try String.fetchOne(db, sql: keptInputSQL, arguments: [sha256])
    }

    /// The run whose WARC file holds the input text with this digest, and the role it was read as; nil if none does.
    static func keptInputRun(_ db: Database, sha256: String) throws -> (role: String, startedAt: String)? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT runInput.role, run.startedAt FROM runInput JOIN run ON run.id = runInput.runId
                WHERE runInput.sha256 = ? AND runInput.text IS NOT NULL ORDER BY runInput.runId LIMIT 1
                """, arguments: [sha256]
        ).map { (role: $0[0], startedAt: $0[1]) }
    }

    /// The validators (`ETag`, `Last-Modified`) of the latest archived copy of each URL that has one, when that copy
    /// reads back whole. Every URL's latest copy is read (one pass over the copies the night may reuse): those that
    /// do not read back are listed, so that their URLs are fetched in full and the damage is named.
    public func validators(for urls: [String]) throws -> ArchivedValidators {
        var result = ArchivedValidators()
        // One read for every URL, each WARC file opened once: a rerun asks this of every document it fetches.
        try index.database.read { db in
            let statement = try db.cachedStatement(sql: Self.lastGoodSQL)
            for url in urls {
                result.lookedUp.insert(url)
                if var row = try FetchRow.fetchOne(statement, arguments: [url, Int64.max]) {
                    // Whether the copy has findings, and the reference when it names another row's: not their text,
                    // which the run would otherwise hold for every document until it ends.
                    row.findings = row.findings.map { $0.hasPrefix("@") ? $0 : "" }
                    result.lastGood[url] = row
                }
            }
        }
        // Each copy read back whole (a bit flipped or a truncated file shows there), and its headers decoded, on every
        // core.
        let rows = urls.compactMap { result.lastGood[$0] }
        let checked = stride(from: 0, to: rows.count, by: 256).map { Array(rows[$0..<min($0 + 256, rows.count)]) }.concurrentMap(chunk: 1) { batch in
            var files = BlockFiles(archive: self)
            defer { files.close() }
            return batch.map { row -> Result<(etag: String?, lastModified: String?)?, ArchiveError> in
                if let file = row.warcFile, let offset = row.warcOffset, let length = row.warcLength {
                    do {
                        _ = try files.block(file: file, offset: offset, length: length, url: row.requestedURL)
                    } catch {
                        return .failure(error as? ArchiveError ?? .unreadableRecord(file: file, offset: offset, url: row.requestedURL, problem: "\(error)"))
                    }
                }
                guard let headers: [String: String] = Self.decode(row.headers) else { return .success(nil) }
                return .success((headers["etag"], headers["last-modified"]))
            }
        }.flatMap { $0 }
        for (row, checked) in zip(rows, checked) {
            let url = row.requestedURL
            switch checked {
            case .failure(let damage):
                result.unreadable.append(damage)
            case .success(let validators):
                result.readable.insert(url)
                if let validators, validators.etag != nil || validators.lastModified != nil { result.byURL[url] = validators }
            }
        }
        return result
    }

    func lastGoodRow(url: String, before runID: Int64) throws -> FetchRow? {
        try lookUp { db in try FetchRow.fetchOne(try db.cachedStatement(sql: Self.lastGoodSQL), arguments: [url, runID]) }
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
        let kept = try lookUp { db in try String?.fetchOne(db.cachedStatement(sql: Self.lastGoodFindingsSQL), arguments: [url, runID]) }
        guard let kept = kept ?? nil, let json = try findingsJSON(kept) else { return nil }
        return Self.decodeFindings(json)
    }

    /// Keeps a run's graded results: what was published, for history and for tools that read the index.
    /// Every run keeps every platform's scorecard (`json` left empty), against the platform's latest scorecard kept
    /// whole (`baseRunId`'s): as the tokens that changed (`jsonPatch`, `JSONTokenPatch`) when it has the same shape,
    /// else as raw deflate against it (`jsonDelta`) when that saves half; whole and gzipped (`jsonGzip`) otherwise,
    /// and when the platform has no scorecard in the run before.
    public func store(scorecards: [ScorecardRow]) throws {
        try index.database.write { db in
            let previous = try db.cachedStatement(sql: Self.previousScorecardSQL)
            let wholeOne = try db.cachedStatement(sql: Self.scorecardWholeSQL)
            let statement = try db.cachedStatement(sql: Self.storeScorecardSQL)
            let bases = try scorecards.map { row in
                try Self.scorecardBase(db, platform: row.platformId, before: row.runId, previous: previous, whole: wholeOne)
            }
            // Compressing and comparing with the base is pure: on every core, the rows then inserted in order.
            let kept = Array(zip(scorecards, bases)).concurrentMap(chunk: 16) { row, base in Result { try Self.packed(row.json, against: base) } }
            for (row, packed) in zip(scorecards, kept) {
                let kept = try packed.get()
                try statement.execute(arguments: [row.runId, row.platformId, row.level, row.score, kept.gzip, kept.delta, kept.base, kept.patch])
            }
        }
    }

    /// A scorecard's JSON as kept: the tokens that changed from its base, raw deflate against it, or whole.
    private static func packed(
        _ text: String, against base: (runId: Int64, gzip: Data)?
    ) throws -> (gzip: Data?, delta: Data?, patch: Data?, base: Int64?) {
        let json = Data(text.utf8)
        guard let base else { return (try Gzip.compress(json), nil, nil, nil) }
        let whole = try Gzip.decompress(base.gzip)
        if let patch = try JSONTokenPatch.make(json, against: whole) { return (nil, nil, patch, base.runId) }
        let gzip = try Gzip.compress(json)
        let change = try DeltaDeflate.compress(json, against: whole)
        return change.count * 2 < gzip.count ? (nil, change, nil, base.runId) : (gzip, nil, nil, nil)
    }

    /// The platform's latest scorecard kept whole before a run, found from its scorecard in the latest run before
    /// (that one, or the one it is kept against) through the primary key: no index on the platform is needed. Nil
    /// when the platform has no scorecard in that run.
    private static func scorecardBase(
        _ db: Database, platform: String, before runID: Int64, previous: Statement, whole: Statement
    ) throws -> (runId: Int64, gzip: Data)? {
        guard let row = try Row.fetchOne(previous, arguments: [runID, platform]) else { return nil }
        if let gzip: Data = row["jsonGzip"] { return (row["runId"], gzip) }
        guard let baseRun: Int64 = row["baseRunId"], let gzip = try Data.fetchOne(whole, arguments: [baseRun, platform]) else { return nil }
        return (baseRun, gzip)
    }

    /// A run's graded results, by platform.
    public func scorecards(ofRun runID: Int64) throws -> [ScorecardRow] {
        var rows: [ScorecardRow] = []
        try forEachScorecard(ofRun: runID) { rows.append($0) }
        return rows
    }

    /// A run's graded results one at a time, in platform id order: a reader of every run's history never holds
    /// more than one scorecard's JSON.
    /// A page of rows is read at a time, and unpacked and handed over outside the read, so that a history read while
    /// a run is being archived never keeps the run's writer waiting longer than one page's read.
    public func forEachScorecard(ofRun runID: Int64, _ body: (ScorecardRow) throws -> Void) throws {
        var after: String?
        while true {
            let page: [PackedScorecard] = try index.database.read { db in
                let whole = try db.cachedStatement(sql: Self.scorecardWholeSQL)
                let rows = try Row.fetchCursor(
                    db.cachedStatement(sql: after == nil ? Self.firstScorecardsSQL : Self.nextScorecardsSQL),
                    arguments: after.map { [runID, $0, Self.scorecardPage] } ?? [runID, Self.scorecardPage])
                var page: [PackedScorecard] = []
                while let row = try rows.next() {
                    var packed = PackedScorecard(
                        runId: row["runId"], platformId: row["platformId"], level: row["level"], score: row["score"], json: row["json"],
                        gzip: row["jsonGzip"], patch: row["jsonPatch"], delta: row["jsonDelta"])
                    if packed.gzip == nil, let baseRun: Int64 = row["baseRunId"] {
                        guard let base = try Data.fetchOne(whole, arguments: [baseRun, packed.platformId]) else {
                            throw ArchiveError.missingScorecardBase(platform: packed.platformId, run: runID, base: baseRun)
                        }
                        packed.base = base
                    }
                    page.append(packed)
                }
                return page
            }
            // Unpacked on every core, then handed over in order.
            for unpacked in page.concurrentMap(chunk: 16, { packed in Result { try packed.unpacked() } }) { try body(try unpacked.get()) }
            guard page.count == Self.scorecardPage, let last = page.last else { return }
            after = last.platformId
        }
    }

    /// Finished runs, oldest first.
    public func runs() throws -> [RunRow] {
        try index.database.read { db in
            try RunRow.filter(Column("finishedAt") != nil).order(Column("id")).fetchAll(db)
        }
    }

    /// The fetches of a run, as the records the pipeline works with (bodies read back from the WARC file).
    /// A record that cannot be read back comes as a failed fetch (`archive-damaged`) whose message names the file,
    /// the byte offset and the URL: one damaged record never hides the rest of the run.
    public func records(ofRun runID: Int64) throws -> [FetchRecord] {
        let rows = try index.database.read { db in try FetchRow.fetchAll(db, sql: Self.runFetchesSQL, arguments: ["run": runID]) }
        return try rows.map { row in
            do {
                return try record(row)
            } catch let damage as ArchiveError {
                var unreadable = metadata(row)
                unreadable.failure = FetchFailure(reason: .archiveDamaged, message: damage.description)
                return unreadable
            }
        }
    }

    /// The latest successful fetch of a URL in a run before `runID`: the snapshot kept when tonight's fetch fails.
    public func lastGood(url: String, before runID: Int64) throws -> FetchRecord? {
        try lastGoodRow(url: url, before: runID).map(record)
    }

    /// The latest fetch of a URL before `runID` that its run read as the document (its findings were kept): a
    /// maintenance page answered with 200 is a successful fetch, but not a copy to fall back on the night after.
    /// Nil when no run kept findings for the URL.
    public func lastDocument(url: String, before runID: Int64) throws -> FetchRecord? {
        try lookUp { db in try FetchRow.fetchOne(try db.cachedStatement(sql: Self.lastDocumentSQL), arguments: [url, runID]) }.map(record)
    }

    /// The block of the record at a place in a WARC file.
    /// - Throws: `ArchiveError.unreadableRecord`, naming the file, the offset, the URL and what is wrong.
    func block(file: String, offset: Int64, length: Int64, url: String?) throws -> Data {
        var files = BlockFiles(archive: self)
        defer { files.close() }
        return try files.block(file: file, offset: offset, length: length, url: url)
    }

    /// A fetch as the index describes it, without its body.
    func metadata(_ row: FetchRow) -> FetchRecord { Self.metadata(row) }

    static func metadata(_ row: FetchRow) -> FetchRecord {
        var record = FetchRecord(
            requestedURL: row.requestedURL, finalURL: row.finalURL, redirects: Self.decode(row.redirects) ?? [],
            httpStatus: row.httpStatus, contentType: row.contentType, charset: row.charset, primaryIP: row.primaryIP,
            sha256: row.sha256, fetchedAt: Timestamp.date(row.fetchedAt) ?? Date(timeIntervalSince1970: 0),
            failure: row.failureReason.map { FetchFailure(reason: FetchFailure.Reason(rawValue: $0) ?? .network, message: row.failureMessage ?? "") })
        record.headers = Self.decode(row.headers) ?? [:]
        record.attempts = row.attempts
        return record
    }

    func record(_ row: FetchRow) throws -> FetchRecord {
        var record = metadata(row)
        // A failed fetch's response (a 404 page) is archived but never read as the document.
        if row.failureReason == nil, let file = row.warcFile, let offset = row.warcOffset, let length = row.warcLength {
            record.body = HTTPMessage.body(of: try block(file: file, offset: offset, length: length, url: row.requestedURL))
        }
        if let offset = row.renderedOffset, let length = row.renderedLength {
            // The rendering sits in the run's own file, which is not always the payload's (a revisit points back).
            let runFile = try index.database.read { db in try RunRow.fetchOne(db, key: row.runId)?.warcFile } ?? ""
            record.rendered = try block(file: runFile.isEmpty ? row.warcFile ?? "" : runFile, offset: offset, length: length, url: row.requestedURL)
        }
        return record
    }

    /// Opens a new file for writing, refusing one that is already there (`O_EXCL`): no path can overwrite archived
    /// history, whatever the index says.
    static func createExclusively(_ url: URL) throws -> FileHandle {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw ArchiveError.fileExists(url.path) }
            throw ArchiveError.cannotCreate(url.path, String(cString: strerror(code)))
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
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
    /// A WARC record that does not read back: its file, the byte offset of its gzip member, the URL it holds when
    /// known, and what is wrong.
    case unreadableRecord(file: String, offset: Int64, url: String?, problem: String)
    case noRun(String)
    /// The SQLite index fails `PRAGMA quick_check` (or is not a database at all).
    case damagedIndex(file: String, problems: [String])
    /// A new run's WARC file is already there.
    case fileExists(String)
    case cannotCreate(String, String)
    /// A scorecard kept as what changed since an earlier one that the index no longer holds.
    case missingScorecardBase(platform: String, run: Int64, base: Int64)

    public var description: String {
        switch self {
        case .unreadableRecord(let file, let offset, let url, let problem):
            "the archived copy\(url.map { " of \($0)" } ?? "") cannot be read: \(file) at byte \(offset): \(problem)"
        case .noRun(let what): "no finished run \(what) in the archive"
        case .damagedIndex(let file, let problems):
            "the archive index \(file) is damaged (SQLite's quick_check: \(problems.prefix(3).joined(separator: "; "))"
                + (problems.count > 3 ? "; … \(problems.count - 3) more" : "") + "); nothing was written to the archive. "
                + "Restore the index from a backup (every published site holds a copy, data/archive-index.sqlite.gz), or move it aside: "
                + "the next crawl then starts a fresh index, numbered after the WARC files already there"
        case .fileExists(let file): "\(file) already exists: an archived run is never overwritten"
        case .cannotCreate(let file, let reason): "cannot create \(file): \(reason)"
        case .missingScorecardBase(let platform, let run, let base):
            "the scorecard of \(platform) in run \(run) is kept as a change from run \(base)'s, which the index no longer holds"
        }
    }
}
