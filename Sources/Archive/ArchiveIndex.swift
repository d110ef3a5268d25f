import Foundation
import GRDB

/// The SQLite index next to the WARC files: runs, and every fetch with where its records are.
/// Migrations are never edited once shipped; new ones are appended.
struct ArchiveIndex: Sendable {
    let database: DatabaseQueue

    /// - Throws: `ArchiveError.damagedIndex` when the file fails SQLite's check; the file is then left as it was.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where Self.meansDamage(error) {
            throw ArchiveError.damagedIndex(file: path, problems: [error.message ?? "\(error)"])
        }
        try Self.check(database, path: path)
        try Self.migrator.migrate(database)
    }

    /// `PRAGMA quick_check` before anything is written: SQLite happily writes a new run into a file whose other pages
    /// are damaged, and the crawl would then fail half-way through, with the damage deeper. One pass over the file.
    static func check(_ database: DatabaseQueue, path: String) throws {
        // SQLite may stop the check itself with "malformed" after a few lines: both are kept. No transaction, whose
        // commit would fail on the same damage and hide the lines.
        let problems = try database.inDatabase { db in
            var lines: [String] = []
            do {
                let cursor = try String.fetchCursor(db, sql: "PRAGMA quick_check")
                // A row can hold several lines, the first naming the schema ("*** in database main ***").
                while let row = try cursor.next() {
                    lines += row.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("*** in database") }
                }
            } catch let error as DatabaseError where meansDamage(error) {
                lines.append(error.message ?? "\(error)")
            }
            return lines
        }
        guard problems != ["ok"] else { return }
        throw ArchiveError.damagedIndex(file: path, problems: problems)
    }

    /// A damaged or foreign file, as opposed to a busy or unwritable one.
    private static func meansDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs and fetches") { db in
            try db.create(table: "run") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("startedAt", .text).notNull()
                table.column("finishedAt", .text)
                table.column("warcFile", .text).notNull()
                table.column("ignoredRobots", .boolean).notNull()
            }
            try db.create(table: "fetch") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("run", onDelete: .cascade).notNull()
                table.column("requestedURL", .text).notNull().indexed()
                table.column("finalURL", .text).notNull()
                table.column("fetchedAt", .text).notNull()
                table.column("httpStatus", .integer)
                table.column("contentType", .text)
                table.column("charset", .text)
                table.column("primaryIP", .text)
                table.column("sha256", .text)
                table.column("failureReason", .text)
                table.column("failureMessage", .text)
                table.column("redirects", .text).notNull()
                table.column("headers", .text).notNull()
                table.column("attempts", .integer).notNull()
                table.column("warcFile", .text)
                table.column("warcOffset", .integer)
                table.column("warcLength", .integer)
            }
        }
        migrator.registerMigration("v2: transfer figures and scorecards per run") { db in
            try db.alter(table: "fetch") { table in
                table.add(column: "duration", .double).notNull().defaults(to: 0)
                table.add(column: "bytesReceived", .integer).notNull().defaults(to: 0)
                table.add(column: "bodySize", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "scorecard") { table in
                table.belongsTo("run", onDelete: .cascade).notNull()
                table.column("platformId", .text).notNull()
                table.column("level", .text).notNull()
                table.column("score", .integer)
                table.column("json", .text).notNull()
                table.primaryKey(["runId", "platformId"])
            }
        }
        migrator.registerMigration("v3: pages rendered by a browser") { db in
            try db.alter(table: "fetch") { table in
                table.add(column: "renderedOffset", .integer)
                table.add(column: "renderedLength", .integer)
            }
        }
        migrator.registerMigration("v4: findings per fetch") { db in
            try db.alter(table: "fetch") { table in
                table.add(column: "findings", .text)
            }
        }
        migrator.registerMigration("v5: the inputs and rubric each run was judged with") { db in
            try db.alter(table: "run") { table in
                table.add(column: "rubricVersion", .text)
            }
            try db.create(table: "runInput") { table in
                table.belongsTo("run", onDelete: .cascade).notNull()
                table.column("role", .text).notNull()
                table.column("path", .text).notNull()
                table.column("text", .text)
                table.column("sha256", .text)
                table.primaryKey(["runId", "role"])
            }
        }
        migrator.registerMigration("v6: an index for each per-document query") { db in
            // Every per-document lookup names a URL and a run: the findings of a run's fetch (`runId = ? AND
            // requestedURL = ?`) and a URL's latest copy before a run (`requestedURL = ? AND runId < ? ORDER BY runId
            // DESC`). One index on (requestedURL, runId) answers both in a few steps; the index on the URL alone,
            // which left SQLite sorting every run's row of the URL, is then redundant.
            try db.create(index: "fetch_on_requestedURL_runId", on: "fetch", columns: ["requestedURL", "runId"])
            try db.drop(index: "fetch_on_requestedURL")
        }
        migrator.registerMigration("v7: scorecards kept compressed") { db in
            // A run keeps every platform's scorecard as JSON, 6 KB each: gzipped, a nightly run of thousands of
            // platforms adds a fifth as much to the index. Rows written before keep their text in `json`.
            try db.alter(table: "scorecard") { table in table.add(column: "jsonGzip", .blob) }
        }
        migrator.registerMigration("v8: an input's text kept once") { db in
            // Every run kept the whole text of its inputs, the list of platforms first: a megabyte a night for a list
            // of ten thousand documents, the same megabyte when the list did not change. A text is now kept by the
            // first run that read it; a later run reading the same bytes keeps its digest alone (`text` NULL,
            // `sha256` set), and the archives written before drop their repeated copies here.
            try db.create(index: "runInput_on_sha256_runId", on: "runInput", columns: ["sha256", "runId"])
            try db.execute(sql: """
                UPDATE runInput SET text = NULL
                WHERE text IS NOT NULL AND runId > (
                    SELECT MIN(first.runId) FROM runInput AS first WHERE first.sha256 = runInput.sha256 AND first.text IS NOT NULL)
                """)
        }
        migrator.registerMigration("v9: scorecards kept as what changed") { db in
            // Every run kept every platform's scorecard gzipped, 1.4 KB each, though most differ from the platform's
            // previous one by a few dates. A scorecard is now kept as raw deflate against the platform's latest one
            // kept whole (`jsonDelta`, and `baseRunId` naming that run), about 90 bytes; whole again (`jsonGzip`)
            // when what changed is more than half of it. Rows written before stay as they are.
            try db.alter(table: "scorecard") { table in
                table.add(column: "jsonDelta", .blob)
                table.add(column: "baseRunId", .integer)
            }
            try db.create(index: "scorecard_on_platformId_runId", on: "scorecard", columns: ["platformId", "runId"])
        }
        migrator.registerMigration("v10: fetches kept compact") { db in
            // A quiet night's fetch rows were most of what it added (about 350 bytes a document): each row held its
            // URL twice as text, indexed as text, and a revisit copied the payload's digest, type and place from the
            // copy it revisits. URLs are now kept once (`url`), a row names them by id (`finalUrlId` NULL when the
            // same as the requested one), and a revisit names the row holding its payload (`copyOf`), leaving
            // NULL what it shares with it: type, charset, digest, WARC place, its address when the same, and its
            // headers when its validators are that copy's. (The scorecards' index on the run alone goes too: their
            // primary key starts with the run.) The view `fetch` shows every row as before, so that readers of the index (the
            // export, tools, older queries) see the same columns. Rows keep their ids, so `@id` findings still hold.
            try db.execute(sql: """
                CREATE TABLE url (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE);
                INSERT INTO url (url) SELECT requestedURL FROM fetch UNION SELECT finalURL FROM fetch;
                CREATE TABLE fetchRecord (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    runId INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    urlId INTEGER NOT NULL REFERENCES url(id),
                    finalUrlId INTEGER REFERENCES url(id),
                    fetchedAt INTEGER NOT NULL,
                    httpStatus INTEGER,
                    copyOf INTEGER REFERENCES fetchRecord(id),
                    contentType TEXT, charset TEXT, primaryIP TEXT, sha256 TEXT, failureReason TEXT, failureMessage TEXT,
                    redirects TEXT, headers TEXT, attempts INTEGER NOT NULL,
                    warcFile TEXT, warcOffset INTEGER, warcLength INTEGER,
                    duration INTEGER NOT NULL DEFAULT 0, bytesReceived INTEGER NOT NULL DEFAULT 0, bodySize INTEGER NOT NULL DEFAULT 0,
                    renderedOffset INTEGER, renderedLength INTEGER, findings TEXT);
                INSERT INTO fetchRecord (
                    id, runId, urlId, finalUrlId, fetchedAt, httpStatus, copyOf, contentType, charset, primaryIP, sha256, failureReason,
                    failureMessage, redirects, headers, attempts, warcFile, warcOffset, warcLength, duration, bytesReceived, bodySize,
                    renderedOffset, renderedLength, findings)
                SELECT fetch.id, fetch.runId, requested.id, CASE WHEN fetch.finalURL = fetch.requestedURL THEN NULL ELSE final.id END,
                    fetchedAt, httpStatus, NULL, contentType, charset, primaryIP, sha256, failureReason, failureMessage,
                    NULLIF(redirects, '[]'), headers, attempts, warcFile, warcOffset, warcLength, CAST(round(duration * 1000000) AS INTEGER),
                    bytesReceived, bodySize,
                    renderedOffset, renderedLength, findings
                FROM fetch JOIN url AS requested ON requested.url = fetch.requestedURL JOIN url AS final ON final.url = fetch.finalURL
                ORDER BY fetch.id;
                DROP TABLE fetch;
                CREATE INDEX fetchRecord_on_urlId_runId ON fetchRecord (urlId, runId);
                CREATE INDEX fetchRecord_on_runId ON fetchRecord (runId);
                DROP INDEX IF EXISTS scorecard_on_runId;
                CREATE VIEW fetch AS SELECT
                    fetch.id AS id, fetch.runId AS runId, requested.url AS requestedURL, coalesce(final.url, requested.url) AS finalURL,
                    CASE typeof(fetch.fetchedAt) WHEN 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', fetch.fetchedAt, 'unixepoch')
                        ELSE fetch.fetchedAt END AS fetchedAt,
                    fetch.httpStatus AS httpStatus,
                    coalesce(fetch.contentType, fetchCopy.contentType) AS contentType, coalesce(fetch.charset, fetchCopy.charset) AS charset,
                    coalesce(fetch.primaryIP, fetchCopy.primaryIP) AS primaryIP, coalesce(fetch.sha256, fetchCopy.sha256) AS sha256,
                    fetch.failureReason AS failureReason, fetch.failureMessage AS failureMessage,
                    coalesce(fetch.redirects, '[]') AS redirects, coalesce(fetch.headers, fetchCopy.headers, '{}') AS headers,
                    fetch.attempts AS attempts, coalesce(fetch.warcFile, fetchCopy.warcFile) AS warcFile,
                    coalesce(fetch.warcOffset, fetchCopy.warcOffset) AS warcOffset, coalesce(fetch.warcLength, fetchCopy.warcLength) AS warcLength,
                    fetch.duration / 1000000.0 AS duration, fetch.bytesReceived AS bytesReceived, fetch.bodySize AS bodySize,
                    fetch.renderedOffset AS renderedOffset, fetch.renderedLength AS renderedLength, fetch.findings AS findings,
                    coalesce(fetch.copyOf, fetch.id) AS payloadFetchId, coalesce(fetchCopy.headers, fetch.headers) AS payloadHeaders,
                    coalesce(fetchCopy.primaryIP, fetch.primaryIP) AS payloadIP
                FROM fetchRecord AS fetch
                JOIN url AS requested ON requested.id = fetch.urlId
                LEFT JOIN url AS final ON final.id = fetch.finalUrlId
                LEFT JOIN fetchRecord AS fetchCopy ON fetchCopy.id = fetch.copyOf;
                """)
        }
        migrator.registerMigration("v11: scorecards kept as the tokens that changed") { db in
            // A quiet night's scorecard differs from the platform's whole one by each document's status and dates;
            // deflated against it that was still about 120 bytes, most of them saying "the same text again". It is
            // now kept as the JSON tokens that changed (`jsonPatch`, about 25 bytes). Its base is found from the
            // platform's scorecard in the run before through the primary key, so the index on the platform goes.
            // Rows written before keep `jsonDelta`, read as before.
            try db.alter(table: "scorecard") { table in table.add(column: "jsonPatch", .blob) }
            try db.drop(index: "scorecard_on_platformId_runId")
        }
        migrator.registerMigration("v12: a run's fetches found by their range of ids") { db in
            // The index on the run alone cost every fetch row an entry (a tenth of what a quiet night added), for
            // look-ups of a whole run, which are rare. A run's rows are inserted together, so the run names the
            // range of their ids (`firstFetchId`, `lastFetchId`), which `Archive.runFetchesSQL` reads with the run's
            // id as well: for runs written before, the range of their ids, which other runs' rows may share.
            try db.execute(sql: """
                ALTER TABLE run ADD COLUMN firstFetchId INTEGER;
                ALTER TABLE run ADD COLUMN lastFetchId INTEGER;
                UPDATE run SET
                    firstFetchId = (SELECT MIN(id) FROM fetchRecord WHERE runId = run.id),
                    lastFetchId = (SELECT MAX(id) FROM fetchRecord WHERE runId = run.id);
                DROP INDEX fetchRecord_on_runId;
                """)
        }
        migrator.registerMigration("v13: a revisit's findings reference left to its copy") { db in
            // A revisit read as the copy it revisits kept `@id` naming that copy, which `copyOf` names already: 5 to 8
            // bytes a document on a quiet night. It now keeps '' (the view shows `@` and `copyOf`). The view is
            // v10's but for `findings`, written out again: a shipped migration is never edited.
            try db.execute(sql: """
                DROP VIEW fetch;
                CREATE VIEW fetch AS SELECT
                    fetch.id AS id, fetch.runId AS runId, requested.url AS requestedURL, coalesce(final.url, requested.url) AS finalURL,
                    CASE typeof(fetch.fetchedAt) WHEN 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', fetch.fetchedAt, 'unixepoch')
                        ELSE fetch.fetchedAt END AS fetchedAt,
                    fetch.httpStatus AS httpStatus,
                    coalesce(fetch.contentType, fetchCopy.contentType) AS contentType, coalesce(fetch.charset, fetchCopy.charset) AS charset,
                    coalesce(fetch.primaryIP, fetchCopy.primaryIP) AS primaryIP, coalesce(fetch.sha256, fetchCopy.sha256) AS sha256,
                    fetch.failureReason AS failureReason, fetch.failureMessage AS failureMessage,
                    coalesce(fetch.redirects, '[]') AS redirects, coalesce(fetch.headers, fetchCopy.headers, '{}') AS headers,
                    fetch.attempts AS attempts, coalesce(fetch.warcFile, fetchCopy.warcFile) AS warcFile,
                    coalesce(fetch.warcOffset, fetchCopy.warcOffset) AS warcOffset, coalesce(fetch.warcLength, fetchCopy.warcLength) AS warcLength,
                    fetch.duration / 1000000.0 AS duration, fetch.bytesReceived AS bytesReceived, fetch.bodySize AS bodySize,
                    fetch.renderedOffset AS renderedOffset, fetch.renderedLength AS renderedLength,
                    CASE fetch.findings WHEN '' THEN '@' || fetch.copyOf ELSE fetch.findings END AS findings,
                    coalesce(fetch.copyOf, fetch.id) AS payloadFetchId, coalesce(fetchCopy.headers, fetch.headers) AS payloadHeaders,
                    coalesce(fetchCopy.primaryIP, fetch.primaryIP) AS payloadIP
                FROM fetchRecord AS fetch
                JOIN url AS requested ON requested.id = fetch.urlId
                LEFT JOIN url AS final ON final.id = fetch.finalUrlId
                LEFT JOIN fetchRecord AS fetchCopy ON fetchCopy.id = fetch.copyOf;
                """)
        }
        return migrator
    }

    /// The statements the archive runs once per document, with sample arguments: each must be answered through an
    /// index, which `ArchiveIndexTests` checks with `EXPLAIN QUERY PLAN`.
    static let perDocumentQueries: [(sql: String, arguments: StatementArguments)] = [
        (Archive.storeFindingsSQL, ["{}", 1, "http://127.0.0.1/a"]),
        (Archive.lastGoodSQL, ["http://127.0.0.1/a", 2]),
        (Archive.lastGoodFindingsSQL, ["http://127.0.0.1/a", 2]),
        (Archive.lastDocumentSQL, ["http://127.0.0.1/a", 2]),
        (Archive.fetchOfRunSQL, [1, "http://127.0.0.1/a"]),
        (Archive.reuseFindingsSQL, ["url": "http://127.0.0.1/a", "run": 2]),
        (Archive.findingsByIDSQL, [1]),
        (Archive.previousScorecardSQL, [2, "p"]),
        (Archive.scorecardWholeSQL, [1, "p"]),
        (Archive.firstScorecardsSQL, [1, 256]),
        (Archive.nextScorecardsSQL, [1, "p", 256]),
        (Archive.runFetchesSQL, ["run": 1]),
    ]
}

