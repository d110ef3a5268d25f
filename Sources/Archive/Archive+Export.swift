import Foundation
import GRDB

/// The index readers download with a run's site (`data/archive-index.sqlite.gz`, gzipped by the pipeline): a compact export rather than a copy of
/// the working database, so that its size follows the list, not the archive's age (the working index holds every
/// fetch of every run, with headers and findings, and grows by every run).
///
/// Tables, documented in the README: `run` (every run up to this one), `fetch` (this run's documents and what was
/// read in each, findings as JSON), `scorecard` (every run's level and score per platform; the run's full scorecards
/// are `data/scorecards.json`). Rows are written in a fixed order into a fresh file, so that `report` rebuilding a run
/// publishes byte for byte the file its crawl published.
extension Archive {
    public func exportCompactIndex(upTo runID: Int64, to url: URL) throws {
        let scratch = url.appendingPathExtension("scratch")
        let files = FileManager.default
        try? files.removeItem(at: url)
        try? files.removeItem(at: scratch)
        defer { try? files.removeItem(at: scratch) }
        try index.database.inDatabase { db in
            try db.execute(sql: "ATTACH DATABASE ? AS export", arguments: [scratch.path])
            defer { try? db.execute(sql: "DETACH DATABASE export") }
            try db.inTransaction {
                try db.execute(
                    sql: """
                        CREATE TABLE export.run (
                            id INTEGER PRIMARY KEY, startedAt TEXT NOT NULL, finishedAt TEXT, rubricVersion TEXT, ignoredRobots BOOLEAN NOT NULL);
                        INSERT INTO export.run SELECT id, startedAt, finishedAt, rubricVersion, ignoredRobots FROM main.run
                            WHERE id <= :run AND finishedAt IS NOT NULL ORDER BY id;
                        CREATE TABLE export.fetch (
                            requestedURL TEXT PRIMARY KEY, finalURL TEXT NOT NULL, fetchedAt TEXT NOT NULL, httpStatus INTEGER,
                            contentType TEXT, sha256 TEXT, failureReason TEXT, failureMessage TEXT, warcFile TEXT, findings TEXT);
                        INSERT OR IGNORE INTO export.fetch SELECT requestedURL, finalURL, fetchedAt, httpStatus, contentType, sha256,
                            failureReason, failureMessage, warcFile,
                            CASE WHEN findings LIKE '@%'
                                THEN (SELECT kept.findings FROM main.fetch AS kept WHERE kept.id = CAST(substr(fetch.findings, 2) AS INTEGER))
                                ELSE findings END
                            FROM main.fetch WHERE runId = :run AND id BETWEEN
                                (SELECT firstFetchId FROM main.run WHERE id = :run) AND (SELECT lastFetchId FROM main.run WHERE id = :run)
                            ORDER BY requestedURL, id;
                        CREATE TABLE export.scorecard (
                            runId INTEGER NOT NULL, platformId TEXT NOT NULL, level TEXT NOT NULL, score INTEGER, PRIMARY KEY (runId, platformId));
                        INSERT INTO export.scorecard SELECT runId, platformId, level, score FROM main.scorecard
                            WHERE runId <= :run ORDER BY runId, platformId;
                        """, arguments: ["run": runID])
                return .commit
            }
        }
        try DatabaseQueue(path: scratch.path).inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [url.path]) }
    }
}
