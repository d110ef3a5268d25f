import Foundation
import GRDB
import SovereigntyModel
import Testing
import TestSupport

@testable import Archive

/// What a rerun adds to the archive when nothing changed, and what readers download: no second copy of anything.
@Suite struct ArchiveRerunTests {
    static let url = "http://127.0.0.1/a"

    static func findings() -> DocumentFindings {
        var findings = DocumentFindings(textLength: 1234)
        findings.hasLegalText = true
        return findings
    }

    /// Two runs of one page: the first reads it, the second gets a 304 and reuses the first's findings.
    static func twoRuns(in archive: Archive) throws -> (Int64, Int64) {
        var first = ArchiveTests.record(url, body: "<p>Le site est hébergé par OVH SAS.</p>")
        first.sha256 = String(repeating: "a", count: 64)
        let one = try archive.store([first], startedAt: Date(timeIntervalSince1970: 1_795_316_400), ignoredRobots: false, userAgent: "test")
        try archive.store(findings: [url: findings()], ofRun: one)
        var notModified = ArchiveTests.record(url, body: "", status: 304)
        notModified.sha256 = nil
        let writer = try archive.beginRun(startedAt: Date(timeIntervalSince1970: 1_795_402_800), ignoredRobots: false, userAgent: "test")
        #expect(try writer.append(notModified).isRevisit)
        let two = try writer.finish()
        try archive.store(reusedFindings: [url], ofRun: two)
        return (one, two)
    }

