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

    /// Parses with libxml2's SAX interface: the parser calls back for each tag and run of text, and no tree is
    /// built, so reading a page costs little more than libxml2's own tokenising.
    /// - Parameters:
    ///   - keepAllText: keep the text of every block, even those that cannot hold a finding (to show it).
    ///   - skipsRawText: let libxml2 pass over script and style bodies without reading them (see `SAXReader.skipBody`);
    ///     off only for the test that shows it changes nothing.
    static func blocks(html: Data, charset: String?, keepAllText: Bool = false, skipsRawText: Bool = true) -> [TextBlock] {
        _ = parserReady
        guard !html.isEmpty, let context = htmlNewParserCtxt() else { return [] }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let encoding = encoding(html: html, charset: charset)
        let reader = SAXReader()
        reader.collector.keepsAllText = keepAllText
        reader.skipsRawText = skipsRawText && canSkipRawText
        SAXReader.install(on: context, reader: reader)
        let length = Int32(clamping: html.count)
        withExtendedLifetime(reader) {
            html.withUnsafeBytes { bytes in
                let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
                if let document = htmlCtxtReadMemory(context, base, length, "page.html", encoding, options) {
                    xmlFreeDoc(document)  // never built with our handler; freed if libxml2 made one anyway
                }
            }
        }
        reader.collector.finish()
        return reader.collector.blocks
    }

    /// The reader's `skipBody` relies on how libxml2 2.9 reads a script or style element (HTMLparser.c:
    /// `htmlParseStartTag` calls back before the tag's ">" is consumed, then `htmlParseScript` reads the body up to the
    /// first "</" and the element's name, in any case): other versions read raw text otherwise, and do it their way.
    static let canSkipRawText: Bool = {
        let version = Int(String(cString: sov_xml_runtime_version())) ?? 0
        return (20900..<21000).contains(version)
    }()

    /// The HTTP charset when libxml2 knows it, else what the page's bytes say (see `CharsetSniffer`).
    static func encoding(html: Data, charset: String?) -> String? {
        _ = parserReady
        let declared = charset.flatMap { sov_xml_knows_encoding($0) != 0 ? $0 : nil }
        return CharsetSniffer.encoding(header: declared, html: html).flatMap { sov_xml_knows_encoding($0) != 0 ? $0 : nil }
    }
}

/// Receives libxml2's SAX events and hands them to the block collector.
private final class SAXReader {
    // Each callback from libxml2 touches these: the run-time exclusivity checks would cost more than the work.
    @exclusivity(unchecked) var collector = BlockCollector()
    /// Element kinds by name pointer, in a small direct-mapped cache: libxml2 interns names, so a tag's kind is
    /// worked out once and then found by its pointer alone (a page uses a few dozen tags).
    @exclusivity(unchecked) private var cachedNames = [UnsafePointer<xmlChar>?](repeating: nil, count: 64)
    @exclusivity(unchecked) private var cachedKinds = [ElementKind](repeating: ElementKind(""), count: 64)
    /// Depth inside a skipped element (script, hidden block, cookie banner): its text is not read.
    @exclusivity(unchecked) private var skipDepth = 0
    /// The parser calling back, whose position `skipBody` moves.
    private var parser: htmlParserCtxtPtr?
    /// Move the parser over script and style bodies (`skipBody`).
    var skipsRawText = false

