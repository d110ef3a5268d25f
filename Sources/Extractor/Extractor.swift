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

    /// Findings of a PDF turned into text by `pdftotext`: the reading-order text for prose, and for the tables the
    /// word positions (`-bbox-layout`) when given, else the `-layout` text, whose columns keep cells apart.
    public func extract(pdfText text: String, layout: String?, boxes: String? = nil, url: String, fetchedAt: String) -> DocumentFindings {
        extract(blocks: PlainTextReader.blocks(text: text, layout: layout, boxes: boxes), url: url, fetchedAt: fetchedAt)
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
}
