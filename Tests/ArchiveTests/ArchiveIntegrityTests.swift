import Foundation
import GRDB
import SovereigntyModel
import Testing
import TestSupport

@testable import Archive

/// History and integrity on real files: damaged WARC records are named and never reused, a damaged index is refused
/// before anything is written, and no run ever overwrites an archived file.
@Suite struct ArchiveIntegrityTests {
    static let night = Date(timeIntervalSince1970: 1_795_316_400)

    /// Where the index says a URL's response record of a run is.
    static func place(of url: String, run: Int64, in directory: TemporaryDirectory) throws -> (file: String, offset: Int64, length: Int64) {
        let row = try DatabaseQueue(path: directory.path("index.sqlite")).read { db in
            try FetchRow.filter(Column("runId") == run && Column("requestedURL") == url).fetchOne(db)
        }
        let found = try #require(row)
        return (try #require(found.warcFile), try #require(found.warcOffset), try #require(found.warcLength))
    }

    enum Damage: String, CaseIterable, CustomStringConvertible {
        /// The file cut inside the record, as a full disk or a killed copy leaves it.
        case truncated
        /// One bit flipped in the middle of the record's compressed bytes.
        case bitFlipped

        var description: String { rawValue }

        func apply(to file: URL, offset: Int64, length: Int64) throws {
            var data = try Data(contentsOf: file)
            switch self {
            case .truncated: data = data.prefix(Int(offset + length / 2))
            case .bitFlipped: data[Int(offset + length / 2)] ^= 0x10
            }
            try data.write(to: file)
        }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedRecordIsNamedAndNeverReused(damage: Damage) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let (a, b) = ("http://127.0.0.1/a", "http://127.0.0.1/b")
        let first = try archive.store(
            [ArchiveTests.record(a, body: "<p>Hébergé par OVH SAS.</p>"), ArchiveTests.record(b, body: "<p>Hébergé par Scaleway.</p>")],
            startedAt: Self.night, ignoredRobots: false, userAgent: "test")
        // b's response is the last record of the file: a truncation there leaves a's whole.
        let place = try Self.place(of: b, run: first, in: directory)
        try damage.apply(to: directory.url.appendingPathComponent(place.file), offset: place.offset, length: place.length)

        // The run reads back, b as a failure that names the file, the byte offset and the URL.
        let back = try archive.records(ofRun: first)
        #expect(back[0].failure == nil && back[0].body == Data("<p>Hébergé par OVH SAS.</p>".utf8))
        let failure = try #require(back[1].failure)
        #expect(failure.reason == .archiveDamaged)
        #expect(failure.message.contains(directory.path(place.file)) && failure.message.contains("at byte \(place.offset)"), "\(failure.message)")
        #expect(failure.message.contains(b), "\(failure.message)")
        #expect(failure.message.contains(damage == .truncated ? "truncated" : "corrupt"), "\(failure.message)")

        // No conditional request for b: its copy is damaged, and named.
        let validators = try archive.validators(for: [a, b])
        #expect(Set(validators.byURL.keys) == [a])
        #expect(validators.unreadable.map(\.description) == [failure.message])

        // The same bytes the next night: a full response record in the new file, not a revisit of the damaged one;
        // a's unchanged copy is a revisit of the first night's record, which reads.
        let second = try archive.store(
            [ArchiveTests.record(a, body: "<p>Hébergé par OVH SAS.</p>"), ArchiveTests.record(b, body: "<p>Hébergé par Scaleway.</p>")],
            startedAt: Self.night.addingTimeInterval(86_400), ignoredRobots: false, userAgent: "test")
        #expect(try Self.place(of: a, run: second, in: directory).file == "run-1.warc.gz")
        #expect(try Self.place(of: b, run: second, in: directory).file == "run-2.warc.gz")
        let fresh = try archive.records(ofRun: second)
        #expect(fresh.map(\.failure) == [nil, nil])
        #expect(fresh[1].body == Data("<p>Hébergé par Scaleway.</p>".utf8))
    }

    /// A 304 for a URL whose archived copy is damaged has nothing to point at: it is a failure, never a revisit.
    @Test func aNotModifiedAnswerNeverPointsAtADamagedRecord() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let url = "http://127.0.0.1/a"
        let first = try archive.store([ArchiveTests.record(url, body: "<p>Hébergé par OVH SAS.</p>")], startedAt: Self.night, ignoredRobots: false, userAgent: "t")
        let place = try Self.place(of: url, run: first, in: directory)
        try Damage.bitFlipped.apply(to: directory.url.appendingPathComponent(place.file), offset: place.offset, length: place.length)
        var notModified = ArchiveTests.record(url, body: "", status: 304)
        notModified.sha256 = nil
        let second = try archive.store([notModified], startedAt: Self.night.addingTimeInterval(86_400), ignoredRobots: false, userAgent: "t")
        let record = try #require(try archive.records(ofRun: second).first)
        #expect(record.failure?.reason == .httpError, "\(String(describing: record.failure))")
    }

