import Foundation
internal import CLibXML2

/// Reads an HTML page with libxml2 and returns its visible text as blocks under their headings.
///
/// Scripts, styles, templates, hidden elements and cookie-consent banners are dropped: what a reader
/// does not see is not evidence.
enum HTMLTextReader {
    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    static func blocks(html: Data, charset: String?) -> [TextBlock] {
        _ = parserReady
        guard !html.isEmpty, let context = htmlNewParserCtxt() else { return [] }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let declared = charset.flatMap { sov_xml_knows_encoding($0) != 0 ? $0 : nil }
        let encoding = CharsetSniffer.encoding(header: declared, html: html)
        let length = Int32(clamping: html.count)
        let document: htmlDocPtr? = html.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
            return htmlCtxtReadMemory(context, base, length, "page.html", encoding, options)
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return [] }
        var collector = BlockCollector()
        collector.walk(root)
        return collector.blocks
    }
}

/// Walks the DOM iteratively (pages can nest deeper than the stack allows) and cuts text into blocks.
private struct BlockCollector {
    var blocks: [TextBlock] = []
    private var headingStack: [(level: Int, text: String)] = []
    /// Raw UTF-8 of the block being read, normalised when the block ends.
    private var buffer: [UInt8] = []
    private var bufferHasPlainText = false
    private var emphasisDepth = 0
    private var headingDepth = 0
    private var currentHeadingLevel = 0
    /// Names of the open block elements, innermost last, to tell list items and cells from paragraphs.
    private var openBlocks: [String] = []
    /// Open tables, innermost last: a row becomes one block whose cells keep their column headers.
    private var tables: [TableState] = []

    private struct TableState {
        var headers: [String] = []
        var row: [String]? = nil
        var rowIsHeader = true
        var cellDepth = 0
    }

    private var inCell: Bool { (tables.last?.cellDepth ?? 0) > 0 }

