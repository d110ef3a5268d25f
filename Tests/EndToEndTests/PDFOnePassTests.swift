import Extractor
import Foundation
import InputFiles
import PDFText
import SovereigntyModel
import Testing
import TestSupport

/// A PDF is read with one run of `pdftotext -bbox-layout`: the prose text taken from its word positions must be the
/// text `pdftotext` prints without options, so that quotes and paragraphs stay what they were.
@Suite struct PDFOnePassTests {
    static let fixtures = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Accuracy/Fixtures")

    static func documents() throws -> [(name: String, pdf: Data)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".pdf") }.sorted()
        return try files.map { ($0, try Data(contentsOf: fixtures.appendingPathComponent($0))) }
            + [("text PDF", TextPDF.make(pages: 3, closing: "Les donnees sont hebergees par OVH SAS a Roubaix."))]
    }

    @Test func textFromBoxesIsPdftotextsText() throws {
        let converter = PDFTextConverter()
        let documents = try Self.documents()
        #expect(documents.count >= 3)
        for (name, pdf) in documents {
            let text = try converter.text(from: pdf).get()
            let boxes = try converter.boxes(from: pdf).get()
            #expect(Extractor.pdfText(boxes: boxes) == text, "\(name)")
        }
    }

    /// Both ways of reading a PDF find the same: the tables come from the same word positions.
    @Test func findingsFromBoxesAlone() throws {
        let converter = PDFTextConverter()
        let extractor = Extractor(catalog: try ProviderList.load(path: Fixtures.providers))
        for (name, pdf) in try Self.documents() {
            let boxes = try converter.boxes(from: pdf).get()
            let twoRuns = extractor.extract(
                pdfText: try converter.text(from: pdf).get(), boxes: boxes, url: "http://127.0.0.1/doc.pdf", fetchedAt: "2026-11-22T03:00:00Z")
            let oneRun = extractor.extract(pdfBoxes: boxes, url: "http://127.0.0.1/doc.pdf", fetchedAt: "2026-11-22T03:00:00Z")
            #expect(oneRun == twoRuns, "\(name)")
            #expect(!oneRun.hosts.isEmpty, "\(name)")
        }
    }

    /// A scan has no words: its bbox XHTML (a head with a title, empty pages) is no text.
    @Test func aPageWithoutWordsIsNoText() {
        let empty = #"<html><head><title>Scan 2024</title></head><body><doc><page width="595" height="842"></page></doc></body></html>"#
        #expect(!PDFTextConverter.wordsHaveLetters(empty))
        #expect(PDFTextConverter.wordsHaveLetters(empty.replacingOccurrences(of: "</page>", with: "<word>Texte</word></page>")))
        #expect(PDFTextConverter.wordsHaveLetters(empty.replacingOccurrences(of: "</page>", with: "<word>été</word></page>")))
        #expect(!PDFTextConverter.wordsHaveLetters(empty.replacingOccurrences(of: "</page>", with: "<word>12</word></page>")))
    }
}
