import Foundation
import GRDB
import Testing
import TestSupport

@testable import Archive

/// Every statement the archive runs once per document is answered through an index, never by scanning `fetch`:
/// a scan per document makes a run of thousands of documents quadratic.
@Suite struct ArchiveIndexTests {
    @Test(arguments: ArchiveIndex.perDocumentQueries.indices)
    func perDocumentQueryUsesAnIndex(_ position: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = try ArchiveIndex(path: directory.url.appendingPathComponent("index.sqlite").path)
        let (sql, arguments) = ArchiveIndex.perDocumentQueries[position]
        let plan = try index.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
        let onFetch = plan.filter { $0.contains(" fetch") || $0.contains(" scorecard") }
        #expect(!onFetch.isEmpty, "\(sql): \(plan)")
        #expect(onFetch.allSatisfy { $0.hasPrefix("SEARCH") && ($0.contains("INDEX") || $0.contains("PRIMARY KEY")) }, "\(sql): \(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(sql) sorts: \(plan)")
    }

    @Test func theIndexOnRunAndURLIsAMigration() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = try ArchiveIndex(path: directory.url.appendingPathComponent("index.sqlite").path)
        // Since v10 the rows are in `fetchRecord`, their URLs by id (`fetch` is a view of them).
        let columns = try index.database.read { db in try db.indexes(on: "fetchRecord").map(\.columns) }
        #expect(columns.contains(["urlId", "runId"]))
        #expect(!columns.contains(["urlId"]), "the index on the URL alone is made redundant")
    }
}
