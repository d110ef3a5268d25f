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
    private let index: ArchiveIndex

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
        let started = Timestamp.string(startedAt)
        let runID = try numbering().next
        var run = try index.database.write { db in
            var run = RunRow(id: runID, startedAt: started, finishedAt: nil, warcFile: "", ignoredRobots: ignoredRobots, rubricVersion: rubricVersion)
            try run.insert(db)
            return run
        }
        let fileName = RunNumbering.fileName(runID)
        let handle: FileHandle
        do { handle = try Self.createExclusively(directory.appendingPathComponent(fileName)) } catch {
            _ = try? index.database.write { db in try RunRow.deleteOne(db, key: runID) }
            throw error
        }
        defer { try? handle.close() }
        var offset: Int64 = 0
        func append(_ record: WARCRecord) throws -> (Int64, Int64) {
            let member = try Gzip.compress(record.serialized())
            try handle.write(contentsOf: member)
            defer { offset += Int64(member.count) }
            return (offset, Int64(member.count))
        }
        _ = try append(
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
            _ = try append(
                WARCRecord(
                    headers: [
                        ("WARC-Type", "resource"), ("WARC-Record-ID", WARCRecord.recordID(fileName, "input", input.role)), ("WARC-Date", started),
                        ("WARC-Target-URI", ArchivedInput.uri(input.role)), ("WARC-Block-Digest", WARCRecord.digest(block)),
                        ("Content-Type", input.path.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "application/yaml; charset=utf-8"),
                    ],
                    block: block))
        }

        /// The DOM a browser rendered, as a `conversion` record next to the response it was made from.
        func appendRendering(_ record: FetchRecord, date: String) throws -> (Int64, Int64)? {
            guard let rendered = record.rendered else { return nil }
            return try append(
                WARCRecord(
                    headers: [
                        ("WARC-Type", "conversion"), ("WARC-Record-ID", WARCRecord.recordID(fileName, record.requestedURL, date, "conversion")),
                        ("WARC-Date", date), ("WARC-Target-URI", record.finalURL),
                        ("WARC-Refers-To", WARCRecord.recordID(fileName, record.requestedURL, date, "response")),
                        ("WARC-Block-Digest", WARCRecord.digest(rendered)), ("Content-Type", "text/html; charset=utf-8"),
                    ],
                    block: rendered))
        }

        var rows: [FetchRow] = []
        for var record in records {
            let date = Timestamp.string(record.fetchedAt)
            let previous = try lastGoodRow(url: record.requestedURL, before: runID)
            // Unchanged since the archived copy (a 304, or the same bytes again): a revisit record, and the index
            // points at the record that holds the payload — when that record still reads back, never at a damaged one.
            if let previous, record.failure == nil, record.httpStatus == 304 || record.sha256 == previous.sha256,
                let file = previous.warcFile, let offset = previous.warcOffset, let length = previous.warcLength,
                (try? block(file: file, offset: offset, length: length, url: previous.requestedURL)) != nil
            {
                let block = HTTPMessage.response(record)
                _ = try append(
                    WARCRecord(
                        headers: [
                            ("WARC-Type", "revisit"), ("WARC-Record-ID", WARCRecord.recordID(fileName, record.requestedURL, date, "revisit")),
                            ("WARC-Date", date), ("WARC-Target-URI", record.finalURL),
                            ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
                            ("WARC-Refers-To-Target-URI", previous.finalURL), ("WARC-Refers-To-Date", previous.fetchedAt),
                            ("Content-Type", "application/http; msgtype=response"),
                        ],
                        block: block.prefix(upTo: block.range(of: Data("\r\n\r\n".utf8))?.upperBound ?? block.endIndex)))
                rows.append(
                    FetchRow(
                        id: nil, runId: runID, requestedURL: record.requestedURL, finalURL: record.finalURL, fetchedAt: date,
                        httpStatus: record.httpStatus, contentType: previous.contentType, charset: previous.charset,
                        primaryIP: record.primaryIP, sha256: previous.sha256, failureReason: nil, failureMessage: nil,
                        redirects: Self.json(record.redirects), headers: Self.json(record.headers), attempts: record.attempts,
                        warcFile: file, warcOffset: offset, warcLength: length, duration: record.duration,
                        bytesReceived: record.bytesReceived, bodySize: record.body.count))
                if let rendering = try appendRendering(record, date: date) {
                    rows[rows.count - 1].renderedOffset = rendering.0
                    rows[rows.count - 1].renderedLength = rendering.1
                }
                continue
            }
            if record.httpStatus == 304 && record.failure == nil {
                record.failure = FetchFailure(reason: .httpError, message: "304 Not Modified, but no archived copy to reuse")
            }
            var place: (Int64, Int64)?
            if record.failure == nil || record.httpStatus != nil {
                let requestID = WARCRecord.recordID(fileName, record.requestedURL, date, "request")
                _ = try append(
                    WARCRecord(
                        headers: [
                            ("WARC-Type", "request"), ("WARC-Record-ID", requestID), ("WARC-Date", date),
                            ("WARC-Target-URI", record.finalURL), ("Content-Type", "application/http; msgtype=request"),
                        ],
                        block: HTTPMessage.request(record.finalURL, userAgent: userAgent)))
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
                place = try append(WARCRecord(headers: headers, block: block))
            }
            rows.append(
                FetchRow(
                    id: nil, runId: runID, requestedURL: record.requestedURL, finalURL: record.finalURL, fetchedAt: date,
                    httpStatus: record.httpStatus, contentType: record.contentType, charset: record.charset, primaryIP: record.primaryIP,
                    sha256: record.sha256, failureReason: record.failure?.reason.rawValue, failureMessage: record.failure?.message,
                    redirects: Self.json(record.redirects), headers: Self.json(record.headers), attempts: record.attempts,
                    warcFile: place == nil ? nil : fileName, warcOffset: place?.0, warcLength: place?.1, duration: record.duration,
                    bytesReceived: record.bytesReceived, bodySize: record.body.count))
            if place != nil, let rendering = try appendRendering(record, date: date) {
                rows[rows.count - 1].renderedOffset = rendering.0
                rows[rows.count - 1].renderedLength = rendering.1
            }
        }
        try handle.synchronize()
        try index.database.write { db in
            for var row in rows { try row.insert(db) }
            for input in inputs {
                try RunInputRow(
                    runId: runID, role: input.role, path: input.path, text: input.text,
                    sha256: input.text.map { WARCRecord.digest(Data($0.utf8)) }
                ).insert(db)
            }
            run.warcFile = fileName
            run.finishedAt = Timestamp.string(Date())
            try run.update(db)
        }
        return runID
    }

    /// The inputs a run was judged with, as the crawl read them; empty for runs archived before they were kept.
    public func inputs(ofRun runID: Int64) throws -> [ArchivedInput] {
        try index.database.read { db in
            try RunInputRow.filter(Column("runId") == runID).order(Column("role")).fetchAll(db)
                .map { ArchivedInput(role: $0.role, path: $0.path, text: $0.text) }
        }
    }

    /// The validators (`ETag`, `Last-Modified`) of the latest archived copy of each URL that has one, when that copy
    /// reads back whole. Every URL's latest copy is read (one pass over the copies the night may reuse): those that
    /// do not read back are listed, so that their URLs are fetched in full and the damage is named.
    public func validators(for urls: [String]) throws -> ArchivedValidators {
        var result = ArchivedValidators()
        for url in urls {
            guard let row = try lastGoodRow(url: url, before: Int64.max) else { continue }
            do {
                _ = try record(row)
            } catch let damage as ArchiveError {
                result.unreadable.append(damage)
                continue
            }
            guard let headers: [String: String] = Self.decode(row.headers) else { continue }
            let etag = headers["etag"]
            let lastModified = headers["last-modified"]
            if etag != nil || lastModified != nil { result.byURL[url] = (etag, lastModified) }
        }
        return result
    }

    private func lastGoodRow(url: String, before runID: Int64) throws -> FetchRow? {
        try index.database.read { db in
            try FetchRow.filter(Column("requestedURL") == url && Column("runId") < runID && Column("failureReason") == nil)
                .order(Column("runId").desc).fetchOne(db)
        }
    }

    /// Keeps what the Extractor found in each document of a run.
    public func store(findings: [String: DocumentFindings], ofRun runID: Int64) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try index.database.write { db in
            for (url, found) in findings {
                let json = String(decoding: try encoder.encode(found), as: UTF8.self)
                try db.execute(sql: "UPDATE fetch SET findings = ? WHERE runId = ? AND requestedURL = ?", arguments: [json, runID, url])
            }
        }
    }

    /// The findings kept for the latest good copy of a URL before a run, if any.
    public func findings(url: String, before runID: Int64) throws -> DocumentFindings? {
        guard let json = try lastGoodRow(url: url, before: runID)?.findings else { return nil }
        return try? JSONDecoder().decode(DocumentFindings.self, from: Data(json.utf8))
    }

    /// Keeps a run's graded results: what was published, for history and for tools that read the index.
    public func store(scorecards: [ScorecardRow]) throws {
        try index.database.write { db in
            for row in scorecards { try row.save(db) }
        }
    }

    /// A run's graded results, by platform.
    public func scorecards(ofRun runID: Int64) throws -> [ScorecardRow] {
        try index.database.read { db in
            try ScorecardRow.filter(Column("runId") == runID).order(Column("platformId")).fetchAll(db)
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
    /// A record that cannot be read back comes as a failed fetch (`archive-damaged`) whose message names the file,
    /// the byte offset and the URL: one damaged record never hides the rest of the run.
    public func records(ofRun runID: Int64) throws -> [FetchRecord] {
        let rows = try index.database.read { db in try FetchRow.filter(Column("runId") == runID).order(Column("id")).fetchAll(db) }
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
        try index.database.read { db in
            try FetchRow.filter(
                Column("requestedURL") == url && Column("runId") < runID && Column("failureReason") == nil && Column("findings") != nil
            ).order(Column("runId").desc).fetchOne(db)
        }.map(record)
    }

    /// The block of the record at a place in a WARC file.
    /// - Throws: `ArchiveError.unreadableRecord`, naming the file, the offset, the URL and what is wrong.
    private func block(file: String, offset: Int64, length: Int64, url: String?) throws -> Data {
        let path = directory.appendingPathComponent(file).path
        func unreadable(_ problem: String) -> ArchiveError { .unreadableRecord(file: path, offset: offset, url: url, problem: problem) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw unreadable(FileManager.default.fileExists(atPath: path) ? "the file cannot be opened" : "the file is missing")
        }
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        guard offset >= 0, length >= 0, UInt64(offset) + UInt64(length) <= size else {
            throw unreadable("the file ends at byte \(size), before the record's end at byte \(offset + length) (truncated)")
        }
        try handle.seek(toOffset: UInt64(offset))
        let member = try handle.read(upToCount: Int(length)) ?? Data()
        let text: Data
        do { text = try Gzip.decompress(member) } catch { throw unreadable("\(error)") }
        guard let warc = WARCRecord.parse(text) else { throw unreadable("the gzip member holds no WARC record") }
        return warc.block
    }

    /// A fetch as the index describes it, without its body.
    private func metadata(_ row: FetchRow) -> FetchRecord {
        var record = FetchRecord(
            requestedURL: row.requestedURL, finalURL: row.finalURL, redirects: Self.decode(row.redirects) ?? [],
            httpStatus: row.httpStatus, contentType: row.contentType, charset: row.charset, primaryIP: row.primaryIP,
            sha256: row.sha256, fetchedAt: Timestamp.date(row.fetchedAt) ?? Date(timeIntervalSince1970: 0),
            failure: row.failureReason.map { FetchFailure(reason: FetchFailure.Reason(rawValue: $0) ?? .network, message: row.failureMessage ?? "") })
        record.headers = Self.decode(row.headers) ?? [:]
        record.attempts = row.attempts
        return record
    }

    private func record(_ row: FetchRow) throws -> FetchRecord {
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

    private static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ text: String) -> T? {
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

    public var description: String {
        switch self {
        case .unreadableRecord(let file, let offset, let url, let problem):
            "the archived copy\(url.map { " of \($0)" } ?? "") cannot be read: \(file) at byte \(offset): \(problem)"
        case .noRun(let what): "no finished run \(what) in the archive"
        case .damagedIndex(let file, let problems):
            "the archive index \(file) is damaged (SQLite's quick_check: \(problems.prefix(3).joined(separator: "; "))"
                + (problems.count > 3 ? "; … \(problems.count - 3) more" : "") + "); nothing was written to the archive. "
                + "Restore the index from a backup (every published site holds a copy, data/archive-index.sqlite), or move it aside: "
                + "the next crawl then starts a fresh index, numbered after the WARC files already there"
        case .fileExists(let file): "\(file) already exists: an archived run is never overwritten"
        case .cannotCreate(let file, let reason): "cannot create \(file): \(reason)"
        }
    }
}