    static func install(on context: htmlParserCtxtPtr, reader: SAXReader) {
        reader.parser = context
        guard let sax = context.pointee.sax else { return }
        memset(sax, 0, MemoryLayout<htmlSAXHandler>.size)
        sax.pointee.startElement = { context, name, attributes in
            guard let context, let name else { return }
            Unmanaged<SAXReader>.fromOpaque(context).takeUnretainedValue().start(name, attributes)
        }
        sax.pointee.endElement = { context, name in
            guard let context, let name else { return }
            Unmanaged<SAXReader>.fromOpaque(context).takeUnretainedValue().end(name)
        }
        let text: charactersSAXFunc = { context, characters, length in
            guard let context, let characters, length > 0 else { return }
            Unmanaged<SAXReader>.fromOpaque(context).takeUnretainedValue().text(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        sax.pointee.characters = text
        sax.pointee.ignorableWhitespace = text
        sax.pointee.cdataBlock = text
        context.pointee.userData = Unmanaged.passUnretained(reader).toOpaque()
    }

    private func kind(_ name: UnsafePointer<xmlChar>) -> ElementKind {
        // Names sit a few bytes apart in libxml2's dictionary: the low bits tell them apart, mixed with the next ones.
        let address = UInt(bitPattern: name)
        let slot = Int(truncatingIfNeeded: address ^ (address >> 6)) & 63
        if cachedNames[slot] == name { return cachedKinds[slot] }
        let kind = ElementKind(String(cString: name))
        cachedNames[slot] = name
        cachedKinds[slot] = kind
        return kind
    }

    private func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let kind = kind(name)
        if skipDepth > 0 {
            if !kind.isVoid { skipDepth += 1 }
            return
        }
        if kind.isSkipped || Self.isHidden(attributes) {
            collector.skipElement()
            if !kind.isVoid { skipDepth = 1 }
            if kind.isRawText && skipsRawText { skipBody() }
            return
        }
        collector.enter(kind)
    }

    /// Script and style bodies are a large part of real pages, and libxml2 reads them a character at a time only for
    /// the reader to drop them. Called back at a script or style start tag, whose ">" the parser is on, this moves
    /// the parser to the last byte of the body, made a ">": libxml2 consumes it as the tag's end and goes on at the
    /// "</script" that would have ended its reading of the body (libxml2 2.9, recovery mode), exactly as if it had
    /// read the body. Only when the whole body is in the parser's buffer (decoded, when the page needed decoding),
    /// does not start with "<" (libxml2 reads a tag there first) and is valid UTF-8 without NUL (otherwise libxml2's
    /// reading of it could change its decoding of the rest of the page); else libxml2 reads the body itself.
    private func skipBody() {
        guard let parser, parser.pointee.recovery != 0, parser.pointee.charset == Int32(XML_CHAR_ENCODING_UTF8.rawValue),
            let name = parser.pointee.name, let input = parser.pointee.input, let tagEnd = input.pointee.cur, let end = input.pointee.end,
            tagEnd < end, tagEnd.pointee == UInt8(ascii: ">")
        else { return }
        let body = tagEnd + 1
        let nameLength = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        guard body < end, body.pointee != UInt8(ascii: "<"), nameLength > 0 else { return }
        // htmlParseScript stops at "<" "/" and the element's name, compared as xmlStrncasecmp does (ASCII letters).
        var from = body
        var closing: UnsafePointer<UInt8>?
        while from < end, let found = memchr(from, Int32(UInt8(ascii: "<")), end - from) {
            let candidate = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
            if end - candidate >= 2 + nameLength, candidate[1] == UInt8(ascii: "/"),
                (0..<nameLength).allSatisfy({ Self.asciiLowercase(candidate[2 + $0]) == Self.asciiLowercase(name[$0]) })
            {
                closing = candidate
                break
            }
            from = candidate + 1
        }
        guard let closing, closing > body, UTF8Bytes.isValidWithoutNUL(UnsafeBufferPointer(start: body, count: closing - body)) else {
            return
        }
        UnsafeMutablePointer(mutating: closing - 1).pointee = UInt8(ascii: ">")
        input.pointee.cur = closing - 1
    }

    @inline(__always)
    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }

    private func end(_ name: UnsafePointer<xmlChar>) {
        let kind = kind(name)
        if skipDepth > 0 {
            if !kind.isVoid { skipDepth -= 1 }
            return
        }
        collector.leave(kind)
    }

    private func text(_ bytes: UnsafeBufferPointer<xmlChar>) {
        if skipDepth == 0 { collector.appendText(bytes) }
    }

    private static let bannerMarkers: [StaticString] = [
        "cookie-banner", "cookie-bar", "cookie-notice", "cookie-consent", "cookies-banner", "cookieconsent", "consent",
        "didomi", "onetrust", "axeptio", "tarteaucitron", "cookiebot", "gdpr-banner", "rgpd-banner", "cmp-",
    ]

