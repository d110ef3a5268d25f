import Extractor
import Foundation
import InputFiles
import PDFText
import Pipeline
import SovereigntyModel
import Testing
import TestSupport

/// Documents built to make the extract step work for minutes: each one is read in time linear in its size, or given
/// up with its reason.
@Suite struct HostileDocumentTests {
    let reader: DocumentReader

    init() throws {
        reader = DocumentReader(extractor: Extractor(catalog: try ProviderList.load(path: Fixtures.providers)))
    }

    static func record(_ body: Data, contentType: String) -> FetchRecord {
        FetchRecord(
            requestedURL: "http://127.0.0.1/doc", finalURL: "http://127.0.0.1/doc", httpStatus: 200, contentType: contentType, body: body,
            fetchedAt: Date(timeIntervalSince1970: 1_795_000_000))
    }

    /// The reader's time for one document, and what it read.
    func timedRead(_ body: Data, contentType: String) -> (snapshot: DocumentSnapshot, seconds: Double) {
        let reference = DocumentReference(url: "http://127.0.0.1/doc", kind: .privacyPolicy)
        let start = DispatchTime.now().uptimeNanoseconds
        let snapshot = reader.read(reference, fetch: Self.record(body, contentType: contentType))
        return (snapshot, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// 60 full-width lines a page, each ending in a full stop: the shape that made one paragraph of a whole PDF and
    /// rebuilt it line by line (50 pages took 40 s, 200 pages would take ten minutes). Four times the pages must take
    /// well under sixteen times as long; the bound is loose, for a busy machine.
    @Test(.timeLimit(.minutes(1))) func longTextPDFIsReadInLinearTime() throws {
        let closing = "Les donnees de sante sont hebergees par OVH SAS a Roubaix."
        let (small, smallSeconds) = timedRead(TextPDF.make(pages: 50, closing: closing), contentType: "application/pdf")
        let (large, largeSeconds) = timedRead(TextPDF.make(pages: 200, closing: closing), contentType: "application/pdf")
        for snapshot in [small, large] {
            let findings = try #require(snapshot.findings, "\(snapshot.failure?.message ?? "")")
            #expect(findings.hosts.map(\.providerID) == ["ovhcloud"], "the last line of the last page was read")
        }
        #expect(try #require(large.findings).textLength > 3 * (try #require(small.findings).textLength))
        #expect(largeSeconds < 8 * smallSeconds + 2, "50 pages: \(smallSeconds) s, 200 pages: \(largeSeconds) s")
    }

    /// `pdftotext` has a wall-time bound: a program that does not finish in it is stopped, and the document fails
    /// with that reason (a timeout, kept apart from unreadable content) while the night goes on.
    @Test(.timeLimit(.minutes(1))) func pdftotextPastItsTimeIsStopped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let slow = try directory.write("pdftotext", "#!/bin/sh\nexec sleep 30\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow)
        let converter = PDFTextConverter(executable: slow, timeout: 0.5)
        let start = Date()
        let result = converter.text(from: TextPDF.make(pages: 1))
        #expect(Date().timeIntervalSince(start) < 5, "stopped soon after its time")
        #expect(result == .failure(.timedOut(seconds: 0.5)))

        let reader = DocumentReader(extractor: Extractor(catalog: try ProviderList.load(path: Fixtures.providers)), pdf: converter)
        let snapshot = reader.read(
            DocumentReference(url: "http://127.0.0.1/doc", kind: .privacyPolicy), fetch: Self.record(TextPDF.make(pages: 1), contentType: "application/pdf"))
        #expect(snapshot.findings == nil)
        #expect(snapshot.failure?.reason == .timeout)
        #expect(snapshot.failure?.message == "pdftotext ran for more than 0.5 s and was stopped")
    }
}