    private static let skipped: Set<String> = [
        "script", "style", "template", "noscript", "head", "svg", "iframe", "object", "embed", "canvas", "select",
        "option", "button", "input", "textarea", "audio", "video", "map", "math",
    ]
    private static let blockLevel: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "thead", "tbody", "tfoot",
        "caption", "section", "article", "aside", "header", "footer", "nav", "main", "blockquote", "pre", "address",
        "figure", "figcaption", "form", "fieldset", "legend", "details", "summary", "hr", "body", "html",
    ]
    private static let emphasis: Set<String> = ["strong", "b"]
    private static let bannerMarkers = [
        "cookie-banner", "cookie-bar", "cookie-notice", "cookie-consent", "cookies-banner", "cookieconsent", "consent",
        "didomi", "onetrust", "axeptio", "tarteaucitron", "cookiebot", "gdpr-banner", "rgpd-banner", "cmp-",
    ]

    private enum Step {
        case enter(xmlNodePtr)
        case leave(name: String)
    }

    mutating func walk(_ root: xmlNodePtr) {
        var stack: [Step] = [.enter(root)]
        while let step = stack.popLast() {
            switch step {
            case .leave(let name):
                leave(name)
            case .enter(let node):
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { appendText(content) }
                case XML_ELEMENT_NODE:
                    let name = node.pointee.name.map { String(cString: $0) } ?? ""  // the HTML parser writes names in lower case
                    guard !Self.skipped.contains(name), !Self.isHidden(node) else { continue }
                    enter(name)
                    stack.append(.leave(name: name))
                    var children: [xmlNodePtr] = []
                    var child = node.pointee.children
                    while let current = child {
                        children.append(current)
                        child = current.pointee.next
                    }
                    stack.append(contentsOf: children.reversed().map { .enter($0) })
                default:
                    continue
                }
            }
        }
        flush()
    }

    private mutating func enter(_ name: String) {
        switch name {
        case "table":
            flush()
            tables.append(TableState())
            return
        case "tr" where !tables.isEmpty:
            flush()
            tables[tables.count - 1].row = []
            tables[tables.count - 1].rowIsHeader = true
            return
        case "td", "th":
            guard !tables.isEmpty else { break }
            if tables[tables.count - 1].cellDepth == 0 { flush() }
            tables[tables.count - 1].cellDepth += 1
            if name == "td" { tables[tables.count - 1].rowIsHeader = false }
            return
        default:
            break
        }
        if let level = Self.headingLevel(name) {
            flush()
            headingDepth += 1
            currentHeadingLevel = level
        } else if name == "br" {
            buffer.append(contentsOf: [0xE2, 0x80, 0xA8])  // U+2028: the normaliser turns it into a line break
        } else if Self.blockLevel.contains(name) {
            flush()
            openBlocks.append(name)
        }
        if Self.emphasis.contains(name) { emphasisDepth += 1 }
    }

    private mutating func leave(_ name: String) {
        switch name {
        case "table" where !tables.isEmpty:
            flush()
            tables.removeLast()
            return
        case "tr" where !tables.isEmpty:
            endRow()
            return
        case "td", "th":
            guard !tables.isEmpty, tables[tables.count - 1].cellDepth > 0 else { break }
            tables[tables.count - 1].cellDepth -= 1
            if tables[tables.count - 1].cellDepth == 0 {
                let text = flushText().split(separator: "\n").joined(separator: " ")
                if tables[tables.count - 1].row == nil { tables[tables.count - 1].row = [] }
                tables[tables.count - 1].row!.append(text)
            }
            return
        default:
            break
        }
        if Self.emphasis.contains(name) { emphasisDepth -= 1 }
        if Self.headingLevel(name) != nil {
            let text = flushText()
            headingDepth -= 1
            if !text.isEmpty { pushHeading(text, level: currentHeadingLevel) }
        } else if Self.blockLevel.contains(name) {
            flush()
            if let index = openBlocks.lastIndex(of: name) { openBlocks.remove(at: index) }
        }
    }

    /// Source line breaks are layout, not text: the normaliser folds them into spaces; only <br> (U+2028) breaks a line.
    private mutating func appendText(_ content: UnsafePointer<xmlChar>) {
        let text = UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
        buffer.append(contentsOf: text)
        if emphasisDepth == 0 && headingDepth == 0 && !bufferHasPlainText && text.contains(where: { $0 > 0x20 }) {
            bufferHasPlainText = true
        }
    }

    /// A row of header cells names the columns; any other row is one block, its cells joined by " | ".
    private mutating func endRow() {
        guard var table = tables.popLast() else { return }
        defer { tables.append(table) }
        guard let row = table.row, row.contains(where: { !$0.isEmpty }) else { return }
        table.row = nil
        if table.rowIsHeader && table.headers.isEmpty {
            table.headers = row
            return
        }
        blocks.append(
            TextBlock(
                text: row.filter { !$0.isEmpty }.joined(separator: " | "), headings: headingStack.map(\.text), isHeading: false,
                isListItem: true, cells: row, columns: row.count == table.headers.count ? table.headers : []))
    }

    /// Ends the current block; a short, all-bold paragraph without a full stop is a heading in disguise.
    private mutating func flush() {
        if inCell {
            buffer.append(0x20)  // block elements inside a cell only separate words
            return
        }
        let wasEmphasisOnly = !bufferHasPlainText
        let text = flushText()
        guard !text.isEmpty else { return }
        if wasEmphasisOnly && text.count <= 100 && !text.hasSuffix(".") {
            let level = (headingStack.last { $0.level <= 6 }?.level ?? 0) + 1
            pushHeading(text, level: max(level, 7))
        } else {
            let isItem = openBlocks.last.map { ["li", "dd", "td"].contains($0) } ?? false
            blocks.append(
                TextBlock(text: text, headings: headingStack.map(\.text), isHeading: false, isListItem: isItem, isTerm: openBlocks.last == "dt"))
        }
    }

    private mutating func flushText() -> String {
        let text = buffer.withUnsafeBufferPointer { TextNormalizer.normalize(bytes: $0, keepLineBreaks: true) }
        buffer.removeAll(keepingCapacity: true)
        bufferHasPlainText = false
        return text
    }

    private mutating func pushHeading(_ raw: String, level: Int) {
        let text = raw.split(separator: "\n").joined(separator: " ")
        while let last = headingStack.last, last.level >= level { headingStack.removeLast() }
        headingStack.append((level, text))
        blocks.append(TextBlock(text: text, headings: headingStack.map(\.text), isHeading: true, isListItem: false))
    }

    private static func headingLevel(_ name: String) -> Int? {
        guard name.count == 2, name.first == "h", let digit = name.last?.wholeNumberValue, (1...6).contains(digit) else {
            return nil
        }
        return digit
    }

    /// Hidden by an attribute, a style, or a cookie-consent banner's id or class; read in one pass over the attributes.
    private static func isHidden(_ node: xmlNodePtr) -> Bool {
        var property = node.pointee.properties
        while let current = property {
            property = current.pointee.next
            guard let namePointer = current.pointee.name else { continue }
            let name = String(cString: namePointer)
            switch name {
            case "hidden": return true
            case "aria-hidden", "style", "id", "class":
                guard let value = attribute(node, name)?.lowercased() else { continue }
                switch name {
                case "aria-hidden": if value == "true" { return true }
                case "style":
                    let style = value.filter { $0 != " " }
                    if style.contains("display:none") || style.contains("visibility:hidden") { return true }
                default:
                    if bannerMarkers.contains(where: { value.contains($0) }) { return true }
                }
            default: continue
            }
        }
        return false
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        let value = name.withCString { xmlGetProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let value else { return nil }
        defer { sov_xml_free(value) }
        return String(cString: value)
    }
}