    /// The issue's case: SQLite writes a new run into a file whose other pages are damaged. The index is checked
    /// first; the error names the file, and neither the index nor the folder changes.
    @Test func aDamagedIndexIsRefusedBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let records = (1...40).map { ArchiveTests.record("http://127.0.0.1/\($0)", body: "<p>page \($0)</p>") }
        _ = try archive.store(records, startedAt: Self.night, ignoredRobots: false, userAgent: "t")
        let path = directory.path("index.sqlite")
        let (page, pageSize) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'fetchRecord'")!,
             try Int.fetchOne(db, sql: "PRAGMA page_size")!)
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.replaceSubrange((page - 1) * pageSize..<(page - 1) * pageSize + 64, with: Data(repeating: 0xFF, count: 64))
        try bytes.write(to: URL(fileURLWithPath: path))
        let copy = directory.url.appendingPathComponent("damaged-copy.sqlite")
        try bytes.write(to: copy)

        // Unchecked, SQLite takes a new run into this file (the run table's pages are whole).
        try DatabaseQueue(path: copy.path).write { db in
            try db.execute(sql: "INSERT INTO run (startedAt, warcFile, ignoredRobots) VALUES ('x', '', 0)")
        }

        let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
        do {
            _ = try Archive(directory: directory.url)
            Issue.record("a damaged index was opened")
        } catch let error as ArchiveError {
            guard case .damagedIndex(let file, let problems) = error else { throw error }
            #expect(file == path)
            #expect(!problems.isEmpty && problems != ["ok"])
            #expect(error.description.contains(path) && error.description.contains("nothing was written"), "\(error)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "the index is left as it was")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == files)
    }

    /// An index emptied (or deleted) beside the WARC files it numbered: the next run takes the next free number.
    @Test func anEmptiedIndexNeverOverwritesAnArchivedFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let archive = try Archive(directory: directory.url)
            for night in 0..<2 {
                _ = try archive.store(
                    [ArchiveTests.record("http://127.0.0.1/a", body: "<p>night \(night)</p>")], startedAt: Self.night.addingTimeInterval(Double(night) * 86_400),
                    ignoredRobots: false, userAgent: "t")
            }
        }
        let history = try (1...2).map { try Data(contentsOf: directory.url.appendingPathComponent("run-\($0).warc.gz")) }
        try Data().write(to: directory.url.appendingPathComponent("index.sqlite"))

        let archive = try Archive(directory: directory.url)
        let numbering = try archive.numbering()
        #expect(numbering == RunNumbering(indexed: 0, onDisk: 2) && numbering.indexIsBehind)
        #expect(numbering.notice(index: archive.indexPath, folder: directory.url.path).contains("started afresh or rebuilt"))
        let run = try archive.store(
            [ArchiveTests.record("http://127.0.0.1/a", body: "<p>night 3</p>")], startedAt: Self.night.addingTimeInterval(2 * 86_400),
            ignoredRobots: false, userAgent: "t")
        #expect(run == 3)
        #expect(try (1...2).map { try Data(contentsOf: directory.url.appendingPathComponent("run-\($0).warc.gz")) } == history)
        #expect(try archive.records(ofRun: 3).first?.body == Data("<p>night 3</p>".utf8))
        #expect(try archive.runs().map(\.id) == [3])
        #expect(try !archive.numbering().indexIsBehind)
    }

    /// Whatever number a run is given, an existing file is never opened for writing.
    @Test func aRunFileIsCreatedExclusively() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("run-1.warc.gz")
        try Data("older history".utf8).write(to: file)
        let error = #expect(throws: ArchiveError.self) { _ = try Archive.createExclusively(file) }
        #expect(error?.description == "\(file.path) already exists: an archived run is never overwritten")
        #expect(try Data(contentsOf: file) == Data("older history".utf8))
    }

    @Test(arguments: [
        ([], 0, 1),
        (["run-1.warc.gz", "run-2.warc.gz"], 2, 3),
        (["run-1.warc.gz", "run-7.warc.gz", "index.sqlite"], 0, 8),
        (["run-3.warc.gz"], 5, 6),
        (["run-x.warc.gz", "run-.warc.gz", "run-4.warc.gz.partial", "run-٣.warc.gz", "notes-9.warc.gz"], 1, 2),
    ] as [([String], Int64, Int64)])
    func theNextRunIsPastTheIndexAndTheFiles(files: [String], indexed: Int64, next: Int64) {
        #expect(RunNumbering(indexed: indexed, fileNames: files).next == next)
    }
}