    /// Hidden by an attribute, a style, or a cookie-consent banner's id or class. Looks at the bytes as libxml2
    /// gives them: most elements carry attributes, and few of them matter.
    private static func isHidden(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard var pointer = attributes else { return false }
        while let name = pointer.pointee {
            let value = pointer.advanced(by: 1).pointee
            pointer = pointer.advanced(by: 2)
            // Most attributes (href, src, title, lang…) start with none of the letters looked for; the first letter
            // tells which one an attribute may be.
            switch name.pointee {
            case UInt8(ascii: "h"):
                if equals(name, "hidden") { return true }
            case UInt8(ascii: "a"):
                if let value, equals(name, "aria-hidden"), equalsIgnoringCase(value, "true") { return true }
            case UInt8(ascii: "s"):
                guard let value, equals(name, "style") else { continue }
                let style = UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)))
                if contains(style, "display:none", skippingSpaces: true) || contains(style, "visibility:hidden", skippingSpaces: true) {
                    return true
                }
            case UInt8(ascii: "i"), UInt8(ascii: "c"):
                guard let value, equals(name, "id") || equals(name, "class") else { continue }
                let text = UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)))
                if containsBannerMarker(text) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// The banner markers by their first byte: an id or class is read once, and only where a marker may start.
    private static let bannerMarkersByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for marker in bannerMarkers {
            let bytes = Array(UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount))
            table[Int(bytes[0])].append(bytes)
        }
        return table
    }()

    /// Whether an id or class holds one of `bannerMarkers`, its ASCII letters in any case.
    private static func containsBannerMarker(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        bannerMarkersByFirstByte.withUnsafeBufferPointer { table in
            for start in text.indices {
                for marker in table[Int(asciiLowercase(text[start]))] where text.count - start >= marker.count {
                    if (1..<marker.count).allSatisfy({ asciiLowercase(text[start + $0]) == marker[$0] }) { return true }
                }
            }
            return false
        }
    }

    /// Whether `needle` (lower case) is in the text with its ASCII letters in any case, and with `skippingSpaces`, with
    /// spaces (U+0020) anywhere between its characters: "Display: None". Read in place, as most elements have a class.
    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: StaticString, skippingSpaces: Bool) -> Bool {
        let needle = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        var start = 0
        while start < text.count {
            defer { start += 1 }
            guard asciiLowercase(text[start]) == first else { continue }
            var index = start + 1
            var matched = 1
            while matched < needle.count {
                while skippingSpaces && index < text.count && text[index] == 0x20 { index += 1 }
                guard index < text.count, asciiLowercase(text[index]) == needle[matched] else { break }
                index += 1
                matched += 1
            }
            if matched == needle.count { return true }
        }
        return false
    }

    private static func equals(_ pointer: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    private static func equalsIgnoringCase(_ pointer: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        strcasecmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

}

/// What a tag means to the reader, worked out once per tag name.
struct ElementKind: Sendable {
    /// The tags the collector treats one by one; any other is told apart by the flags below.
    /// `paragraph` is `p` and `div`: the only blocks a sentence may continue across (`BlockCollector.mayContinue`).
    enum Tag: Sendable { case table, tr, td, th, br, li, dd, dt, paragraph, other }

    let tag: Tag
    let headingLevel: Int?
    let isBlock: Bool
    let isSkipped: Bool
    let isEmphasis: Bool
    let isVoid: Bool
    /// Script and style: libxml2 reads their bodies as raw text.
    let isRawText: Bool

    init(_ name: String) {
        tag = Self.tags[name] ?? .other
        if name.count == 2, name.first == "h", let digit = name.last?.wholeNumberValue, (1...6).contains(digit) {
            headingLevel = digit
        } else {
            headingLevel = nil
        }
        isBlock = Self.blockLevel.contains(name)
        isSkipped = Self.skipped.contains(name)
        isEmphasis = name == "strong" || name == "b"
        isVoid = Self.void.contains(name)
        isRawText = name == "script" || name == "style"
    }

    private static let tags: [String: Tag] = [
        "table": .table, "tr": .tr, "td": .td, "th": .th, "br": .br, "li": .li, "dd": .dd, "dt": .dt, "p": .paragraph, "div": .paragraph,
    ]
    private static let skipped: Set<String> = [
        "script", "style", "template", "noscript", "head", "svg", "iframe", "object", "embed", "canvas", "select",
        "option", "button", "input", "textarea", "audio", "video", "map", "math", "title",
    ]
    private static let blockLevel: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "thead", "tbody", "tfoot",
        "caption", "section", "article", "aside", "header", "footer", "nav", "main", "blockquote", "pre", "address",
        "figure", "figcaption", "form", "fieldset", "legend", "details", "summary", "hr", "body", "html",
    ]
    /// Elements without content: libxml2 still sends their end, right after their start.
    private static let void: Set<String> = ["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr"]
}

