import Extractor
import Foundation
import InputFiles
import PDFText
import Pipeline
import SovereigntyModel
import Testing
import TestSupport

/// A clock that moves on by `step` seconds each time it is read: a budget then runs out after a known number of looks,
/// whatever the machine's speed.
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0.0
    private let step: Double

    init(step: Double) { self.step = step }

    func read() -> Double {
        lock.withLock {
            now += step
            return now
        }
    }
}

/// Every document has a budget (time, `pdftotext` included, and text size): past it, it is recorded as failed with
/// that reason, and the next document is read.
@Suite struct DocumentBudgetTests {
    let extractor: Extractor

    init() throws {
        extractor = Extractor(catalog: try ProviderList.load(path: Fixtures.providers))
    }

    func read(_ body: Data, contentType: String, budget: DocumentBudget) -> DocumentSnapshot {
        let reader = DocumentReader(extractor: extractor, budget: budget)
        return reader.read(
            DocumentReference(url: "http://127.0.0.1/doc", kind: .legalNotice),
            fetch: HostileDocumentTests.record(body, contentType: contentType))
    }

    static let longPage = Data(
        ("<h1>Mentions légales</h1>" + (1...200).map { "<p>Article \($0). Le site est hébergé par OVH SAS à Roubaix, en France.</p>" }.joined()).utf8)

    @Test func aDocumentPastItsTimeIsRecordedAsFailedWithTheReason() {
        let clock = SteppingClock(step: 1)
        let snapshot = read(Self.longPage, contentType: "text/html", budget: DocumentBudget(seconds: 20, clock: { clock.read() }))
        #expect(snapshot.findings == nil)
        #expect(snapshot.failure == FetchFailure(reason: .timeout, message: "extraction took longer than 20 s: given up"))

        let within = read(Self.longPage, contentType: "text/html", budget: DocumentBudget(seconds: 20))
        #expect(within.findings?.hosts.map(\.providerID) == ["ovhcloud"], "the same page, in a real second")
    }

    @Test func textOverTheCapIsNotRead() {
        let snapshot = read(Self.longPage, contentType: "text/html", budget: DocumentBudget(maximumTextBytes: 10_000))
        #expect(snapshot.findings == nil)
        #expect(snapshot.failure?.reason == .tooLarge)
        #expect(snapshot.failure?.message == "the text is 14 KB, over the 10 KB the rules read: not read")
    }

    @Test(.timeLimit(.minutes(1))) func aPDFWhoseTextIsOverTheCapIsStoppedAsItComes() {
        let snapshot = read(TextPDF.make(pages: 20), contentType: "application/pdf", budget: DocumentBudget(maximumTextBytes: 20_000))
        #expect(snapshot.findings == nil)
        #expect(snapshot.failure == FetchFailure(reason: .tooLarge, message: "the text is over the 20 KB the rules read: not read"))
    }

    /// `pdftotext` gets what is left of the document's budget, not its own minute: a slow one is stopped at the budget.
    @Test(.timeLimit(.minutes(1))) func pdftotextGetsWhatIsLeftOfTheBudget() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let slow = try directory.write("pdftotext", "#!/bin/sh\nexec sleep 30\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow)
        let reader = DocumentReader(extractor: extractor, pdf: PDFTextConverter(executable: slow), budget: DocumentBudget(seconds: 0.5))
        let start = Date()
        let snapshot = reader.read(
            DocumentReference(url: "http://127.0.0.1/doc", kind: .legalNotice),
            fetch: HostileDocumentTests.record(TextPDF.make(pages: 1), contentType: "application/pdf"))
        #expect(Date().timeIntervalSince(start) < 15, "well under the 30 s the program would run (a loaded machine is slow, not that slow)")
        #expect(snapshot.failure == FetchFailure(reason: .timeout, message: "extraction took longer than 0.5 s: given up"))
    }
}
