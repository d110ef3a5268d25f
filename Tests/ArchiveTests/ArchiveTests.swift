import Foundation
import SovereigntyModel
import Testing
import TestSupport

@testable import Archive

/// The archive on real files: WARC members written, read back, and checked record by record.
@Suite struct ArchiveTests {
    static func record(_ url: String, body: String, status: Int = 200, failure: FetchFailure? = nil) -> FetchRecord {
        var record = FetchRecord(
            requestedURL: url, finalURL: url, httpStatus: status, contentType: "text/html; charset=utf-8", charset: "utf-8",
            primaryIP: "127.0.0.1", body: Data(body.utf8), sha256: "x", fetchedAt: Date(timeIntervalSince1970: 1_795_316_400), failure: failure)
        record.headers = ["content-type": "text/html; charset=utf-8", "content-encoding": "gzip", "etag": "\"v1\""]
        return record
    }

    @Test func storesAndReadsBackARun() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let records = [
            Self.record("http://127.0.0.1/a", body: "<p>Le site est hébergé par OVH SAS.</p>"),
            Self.record("http://127.0.0.1/b", body: "", status: 404, failure: FetchFailure(reason: .httpError, message: "HTTP 404")),
            Self.record("http://127.0.0.1/c", body: "", status: 0, failure: FetchFailure(reason: .dns, message: "host name not found")),
        ]
        let run = try archive.store(records, startedAt: Date(timeIntervalSince1970: 1_795_316_400), ignoredRobots: false, userAgent: "test")
        let back = try archive.records(ofRun: run)
        #expect(back.map(\.requestedURL) == records.map(\.requestedURL))
        #expect(back[0].body == records[0].body)
        #expect(back[0].headers == records[0].headers)
        #expect(back[0].fetchedAt == records[0].fetchedAt)
        #expect(back[1].failure?.reason == .httpError && back[1].httpStatus == 404)
        #expect(back[2].failure?.reason == .dns)
        #expect(try archive.runs().map(\.id) == [run])
        #expect(try archive.lastGood(url: "http://127.0.0.1/a", before: run + 1)?.body == records[0].body)
        #expect(try archive.lastGood(url: "http://127.0.0.1/b", before: run + 1) == nil)
    }

    @Test func warcFileIsGzipMembersOfWARCRecords() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let archive = try Archive(directory: directory.url)
        let body = "<p>Vos données sont hébergées auprès d'AWS.</p>"
        let run = try archive.store([Self.record("http://127.0.0.1/a", body: body)], startedAt: Date(), ignoredRobots: false, userAgent: "test")
        let file = try Data(contentsOf: directory.url.appendingPathComponent("run-\(run).warc.gz"))
        // Three members: warcinfo, request, response. Each decompresses alone to a WARC/1.1 record.
        var members: [WARCRecord] = []
        var rest = file
        while !rest.isEmpty {
            let next = rest.dropFirst(10).range(of: Data([0x1F, 0x8B, 0x08])).map { rest.distance(from: rest.startIndex, to: $0.lowerBound) } ?? rest.count
            let member = Data(rest.prefix(next))
            let text = try Gzip.decompress(member)
            #expect(text.starts(with: Data("WARC/1.1\r\n".utf8)))
            members.append(try #require(WARCRecord.parse(text)))
            rest = Data(rest.dropFirst(next))
        }
        #expect(members.map { $0.header("WARC-Type") } == ["warcinfo", "request", "response"])
        let response = members[2]
        #expect(response.header("WARC-Target-URI") == "http://127.0.0.1/a")
        #expect(response.header("WARC-IP-Address") == "127.0.0.1")
        #expect(response.header("WARC-Payload-Digest") == WARCRecord.digest(Data(body.utf8)))
        #expect(response.header("WARC-Block-Digest") == WARCRecord.digest(response.block))
        let http = String(decoding: response.block, as: UTF8.self)
        #expect(http.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(http.contains("X-Archive-Orig-content-encoding: gzip"), "the stored body is decoded")
        #expect(HTTPMessage.body(of: response.block) == Data(body.utf8))
    }

    @Test func base32AndDigest() {
        #expect(Base32.encode(Data("foobar".utf8)) == "MZXW6YTBOI======")
        // SHA-1 of the empty string, base32: the digest warcio computes for an empty payload.
        #expect(WARCRecord.digest(Data()) == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
    }
}