/// Cuts the text of the page into blocks as the tags open and close.
private struct BlockCollector {
    var blocks: [TextBlock] = []
    /// Keep the text of paragraphs that cannot hold a finding (normally dropped once their triggers are known).
    var keepsAllText = false
    private var headingStack: [(level: Int, text: String, triggers: TriggerSet)] = []
    /// The texts of `headingStack`, shared by every block under them (so comparing two blocks' headings is cheap).
    private var headings: [String] = []
    /// Some heading above names hosting or a role: every paragraph of the section is read.
    private var sectionMayHost = false
    /// Blocks still to keep after a short label ("Hébergeur :", "Hébergement du site"): its value, a name then an
    /// address, holds no trigger word of its own.
    private var labelValueBlocksLeft = 0
    /// Raw UTF-8 of the block being read, normalised only if the block is kept.
    private var buffer: [UInt8] = []
    private var bufferHasPlainText = false
    private var emphasisDepth = 0
    private var headingDepth = 0
    private var currentHeadingLevel = 0
    /// Tags of the open block elements, innermost last, to tell list items and cells from paragraphs.
    private var openBlocks: [ElementKind.Tag] = []
    /// Open tables, innermost last: a row becomes one block whose cells keep their column headers.
    private var tables: [TableState] = []
    /// The paragraph in `buffer` ended mid-sentence: it waits for the next text, which continues it when it starts in
    /// lower case. Legal texts converted from PDF put each printed line in a paragraph of its own, and a sentence
    /// (with its place or its host) would otherwise be cut into pieces that no rule reads whole.
    private var mayContinue = false
    /// Paragraphs opened since `mayContinue` was set: one that closes without text was empty, and an empty paragraph
    /// marks a break between paragraphs.
    private var openedSinceContinue = 0

    private struct TableState {
        var headers: [String] = []
        var row: [String]? = nil
        var rowIsHeader = true
        /// Rows read so far: the first may name the columns in plain cells (`<td><strong>Sous-traitant</strong>`).
        var rowsRead = 0
        var cellDepth = 0
    }

    private var inCell: Bool { (tables.last?.cellDepth ?? 0) > 0 }

    /// Ends the last block.
    mutating func finish() {
        flush()
    }

    mutating func enter(_ kind: ElementKind) {
        switch kind.tag {
        case .table:
            flush()
            tables.append(TableState())
            return
        case .tr where !tables.isEmpty:
            flush()
            tables[tables.count - 1].row = []
            tables[tables.count - 1].rowIsHeader = true
            return
        case .td, .th:
            guard !tables.isEmpty else { break }
            if tables[tables.count - 1].cellDepth == 0 { flush() }
            tables[tables.count - 1].cellDepth += 1
            if kind.tag == .td { tables[tables.count - 1].rowIsHeader = false }
            return
        default:
            break
        }
        if let level = kind.headingLevel {
            flush()
            headingDepth += 1
            currentHeadingLevel = level
        } else if kind.tag == .br {
            if mayContinue { flush() }
            buffer.append(contentsOf: [0xE2, 0x80, 0xA8])  // U+2028: the normaliser turns it into a line break
        } else if kind.isBlock {
            if mayContinue && kind.tag == .paragraph {
                openedSinceContinue += 1
            } else {
                flush()
            }
            openBlocks.append(kind.tag)
        }
        if kind.isEmphasis { emphasisDepth += 1 }
    }