    @Test func reusedFindingsAreAReferenceToTheCopyNotASecondCopy() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let (one, two) = try Self.twoRuns(in: archive)
        let kept = try archive.index.database.read { db in
            try String.fetchAll(db, sql: "SELECT findings FROM fetch ORDER BY runId")
        }
        #expect(kept.count == 2)
        #expect(kept[1].hasPrefix("@"), "the second run names the row holding the findings: \(kept[1])")
        #expect(try archive.findings(url: Self.url, before: two + 1) == Self.findings())
        #expect(try archive.lastDocument(url: Self.url, before: two + 1) != nil, "the revisit counts as read as the document")
        let fetch = try #require(try archive.fetch(url: Self.url, ofRun: two))
        #expect(fetch.isRevisit && fetch.hasPayload)
        #expect(try archive.contents(of: fetch).body == Data("<p>Le site est hébergé par OVH SAS.</p>".utf8), "its bytes are the first copy's")
        #expect(try archive.fetch(url: Self.url, ofRun: one)?.isRevisit == false)
        // A third night's revisit forgotten then reused names the first copy, through the second's '' reference.
        var notModified = ArchiveTests.record(Self.url, body: "", status: 304)
        notModified.sha256 = nil
        let writer = try archive.beginRun(startedAt: Date(timeIntervalSince1970: 1_795_489_200), ignoredRobots: false, userAgent: "test")
        #expect(try writer.append(notModified).isRevisit)
        let three = try writer.finish()
        try archive.forgetFindings(of: [Self.url], ofRun: three)
        #expect(try archive.fetch(url: Self.url, ofRun: three)?.row.findings == nil)
        try archive.store(reusedFindings: [Self.url], ofRun: three)
        let firstID = try archive.index.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM fetchRecord WHERE runId = ?", arguments: [one]) }
        #expect(try archive.fetch(url: Self.url, ofRun: three)?.row.findings == firstID.map { "@\($0)" })
        #expect(try archive.findings(url: Self.url, before: three + 1) == Self.findings())
    }

    /// A revisit's row keeps what differs from the copy it revisits (its date, status, transfer figures) and names
    /// that copy for the rest; the view `fetch` shows it whole. The run's WARC file holds one record of its unchanged
    /// documents, not a revisit record each.
    @Test func aRevisitKeepsOnlyWhatDiffersFromItsCopy() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let (one, two) = try Self.twoRuns(in: archive)
        let (first, revisit) = try archive.index.database.read { db in
            (try #require(try Row.fetchOne(db, sql: "SELECT * FROM fetchRecord WHERE runId = ?", arguments: [one])),
             try #require(try Row.fetchOne(db, sql: "SELECT * FROM fetchRecord WHERE runId = ?", arguments: [two])))
        }
        #expect(revisit["copyOf"] as Int64? == first["id"] as Int64?)
        for shared in ["contentType", "charset", "sha256", "warcFile", "warcOffset", "warcLength", "primaryIP", "headers", "redirects", "finalUrlId"] {
            #expect((revisit[shared] as DatabaseValue).isNull, "\(shared) is the copy's")
        }
        #expect(revisit["findings"] as String? == "", "named when written, never grown after: the copy's, which `copyOf` names")
        let shown = try #require(try archive.index.database.read { db in
            try FetchRow.filter(Column("runId") == two).fetchOne(db)
        })
        let copy = try #require(try archive.index.database.read { db in try FetchRow.filter(Column("runId") == one).fetchOne(db) })
        #expect(shown.httpStatus == 304 && shown.requestedURL == Self.url && shown.finalURL == Self.url)
        #expect(shown.sha256 == copy.sha256 && shown.contentType == copy.contentType && shown.warcFile == "run-1.warc.gz")
        #expect(shown.warcOffset == copy.warcOffset && shown.headers == copy.headers && shown.primaryIP == copy.primaryIP)
        #expect(shown.findings == "@\(first["id"] as Int64)", "the view names the row holding the findings")
        #expect(try archive.findings(url: Self.url, before: two + 1) == Self.findings())

        let file = try Data(contentsOf: directory.url.appendingPathComponent("run-\(two).warc.gz"))
        let records = try Self.members(of: file)
        #expect(records.map { $0.header("WARC-Type") } == ["warcinfo", "metadata"], "no revisit record per document")
        let unchanged = String(decoding: records[1].block, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(unchanged.count == 2 && unchanged[1][1] == Substring(Self.url) && unchanged[1][2] == "server-not-modified")
        #expect(unchanged[1][4] == "", "the copy's URI is the document's own")
        #expect(unchanged[1][6] == Substring("run-1.warc.gz#\(copy.warcOffset!)"), "the record holding the payload")
        #expect(records[1].header("WARC-Block-Digest") == WARCRecord.digest(records[1].block))
    }

    /// The gzip members of a WARC file, each read as a record.
    static func members(of file: Data) throws -> [WARCRecord] {
        var members: [WARCRecord] = []
        var rest = file
        while !rest.isEmpty {
            let next = rest.dropFirst(10).range(of: Data([0x1F, 0x8B, 0x08])).map { rest.distance(from: rest.startIndex, to: $0.lowerBound) } ?? rest.count
            members.append(try #require(WARCRecord.parse(try Gzip.decompress(Data(rest.prefix(next))))))
            rest = Data(rest.dropFirst(next))
        }
        return members
    }

    /// An archive written before fetch rows were kept compact opens with the same rows, ids and findings references
    /// included, and answers the same look-ups.
    @Test func theMigrationKeepsAnOlderArchivesFetches() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("index.sqlite").path
        let older = try DatabaseQueue(path: path)
        try ArchiveIndex.migrator.migrate(older, upTo: "v9: scorecards kept as what changed")
        let columns = "runId, requestedURL, finalURL, fetchedAt, httpStatus, contentType, charset, primaryIP, sha256, redirects, headers, attempts, warcFile, warcOffset, warcLength, findings"
        let rows: [[DatabaseValueConvertible?]] = [
            [1, "http://127.0.0.1/a", "http://127.0.0.1/a/", "2026-11-21T03:00:00Z", 200, "text/html", "utf-8", "127.0.0.1", "ab", "[\"http://127.0.0.1/a\"]", "{\"etag\":\"1\"}", 1, "run-1.warc.gz", 10, 20, "{}"],
            [2, "http://127.0.0.1/a", "http://127.0.0.1/a/", "2026-11-22T03:00:00Z", 304, "text/html", "utf-8", "127.0.0.1", "ab", "[]", "{\"etag\":\"1\"}", 1, "run-1.warc.gz", 10, 20, "@1"],
        ]
        try older.write { db in
            for run in 1...2 {
                try db.execute(sql: "INSERT INTO run (id, startedAt, finishedAt, warcFile, ignoredRobots) VALUES (?, '2026-11-2\(run)T03:00:00Z', '2026-11-2\(run)T03:01:00Z', ?, 0)", arguments: [run, "run-\(run).warc.gz"])
            }
            for row in rows {
                try db.execute(sql: "INSERT INTO fetch (\(columns)) VALUES (\(rows[0].map { _ in "?" }.joined(separator: ", ")))", arguments: StatementArguments(row)!)
            }
        }
        let before = try older.read { db in try Row.fetchAll(db, sql: "SELECT id, \(columns) FROM fetch ORDER BY id") }
        try older.close()
        let archive = try Archive(directory: directory.url)
        let after = try archive.index.database.read { db in try Row.fetchAll(db, sql: "SELECT id, \(columns) FROM fetch ORDER BY id") }
        #expect(after == before)
        #expect(try archive.lastGoodRow(url: "http://127.0.0.1/a", before: 3)?.finalURL == "http://127.0.0.1/a/")
        #expect(try archive.fetch(url: "http://127.0.0.1/a", ofRun: 2)?.isRevisit == true)
        // Each run's rows found by the range of ids migration v12 gave it, without an index on the run.
        #expect(try (1...2).map { try archive.records(ofRun: Int64($0)).map(\.fetchedAt) } == [[Timestamp.date("2026-11-21T03:00:00Z")!], [Timestamp.date("2026-11-22T03:00:00Z")!]])
        #expect(try archive.index.database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func theDownloadableIndexHoldsOneRunsDocumentsAndEveryRunsLevels() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let (one, two) = try Self.twoRuns(in: archive)
        for run in [one, two] {
            try archive.store(scorecards: [ScorecardRow(runId: run, platformId: "p", level: "B", score: 60, json: String(repeating: "x", count: 10_000))])
        }
        let export = directory.url.appendingPathComponent("export.sqlite")
        try archive.exportCompactIndex(upTo: two, to: export)
        let database = try DatabaseQueue(path: export.path)
        try database.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fetch") == 1, "this run's fetches only")
            let json = try #require(try String.fetchOne(db, sql: "SELECT findings FROM fetch"))
            #expect(try JSONDecoder().decode(DocumentFindings.self, from: Data(json.utf8)) == Self.findings(), "references are resolved")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scorecard") == 2)
            #expect(try db.columns(in: "scorecard").map(\.name) == ["runId", "platformId", "level", "score"], "levels, not the whole scorecards")
        }
        // The working index keeps each scorecard compressed, and gives it back whole.
        #expect(try archive.scorecards(ofRun: two).map(\.json) == [String(repeating: "x", count: 10_000)])
        let stored = try archive.index.database.read { db in try Int.fetchOne(db, sql: "SELECT SUM(LENGTH(jsonGzip) + LENGTH(json)) FROM scorecard") }
        #expect((stored ?? .max) < 1_000, "10 000 bytes of JSON twice, gzipped")
        // The same run exported twice is the same file: `report` republishes byte for byte what the crawl published.
        let again = directory.url.appendingPathComponent("again.sqlite")
        try archive.exportCompactIndex(upTo: two, to: again)
        #expect(try Data(contentsOf: export) == Data(contentsOf: again))
        // An older run's export leaves out what came after it.
        try archive.exportCompactIndex(upTo: one, to: again)
        try DatabaseQueue(path: again.path).read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scorecard") == 1)
        }
    }

    /// Runs that read the same input files keep their text once: the first run holds it, later ones its digest, and
    /// every run reads its inputs back whole (`report` judges an old run with them).
    @Test func anUnchangedInputIsKeptOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let list = String(repeating: "- id: p\n", count: 1_000)
        let runs = try ["a: 1\n", "a: 1\n", "a: 2\n"].enumerated().map { night, providers in
            let inputs = [
                ArchivedInput(role: "platforms", path: "platforms.yml", text: list),
                ArchivedInput(role: "providers", path: "providers.yml", text: providers),
                ArchivedInput(role: "corrections", path: "corrections.yml", text: nil),
            ]
            return (inputs, try archive.store([], startedAt: Date(timeIntervalSince1970: 1_795_316_400 + Double(night) * 86_400), ignoredRobots: false, userAgent: "t", inputs: inputs))
        }
        for (inputs, run) in runs { #expect(try archive.inputs(ofRun: run) == inputs.sorted { $0.role < $1.role }) }
        let texts = try archive.index.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runInput WHERE text IS NOT NULL") }
        #expect(texts == 3, "the list once, each version of the providers once; a missing file stays missing")
    }

    /// An archive written before inputs were kept once drops its repeated copies when opened, and reads the same.
    @Test func theMigrationDropsRepeatedInputsOfAnOlderArchive() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("index.sqlite").path
        let older = try DatabaseQueue(path: path)
        try ArchiveIndex.migrator.migrate(older, upTo: "v7: scorecards kept compressed")
        try older.write { db in
            for run in 1...3 {
                try db.execute(sql: "INSERT INTO run (id, startedAt, finishedAt, warcFile, ignoredRobots) VALUES (?, '2026-11-2\(run)T03:00:00Z', '2026-11-2\(run)T03:01:00Z', ?, 0)", arguments: [run, "run-\(run).warc.gz"])
                let text = run == 3 ? "b" : "a"
                try db.execute(sql: "INSERT INTO runInput (runId, role, path, text, sha256) VALUES (?, 'platforms', 'p.yml', ?, ?)", arguments: [run, text, WARCRecord.digest(Data(text.utf8))])
            }
        }
        try older.close()
        let archive = try Archive(directory: directory.url)
        #expect(try (1...3).map { try archive.inputs(ofRun: Int64($0)).first?.text } == ["a", "a", "b"])
        let texts = try archive.index.database.read { db in try String.fetchAll(db, sql: "SELECT coalesce(text, '-') FROM runInput ORDER BY runId") }
        #expect(texts == ["a", "-", "b"])
        #expect(try archive.index.database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    /// A scorecard that differs from the platform's latest whole one by a date is kept as the token that changed; one
    /// with an entry more as raw deflate against it; one that changed most of its text whole again, and the next ones
    /// against it. Each reads back whole.
    @Test func anUnchangedScorecardIsKeptAsWhatChanged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let body = (0..<200).map { "{\"quote\":\"phrase \($0) sur l'hébergement \\\"cité\\\"\"}" }.joined(separator: ",")
        let jsons = [
            "{\"attemptedAt\":\"2026-11-21\",\"e\":[\(body)]}", "{\"attemptedAt\":\"2026-11-22\",\"e\":[\(body)]}",
            "{\"attemptedAt\":\"2026-11-23\",\"e\":[\(body),{\"quote\":\"une de plus\"}]}",
            String(repeating: "z", count: 4_000) + (0..<300).map { String($0 * 7919 % 1000) }.joined(), "{\"attemptedAt\":\"2026-11-25\",\"e\":[\(body)]}",
        ]
        for (night, json) in jsons.enumerated() {
            let run = try archive.store([], startedAt: Date(timeIntervalSince1970: 1_795_316_400 + Double(night) * 86_400), ignoredRobots: false, userAgent: "t")
            #expect(run == Int64(night + 1))
            try archive.store(scorecards: [ScorecardRow(runId: run, platformId: "p", level: "B", score: 60, json: json)])
        }
        for (night, json) in jsons.enumerated() { #expect(try archive.scorecards(ofRun: Int64(night + 1)).map(\.json) == [json]) }
        let kept = try archive.index.database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT jsonGzip IS NOT NULL AS whole, baseRunId, jsonDelta IS NOT NULL AS delta, length(jsonPatch) AS patch FROM scorecard ORDER BY runId")
        }
        // The last is against the latest whole one (the fourth, unlike it): whole again.
        #expect(kept.map { $0["whole"] as Bool } == [true, false, false, true, true])
        #expect(kept.map { $0["baseRunId"] as Int64? } == [nil, 1, 1, nil, nil])
        #expect(kept.map { $0["delta"] as Bool } == [false, false, true, false, false])
        // The changed date and where it goes, not the whole scorecard.
        #expect((kept[1]["patch"] as Int?) ?? .max < 40)
        #expect(kept.enumerated().allSatisfy { $0.offset == 1 || $0.element["patch"] as Int? == nil })
    }

    /// The judge's look-ups for a batch of URLs answer as the look-ups of one URL at a time: the run's fetch of each,
    /// a URL the run did not fetch left out, and the findings kept for a revisit's copy.
    @Test func batchedLookUpsAnswerAsOneAtATime() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let (one, two) = try Self.twoRuns(in: archive)
        let missing = "http://127.0.0.1/never-fetched"
        for run in [one, two] {
            let fetches = try archive.fetches(urls: [Self.url, missing, Self.url], ofRun: run)
            #expect(fetches.keys.sorted() == [Self.url])
            let single = try #require(try archive.fetch(url: Self.url, ofRun: run))
            #expect(fetches[Self.url]?.record == single.record && fetches[Self.url]?.isRevisit == single.isRevisit)
            #expect(fetches[Self.url]?.hasPayload == single.hasPayload && fetches[Self.url]?.hasRendering == single.hasRendering)
        }
        let kept = try archive.findingsJSON(urls: [Self.url, missing], before: two + 1)
        #expect(kept.keys.sorted() == [Self.url])
        #expect(kept[Self.url].flatMap(Archive.decodeFindings) == Self.findings())
        #expect(try archive.findingsJSON(urls: [Self.url], before: one).isEmpty, "no copy before the first run")
    }

    /// A run of more platforms than one batch of unpacking reads back whole, in platform order, each one as kept.
    @Test func aRunsScorecardsReadBackInOrderAcrossBatches() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let ids = (0..<600).map { String(format: "p%04d", $0) }
        var nights: [[String]] = []
        for night in 0..<2 {
            let date = Date(timeIntervalSince1970: 1_795_316_400 + Double(night) * 86_400)
            let run = try archive.store([], startedAt: date, ignoredRobots: false, userAgent: "t")
            let phrases = (0..<40).map { "\"phrase \($0)\"" }.joined(separator: ",")
            let jsons = ids.map { id in "{\"attemptedAt\":\"2026-11-2\(night)\",\"id\":\"\(id)\",\"e\":[\(phrases)]}" }
            try archive.store(scorecards: zip(ids, jsons).map { ScorecardRow(runId: run, platformId: $0, level: "B", score: 60, json: $1) })
            nights.append(jsons)
        }
        #expect(try archive.scorecards(ofRun: 1).map(\.json) == nights[0])
        #expect(try archive.scorecards(ofRun: 2).map(\.json) == nights[1])
        #expect(try archive.scorecards(ofRun: 2).map(\.platformId) == ids)
        let patched = try archive.index.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scorecard WHERE jsonPatch IS NOT NULL") }
        #expect(patched == ids.count, "the second night is kept as what changed")
    }

    /// A run's scorecards are read a page at a time and handed over outside the read: the history, read while the
    /// next run is archived, never holds the index for a whole run (a write from inside the loop would not be
    /// allowed by a read still open).
    @Test func scorecardsAreHandedOverOutsideTheRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let ids = (0..<(Archive.scorecardPage * 2 + 3)).map { String(format: "p%04d", $0) }
        let first = try archive.store([], startedAt: Date(timeIntervalSince1970: 1_795_316_400), ignoredRobots: false, userAgent: "t")
        try archive.store(scorecards: ids.map { ScorecardRow(runId: first, platformId: $0, level: "B", score: 60, json: "{\"id\":\"\($0)\"}") })
        let second = try archive.store([], startedAt: Date(timeIntervalSince1970: 1_795_402_800), ignoredRobots: false, userAgent: "t")
        var read: [String] = []
        try archive.forEachScorecard(ofRun: first) { row in
            read.append(row.platformId)
            try archive.store(scorecards: [ScorecardRow(runId: second, platformId: row.platformId, level: "C", score: 40, json: row.json)])
        }
        #expect(read == ids)
        #expect(try archive.scorecards(ofRun: second).map(\.platformId) == ids)
    }

    /// A patch gives back its text byte for byte, escapes and non-ASCII characters included, and is refused for a
    /// text whose tokens do not line up with the base's.
    @Test func aTokenPatchGivesBackItsText() throws {
        let base = Data(#"{"a":"x \"y\" é","b":[1,2,true],"c":null,"d":"u"}"#.utf8)
        let text = Data(#"{"a":"x \"z\" è","b":[1,3,false],"c":null,"d":"ü"}"#.utf8)
        let patch = try #require(try JSONTokenPatch.make(text, against: base))
        #expect(try JSONTokenPatch.apply(patch, to: base) == text)
        #expect(try JSONTokenPatch.make(Data(#"{"a":"x","b":[1,2,true],"c":null,"d":1}"#.utf8), against: base) == nil)
        #expect(try JSONTokenPatch.make(base, against: base).map { try JSONTokenPatch.apply($0, to: base) } == base)
        #expect(throws: (any Error).self) { try JSONTokenPatch.apply(patch, to: Data("{}".utf8)) }
    }

    /// Scorecards an archive kept as raw deflate before patches (migration v11) read back the same, and the next
    /// run's scorecard is kept against the same whole one.
    @Test func scorecardsKeptBeforePatchesReadTheSame() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("index.sqlite").path
        let older = try DatabaseQueue(path: path)
        try ArchiveIndex.migrator.migrate(older, upTo: "v10: fetches kept compact")
        let jsons = (1...2).map { "{\"attemptedAt\":\"2026-11-2\($0)\",\"e\":[\((0..<100).map { "\"phrase \($0)\"" }.joined(separator: ","))]}" }
        try older.write { db in
            for run in 1...2 {
                try db.execute(sql: "INSERT INTO run (id, startedAt, finishedAt, warcFile, ignoredRobots) VALUES (?, '2026-11-2\(run)T03:00:00Z', '2026-11-2\(run)T03:01:00Z', ?, 0)", arguments: [run, "run-\(run).warc.gz"])
            }
            let base = Data(jsons[0].utf8)
            try db.execute(sql: "INSERT INTO scorecard (runId, platformId, level, score, json, jsonGzip) VALUES (1, 'p', 'B', 60, '', ?)", arguments: [try Gzip.compress(base)])
            try db.execute(
                sql: "INSERT INTO scorecard (runId, platformId, level, score, json, jsonDelta, baseRunId) VALUES (2, 'p', 'B', 60, '', ?, 1)",
                arguments: [try DeltaDeflate.compress(Data(jsons[1].utf8), against: base)])
        }
        try older.close()
        let archive = try Archive(directory: directory.url)
        #expect(try archive.scorecards(ofRun: 1).map(\.json) == [jsons[0]])
        #expect(try archive.scorecards(ofRun: 2).map(\.json) == [jsons[1]])
        let third = try archive.store([], startedAt: Date(timeIntervalSince1970: 1_795_489_200), ignoredRobots: false, userAgent: "t")
        let json = jsons[1].replacingOccurrences(of: "2026-11-22", with: "2026-11-23")
        try archive.store(scorecards: [ScorecardRow(runId: third, platformId: "p", level: "B", score: 60, json: json)])
        #expect(try archive.scorecards(ofRun: third).map(\.json) == [json])
        #expect(try archive.index.database.read { db in try Int64.fetchOne(db, sql: "SELECT baseRunId FROM scorecard WHERE jsonPatch IS NOT NULL") } == 1)
        #expect(try archive.index.database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    /// The published index export is gzipped a megabyte at a time: one member that unpacks to the file, the same
    /// bytes each time (`report` republishes the crawl's file byte for byte).
    @Test func aFileIsGzippedInPiecesIntoOneMember() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let source = directory.url.appendingPathComponent("index.sqlite")
        var bytes = Data()
        for line in 0..<120_000 { bytes.append(Data("row \(line * 7919 % 100_003)\n".utf8)) }
        #expect(bytes.count > 1 << 20, "more than one piece")
        try bytes.write(to: source)
        let (one, two) = (directory.url.appendingPathComponent("1.gz"), directory.url.appendingPathComponent("2.gz"))
        try Gzip.compress(file: source, to: one)
        try Gzip.compress(file: source, to: two)
        #expect(try Data(contentsOf: one) == Data(contentsOf: two))
        #expect(try Gzip.decompress(Data(contentsOf: one)) == bytes)
    }
}

