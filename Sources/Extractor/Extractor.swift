import Foundation
import SovereigntyModel

/// Bytes of a legal page in, findings with verbatim evidence out. No I/O.
public struct Extractor: Sendable {
    private let matcher: ProviderMatcher

    public init(catalog: ProviderCatalog) {
        self.matcher = ProviderMatcher(catalog: catalog)
    }

    /// - Parameters:
    ///   - charset: the HTTP header's charset, when it gave one; otherwise the page's `<meta>` decides.
    ///   - url: the address the quotes are attributed to.
    ///   - fetchedAt: ISO 8601 time of the fetch, carried into every piece of evidence.
    public func extract(html: Data, charset: String?, url: String, fetchedAt: String) -> DocumentFindings {
        let blocks = HTMLTextReader.blocks(html: html, charset: charset)
        return extract(blocks: blocks, url: url, fetchedAt: fetchedAt)
    }

    /// The same, within a document's budget: the text handed to the rules is measured before they run, the time
    /// between blocks and lines. libxml2's parse itself is linear and bounded by the fetcher's cap on the body.
    /// - Throws: the part of the budget that ran out.
    public func extract(
        html: Data, charset: String?, url: String, fetchedAt: String, budget: DocumentBudget.Meter
    ) throws(DocumentBudget.Exceeded) -> DocumentFindings {
        let blocks = HTMLTextReader.blocks(html: html, charset: charset)
        try budget.check()
        return try extract(blocks: blocks, url: url, fetchedAt: fetchedAt, budget: budget)
    }

    /// Findings of a PDF turned into text by `pdftotext`: the reading-order text for prose, and for the tables the
    /// word positions (`-bbox-layout`) when given.
    public func extract(pdfText text: String, boxes: String? = nil, url: String, fetchedAt: String) -> DocumentFindings {
        extract(blocks: PlainTextReader.blocks(text: text, boxes: boxes), url: url, fetchedAt: fetchedAt)
    }

    /// Findings of a PDF from one run of `pdftotext -bbox-layout`: its word positions give the prose (the text
    /// `pdftotext` prints without options) and the tables.
    public func extract(pdfBoxes xhtml: String, url: String, fetchedAt: String) -> DocumentFindings {
        extract(blocks: PlainTextReader.blocks(boxes: BoxLayout(xhtml: xhtml)), url: url, fetchedAt: fetchedAt)
    }

    /// The same, within a document's budget: the text is measured before the rules read it.
    /// - Throws: the part of the budget that ran out.
    public func extract(pdfBoxes xhtml: String, url: String, fetchedAt: String, budget: DocumentBudget.Meter) throws(DocumentBudget.Exceeded)
        -> DocumentFindings
    {
        let layout = BoxLayout(xhtml: xhtml)
        let text = layout.text
        try budget.check(textBytes: text.utf8.count)
        let blocks = PlainTextReader.blocks(text: text, boxes: layout)
        try budget.check()
        return try extract(blocks: blocks, url: url, fetchedAt: fetchedAt, budget: budget)
    }

    /// The prose text of a PDF read from its word positions, as `pdftotext` prints it without options.
    public static func pdfText(boxes xhtml: String) -> String {
        BoxLayout(xhtml: xhtml).text
    }

    /// The encoding the HTML reader hands libxml2 for these bytes (nil: libxml2 reads the page's `<meta>`), so that a
    /// benchmark can give a raw parse of the same page the same decoding work.
    public static func parserEncoding(html: Data, charset: String?) -> String? {
        HTMLTextReader.encoding(html: html, charset: charset)
    }

    /// The visible text of a page, block by block, as the Extractor reads it (for people checking a result).
    public func visibleText(html: Data, charset: String?) -> String {
        HTMLTextReader.blocks(html: html, charset: charset, keepAllText: true).map(\.text).joined(separator: "\n")
    }

    /// Every block of visible text, headings marked, in reading order: the text quotes are cut from, for readers.
    public func readableBlocks(html: Data, charset: String?) -> [ReadableBlock] {
        HTMLTextReader.blocks(html: html, charset: charset, keepAllText: true).compactMap { block in
            block.text.isEmpty ? nil : ReadableBlock(text: block.text, isHeading: block.isHeading)
        }
    }

    func extract(blocks: [TextBlock], url: String, fetchedAt: String) -> DocumentFindings {
        var analysis = DocumentAnalysis(matcher: matcher, url: url, fetchedAt: fetchedAt)
        for block in blocks { analysis.read(block) }
        return analysis.findings
    }

    func extract(blocks: [TextBlock], url: String, fetchedAt: String, budget: DocumentBudget.Meter) throws(DocumentBudget.Exceeded) -> DocumentFindings {
        try budget.check(textBytes: blocks.reduce(0) { $0 + $1.length })
        var analysis = DocumentAnalysis(matcher: matcher, url: url, fetchedAt: fetchedAt)
        analysis.meter = budget
        for block in blocks {
            analysis.read(block)
            if analysis.outOfTime { throw .time(limit: budget.budget.seconds) }
            try budget.check()
        }
        return analysis.findings
    }
}