    mutating func leave(_ kind: ElementKind) {
        switch kind.tag {
        case .table where !tables.isEmpty:
            flush()
            tables.removeLast()
            return
        case .tr where !tables.isEmpty:
            endRow()
            return
        case .td, .th:
            guard !tables.isEmpty, tables[tables.count - 1].cellDepth > 0 else { break }
            tables[tables.count - 1].cellDepth -= 1
            if tables[tables.count - 1].cellDepth == 0 {
                let text = Self.oneLine(flushText())
                if tables[tables.count - 1].row == nil { tables[tables.count - 1].row = [] }
                tables[tables.count - 1].row!.append(text)
            }
            return
        default:
            break
        }
        if kind.isEmphasis { emphasisDepth = max(0, emphasisDepth - 1) }
        if kind.headingLevel != nil {
            let text = flushText()
            headingDepth = max(0, headingDepth - 1)
            if !text.isEmpty { pushHeading(text, level: currentHeadingLevel) }
        } else if kind.isBlock {
            // Measured once: the flush that follows reads the same figures.
            let measured = kind.tag == .paragraph && !mayContinue && mayEndMidSentence ? measuredBuffer : nil
            if kind.tag == .paragraph && (mayContinue ? openedSinceContinue == 0 : measured.map(endsMidSentence) ?? false) {
                mayContinue = true
                openedSinceContinue = 0
            } else {
                flush(measured: measured)
            }
            if let index = openBlocks.lastIndex(of: kind.tag) { openBlocks.remove(at: index) }
        }
    }

    /// Whether the paragraph just ended may go on in the next: plain text (not a bold heading in disguise) of a
    /// printed line's length, outside lists, cells and headings, whose last visible character closes no sentence or
    /// label, nor is a line break.
    private func endsMidSentence(_ measured: (length: Int, last: UInt8)) -> Bool {
        measured.length >= Self.shortestContinuedLine && !Self.closesSentence.contains(measured.last) && !endsWithLineBreak
    }

    /// The visible length of `buffer` and its last visible byte (`TextNormalizer.measure`).
    private var measuredBuffer: (length: Int, last: UInt8) {
        buffer.withUnsafeBufferPointer { TextNormalizer.measure($0) }
    }

    private var mayEndMidSentence: Bool {
        bufferHasPlainText && buffer.count >= Self.shortestContinuedLine && headingDepth == 0 && !inCell
            && !openBlocks.contains { $0 == .li || $0 == .dd || $0 == .dt }
    }

    /// A `<br>` (U+2028) after the last visible character: the writer ended the line.
    private var endsWithLineBreak: Bool {
        var end = buffer.count
        while end > 0 && buffer[end - 1] <= 0x20 { end -= 1 }
        return end >= 3 && buffer[end - 3] == 0xE2 && buffer[end - 2] == 0x80 && buffer[end - 1] == 0xA8
    }

    /// Shorter paragraphs are labels or names ("Hébergeur", "OVH SAS"), read as blocks of their own.
    private static let shortestContinuedLine = 40
    private static let closesSentence: Set<UInt8> = [0x2E, 0x21, 0x3F, 0x3A, 0x3B]  // . ! ? : ;

    /// Whether text goes on a sentence: it starts, after white space, with a lower-case letter (ASCII, U+00E0–U+00FF
    /// as "é", "à", or "œ"), and not with a list marker ("a)", "ii.").
    private static func continuesSentence(_ text: UnsafeBufferPointer<xmlChar>, at index: Int) -> Bool {
        let byte = text[index]
        if byte >= 0x61 && byte <= 0x7A {
            var end = index
            while end < text.count && end - index < 5 && text[end] >= 0x61 && text[end] <= 0x7A { end += 1 }
            return !(end - index <= 4 && end < text.count && (text[end] == UInt8(ascii: ")") || text[end] == UInt8(ascii: ".")))
        }
        guard index + 1 < text.count else { return false }
        let next = text[index + 1]
        return (byte == 0xC3 && next >= 0xA0 && next <= 0xBF && next != 0xB7) || (byte == 0xC5 && next == 0x93)
    }

    /// An element whose text the reader skips (a script, a hidden block) ends a paragraph that could have gone on: the
    /// page's text has something between the two.
    mutating func skipElement() {
        if mayContinue { flush() }
    }

