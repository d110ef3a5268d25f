import Foundation

/// The words of a PDF with their positions, read from `pdftotext -bbox-layout`: pages of flows of blocks of lines of
/// words. One reading gives both the prose (`text`, as `pdftotext` prints it without options) and the table cells
/// (`BoxTable`), so that a PDF costs one run of `pdftotext`.
///
/// pdftotext writes this XHTML itself, always in the same shape (one element a line, five escaped characters), so it
/// is read with a scan of its bytes rather than a tree parse: the XHTML is some twenty times the size of the text.
struct BoxLayout {
    struct Word {
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var yMax: Double
        var text: String
    }

    struct Line {
        var words: [Word] = []
    }

    struct Block {
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var yMax: Double
        var lines: [Line] = []
    }

    struct Flow {
        var blocks: [Block] = []
    }

    struct Page {
        var flows: [Flow] = []
    }

    var pages: [Page] = []

    init(xhtml: String) {
        var xhtml = xhtml
        pages = xhtml.withUTF8 { BoxLayoutScanner(bytes: $0).pages() }
    }

    init(pages: [Page]) {
        self.pages = pages
    }
}

/// Reads the elements of pdftotext's bbox XHTML byte by byte. Unknown elements and the `<head>` are passed over.
private struct BoxLayoutScanner {
    let bytes: UnsafeBufferPointer<UInt8>

    func pages() -> [BoxLayout.Page] {
        var pages: [BoxLayout.Page] = []
        var index = 0
        let count = bytes.count
        // The document's title and metadata come before <doc>: nothing in them is page text.
        guard let start = find(Array("<doc".utf8), from: 0) else { return [] }
        index = start
        while index < count {
            guard let open = next(UInt8(ascii: "<"), from: index) else { break }
            let nameStart = open + 1
            guard nameStart < count, bytes[nameStart] != UInt8(ascii: "/") else {
                index = nameStart
                continue
            }
            var nameEnd = nameStart
            while nameEnd < count, Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            // A tag cut short (output stopped at its cap) ends the reading.
            guard let tagEnd = next(UInt8(ascii: ">"), from: nameEnd) else { break }
            let attributes = nameEnd..<tagEnd
            index = tagEnd + 1
            switch name(nameStart..<nameEnd) {
            case .page:
                pages.append(BoxLayout.Page())
            case .flow:
                if pages.isEmpty { pages.append(BoxLayout.Page()) }
                pages[pages.count - 1].flows.append(BoxLayout.Flow())
            case .block:
                if pages.isEmpty { pages.append(BoxLayout.Page()) }
                if pages[pages.count - 1].flows.isEmpty { pages[pages.count - 1].flows.append(BoxLayout.Flow()) }
                let box = self.box(attributes)
                let flow = pages[pages.count - 1].flows.count - 1
                pages[pages.count - 1].flows[flow].blocks.append(BoxLayout.Block(xMin: box.0, yMin: box.1, xMax: box.2, yMax: box.3))
            case .line:
                guard let last = pages.indices.last, let flow = pages[last].flows.indices.last,
                    let block = pages[last].flows[flow].blocks.indices.last
                else { continue }
                pages[last].flows[flow].blocks[block].lines.append(BoxLayout.Line())
            case .word:
                let textEnd = next(UInt8(ascii: "<"), from: index) ?? count
                let box = self.box(attributes)
                let word = BoxLayout.Word(xMin: box.0, yMin: box.1, xMax: box.2, yMax: box.3, text: text(index..<textEnd))
                index = textEnd
                guard let last = pages.indices.last, let flow = pages[last].flows.indices.last,
                    let block = pages[last].flows[flow].blocks.indices.last,
                    let line = pages[last].flows[flow].blocks[block].lines.indices.last
                else { continue }
                pages[last].flows[flow].blocks[block].lines[line].words.append(word)
            case nil:
                continue
            }
        }
        return pages
    }

    private enum Element { case page, flow, block, line, word }