/// A row of `runInput`: one input file as a run read it. `text` and `sha256` both nil when the file was not there;
/// `text` nil and `sha256` set when an earlier run kept the same text (`Archive.keptInputSQL` finds it).
struct RunInputRow: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "runInput"
    var runId: Int64
    var role: String
    var path: String
    var text: String?
    var sha256: String?
}

/// A row of `scorecard`: a platform's graded result in one run, findings and evidence included, as published.
public struct ScorecardRow: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "scorecard"
    public var runId: Int64
    public var platformId: String
    public var level: String
    public var score: Int?
    public var json: String

    public init(runId: Int64, platformId: String, level: String, score: Int?, json: String) {
        self.runId = runId
        self.platformId = platformId
        self.level = level
        self.score = score
        self.json = json
    }
}

/// A row of `run`.
public struct RunRow: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"
    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String?
    public var warcFile: String
    public var ignoredRobots: Bool
    /// The rubric version the run was graded with; nil for runs archived before it was recorded.
    public var rubricVersion: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of the view `fetch`: one URL in one run, with the place of its response record when there is one. Rows are
/// written into `fetchRecord` (`Archive.insert(_:copyOf:)`), which keeps them compact.
public struct FetchRow: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "fetch"
    public var id: Int64?
    public var runId: Int64
    public var requestedURL: String
    public var finalURL: String
    public var fetchedAt: String
    public var httpStatus: Int?
    public var contentType: String?
    public var charset: String?
    public var primaryIP: String?
    public var sha256: String?
    public var failureReason: String?
    public var failureMessage: String?
    /// JSON arrays and objects, kept as text.
    public var redirects: String
    public var headers: String
    public var attempts: Int
    public var warcFile: String?
    public var warcOffset: Int64?
    public var warcLength: Int64?
    public var duration: Double = 0
    public var bytesReceived: Int = 0
    public var bodySize: Int = 0
    /// The `conversion` record holding the DOM a browser rendered, in the same WARC file as the run.
    public var renderedOffset: Int64?
    public var renderedLength: Int64?
    /// What the Extractor found in this copy, as JSON: a 304 later reuses it without extracting again.
    public var findings: String?
    /// The row whose response record holds the payload: this one, or the copy a revisit shares it with.
    public var payloadFetchId: Int64?
    /// The headers and address of that row's response, which a revisit's own may be left to.
    public var payloadHeaders: String?
    public var payloadIP: String?
}