    /// Source line breaks are layout, not text: the normaliser folds them into spaces; only <br> (U+2028) breaks a line.
    mutating func appendText(_ text: UnsafeBufferPointer<xmlChar>) {
        if mayContinue {
            guard let first = text.firstIndex(where: { $0 > 0x20 }) else {
                buffer.append(contentsOf: text)
                return
            }
            if emphasisDepth == 0 && Self.continuesSentence(text, at: first) {
                mayContinue = false
                openedSinceContinue = 0
                buffer.append(0x20)
            } else {
                flush()
            }
        }
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
        table.rowsRead += 1
        if table.headers.isEmpty && (table.rowIsHeader || (table.rowsRead == 1 && SubprocessorTable.isHeader(row, minimumCells: 2))) {
            table.headers = row
            return
        }
        blocks.append(
            TextBlock(
                text: row.filter { !$0.isEmpty }.joined(separator: " | "), headings: headings, isHeading: false,
                isListItem: true, cells: row, columns: row.count == table.headers.count ? table.headers : []))
    }

    /// Ends the current block; a short, all-bold paragraph without a full stop is a heading in disguise.
    ///
    /// The raw text is measured and its triggers read as it is; a plain paragraph that cannot hold a finding is
    /// never normalised nor made into a string: most of a page is such paragraphs.
    private mutating func flush(measured: (length: Int, last: UInt8)? = nil) {
        if inCell {
            buffer.append(0x20)  // block elements inside a cell only separate words
            mayContinue = false
            return
        }
        let wasEmphasisOnly = !bufferHasPlainText
        defer {
            buffer.removeAll(keepingCapacity: true)
            bufferHasPlainText = false
            mayContinue = false
            openedSinceContinue = 0
        }
        let (length, last) = measured ?? measuredBuffer
        guard length > 0 else { return }
        let isTerm = openBlocks.last == .dt
        let isItem = openBlocks.last.map { [.li, .dd, .td].contains($0) } ?? false
        if wasEmphasisOnly && length <= 150 && last != 0x2E {
            let level = (headingStack.last { $0.level <= 6 }?.level ?? 0) + 1
            pushHeading(normalizedText(), level: max(level, 7))
            return
        }
        let triggers = buffer.withUnsafeBufferPointer { Triggers.scanBlock($0) }
        let followsLabel = labelValueBlocksLeft > 0
        labelValueBlocksLeft =
            length <= Self.labelLength && (last == 0x3A || !triggers.isDisjoint(with: [.hosting, .messaging])) ? Self.labelValueBlocks
            : max(0, labelValueBlocksLeft - 1)
        if keepsAllText || isItem || isTerm || sectionMayHost || last == 0x3A || TextBlock.mayHoldFindings(triggers)
            || triggers.contains(.operatorWords) || followsLabel
        {
            blocks.append(
                TextBlock(text: normalizedText(), headings: headings, isHeading: false, isListItem: isItem, isTerm: isTerm, triggers: triggers))
        } else {
            blocks.append(TextBlock(elidedWithTriggers: triggers, length: length, headings: headings))
        }
    }

    /// A label is a short block (bytes); its value runs over at most this many blocks (as `DocumentAnalysis` reads it).
    private static let labelLength = 120
    private static let labelValueBlocks = 4

    private func normalizedText() -> String {
        buffer.withUnsafeBufferPointer { TextNormalizer.normalize(bytes: $0, keepLineBreaks: true) }
    }

    private mutating func flushText() -> String {
        let text = normalizedText()
        buffer.removeAll(keepingCapacity: true)
        bufferHasPlainText = false
        return text
    }

    /// The lines of a text joined by single spaces, empty lines dropped ("\n" is always a character of its own).
    private static func oneLine(_ text: String) -> String {
        text.utf8.contains(0x0A) ? text.split(separator: "\n").joined(separator: " ") : text
    }

    private mutating func pushHeading(_ raw: String, level: Int) {
        let text = Self.oneLine(raw)
        while let last = headingStack.last, last.level >= level { headingStack.removeLast() }
        let triggers = Triggers.scan(text)
        headingStack.append((level, text, triggers))
        headings = headingStack.map(\.text)
        sectionMayHost = headingStack.contains { !$0.triggers.isDisjoint(with: [.heading, .role]) }
        blocks.append(
            TextBlock(text: text, headings: headings, isHeading: true, isListItem: false, triggers: triggers.intersection(Triggers.blockKinds)))
    }
}