    private func name(_ range: Range<Int>) -> Element? {
        func equals(_ literal: StaticString) -> Bool {
            guard literal.utf8CodeUnitCount == range.count else { return false }
            let base = literal.utf8Start
            for offset in 0..<range.count where base[offset] != bytes[range.lowerBound + offset] { return false }
            return true
        }
        switch range.count {
        case 4: return equals("page") ? .page : equals("flow") ? .flow : equals("line") ? .line : equals("word") ? .word : nil
        case 5: return equals("block") ? .block : nil
        default: return nil
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// xMin, yMin, xMax, yMax of an element's attributes (0 when missing).
    private func box(_ range: Range<Int>) -> (Double, Double, Double, Double) {
        var values = (0.0, 0.0, 0.0, 0.0)
        var index = range.lowerBound
        while index < range.upperBound {
            guard let equals = next(UInt8(ascii: "="), from: index), equals < range.upperBound, equals + 1 < range.upperBound else { break }
            let quote = bytes[equals + 1]
            let valueStart = equals + 2
            let valueEnd = next(quote, from: valueStart) ?? range.upperBound
            // The attribute's name is the two bytes before "=", after "x"/"y" and "Min"/"Max": "xMin" → "in" with "x".
            if equals >= range.lowerBound + 4 {
                let axis = bytes[equals - 4]
                let bound = bytes[equals - 2]  // "i" of Min, "a" of Max
                let value = Self.number(bytes, valueStart..<min(valueEnd, range.upperBound))
                switch (axis, bound) {
                case (UInt8(ascii: "x"), UInt8(ascii: "i")): values.0 = value
                case (UInt8(ascii: "y"), UInt8(ascii: "i")): values.1 = value
                case (UInt8(ascii: "x"), UInt8(ascii: "a")): values.2 = value
                case (UInt8(ascii: "y"), UInt8(ascii: "a")): values.3 = value
                default: break
                }
            }
            index = valueEnd + 1
        }
        return values
    }

    /// A decimal number as printf's "%f" writes it ("-12.500000"); exponents are not written by pdftotext.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var whole = 0.0
        while index < range.upperBound, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            whole = whole * 10 + Double(bytes[index] - 0x30)
            index += 1
        }
        var fraction = 0.0
        var scale = 1.0
        if index < range.upperBound, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < range.upperBound, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                fraction = fraction * 10 + Double(bytes[index] - 0x30)
                scale *= 10
                index += 1
            }
        }
        let value = whole + fraction / scale
        return negative ? -value : value
    }

    /// A word's text, its five escaped characters (and any numeric reference) decoded.
    private func text(_ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        let raw = String(decoding: slice, as: UTF8.self)
        var result = ""
        var rest = raw[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let code = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst(), radix: 10) : nil
                if let code, let scalar = Unicode.Scalar(code) { result.unicodeScalars.append(scalar) } else { result += rest[amp...semicolon] }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private func next(_ byte: UInt8, from index: Int) -> Int? {
        guard index < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + index, Int32(byte), bytes.count - index)
        else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    private func find(_ needle: [UInt8], from index: Int) -> Int? {
        guard let first = needle.first else { return index }
        var index = index
        while let candidate = next(first, from: index) {
            if candidate + needle.count <= bytes.count, (0..<needle.count).allSatisfy({ bytes[candidate + $0] == needle[$0] }) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}

extension BoxLayout {
    /// The text as `pdftotext` prints it without options: each flow's lines, then an empty line; a form feed after
    /// each page. Words are spaced where pdftotext spaces them: apart by more than a sliver of their height (words
    /// set close together in two fonts, "(Doctolib" and ")", are one piece of text). A line ending in a hyphen runs on
    /// into the next line of its flow, the hyphen dropped, as pdftotext runs it on.
    var text: String {
        var text = ""
        for page in pages {
            for flow in page.flows {
                let lines = flow.blocks.flatMap(\.lines)
                for (index, line) in lines.enumerated() {
                    let start = text.utf8.count
                    Self.append(line, to: &text)
                    // An empty line is not hyphenated: nothing was written.
                    let runsOn = index + 1 < lines.count && text.utf8.count > start && text.utf8.last == UInt8(ascii: "-")
                    if runsOn { text.removeLast() } else { text += "\n" }
                }
                text += "\n"
            }
            text += "\u{0C}"
        }
        return text
    }

    /// How far apart, as a fraction of their height, two words of a line must be for a space to stand between them.
    static let spaceGap = 0.05

    private static func append(_ line: Line, to text: inout String) {
        var previous: Word?
        for word in line.words {
            if let previous {
                let height = min(word.yMax - word.yMin, previous.yMax - previous.yMin)
                if word.xMin - previous.xMax >= spaceGap * height { text += " " }
            }
            text += word.text
            previous = word
        }
    }
}
