/// Reads the text of a PDF (from `pdftotext`) into blocks under their headings, as the HTML reader does.
///
/// PDF text comes with layout debris: lines wrapped mid-sentence, words hyphenated at line ends, page
/// headers and footers repeated on every page, sometimes in the middle of a sentence that crosses a page.
enum PlainTextReader {
    /// - Parameters:
    ///   - text: `pdftotext` output in reading order: the prose.
    ///   - boxes: `pdftotext -bbox-layout` output, word positions: the tables' rows, read from where each cell is.
    static func blocks(text: String, boxes: String? = nil) -> [TextBlock] {
        let prose = paragraphs(lines(of: text))
        guard let boxes else { return prose }
        return prose + paragraphs(BoxTable.rows(from: BoxLayout(xhtml: boxes)))
    }

    /// The prose and the tables of a PDF from one reading of its word positions: the text is the one `pdftotext`
    /// prints without options (`BoxLayout.text`), the tables' rows come from where each cell is.
    static func blocks(boxes layout: BoxLayout) -> [TextBlock] {
        blocks(text: layout.text, boxes: layout)
    }

    /// The same, with the text already taken from the boxes (to measure it against the budget first).
    static func blocks(text: String, boxes layout: BoxLayout) -> [TextBlock] {
        paragraphs(lines(of: text)) + paragraphs(BoxTable.rows(from: layout))
    }

    /// The lines of every page, running headers, footers and page numbers left out, pages marked.
    private static func lines(of text: String) -> [Line] {
        let rawPages = split(text[...], on: 0x0C).map { page in split(page, on: 0x0A).map(String.init) }
        let pages = rawPages.map { $0.map { TextNormalizer.normalize($0) } }
        let repeated = repeatedMargins(pages)
        var lines: [Line] = []
        for (raw, page) in zip(rawPages, pages) {
            let pageStart = lines.count
            // Each line's shape is worked out once, and only when some line repeats at all.
            let shapes = repeated.isEmpty ? [] : page.map(shape)
            var index = 0
            while index < page.count {
                let line = page[index]
                // A running header may wrap onto two lines on one page and fit on one on another (the shape of two
                // lines joined by a space is their shapes joined by a space).
                if !repeated.isEmpty, index + 1 < page.count, repeated.contains(shapes[index] + " " + shapes[index + 1]) {
                    index += 2
                    continue
                }
                if (repeated.isEmpty || !repeated.contains(shapes[index])) && !isPageNumber(line) {
                    lines.append(Line(raw: raw[index], text: line))
                }
                index += 1
            }
            // Blank lines at the top and bottom of a page are layout; a paragraph may go on across the break.
            while lines.count > pageStart, lines.last!.text.isEmpty { lines.removeLast() }
            if let firstText = lines[pageStart...].firstIndex(where: { !$0.text.isEmpty }) { lines.removeSubrange(pageStart..<firstText) }
            lines.append(Line(raw: pageBreak, text: pageBreak))
        }
        return lines
    }

    /// The parts of the text between one byte (a form feed, a line feed), empty ones kept. Both are grapheme
    /// clusters of their own, so splitting the bytes is splitting the characters, without the cost of finding them.
    private static func split(_ text: Substring, on separator: UInt8) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        for index in text.utf8.indices where text.utf8[index] == separator {
            parts.append(text[start..<index])
            start = text.utf8.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }

    /// A line as laid out (for table columns) and normalised (for prose).
    struct Line {
        var raw: String
        var text: String
        /// Set when the line stands for a whole table row.
        var row: (cells: [String], columns: [String])? = nil
    }

    /// Marks the end of a page: unlike an empty line, it does not end a paragraph by itself.
    private static let pageBreak = "\u{0C}"

    /// Lines that open or close at least two pages, digits ignored ("Page 2 / 5"): running headers and footers.
    private static func repeatedMargins(_ pages: [[String]]) -> Set<String> {
        guard pages.count > 1 else { return [] }
        var counts: [String: Int] = [:]
        for page in pages {
            let content = page.filter { !$0.isEmpty }
            let top = Array(content.prefix(3))
            let bottom = Array(content.suffix(3))
            var margins = Set((top + bottom).map(shape))
            for edge in [top, bottom] where edge.count > 1 {
                for index in 0..<(edge.count - 1) { margins.insert(shape(edge[index] + " " + edge[index + 1])) }
            }
            for line in margins { counts[line, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= 2 && !$0.key.isEmpty }.map(\.key))
    }

    /// The line with every digit as "#". ASCII lines (most) are mapped byte by byte.
    static func shape(_ line: String) -> String {
        let utf8 = line.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return line }
            return String(decoding: utf8.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") ? UInt8(ascii: "#") : $0 }, as: UTF8.self)
        }
        return String(line.map { $0.isNumber ? "#" : $0 })
    }

    /// "3", "Page 3 / 12", "3 sur 12", "- 3 -".
    static func isPageNumber(_ line: String) -> Bool {
        // Only digits, spaces, "/", "-" and the letters of "page", "sur" and "of" can make one: any other ASCII
        // character rules the line out without folding it (most lines, at their first letter).
        for byte in line.utf8 where byte < 0x80 && !pageNumberBytes[Int(byte)] { return false }
        return isPageNumberFolded(line)
    }

    private static let pageNumberBytes: [Bool] = (0..<128).map { byte in
        "0123456789 \t\n\r\u{0B}\u{0C}/-pagesurofPAGESUROF".utf8.contains(UInt8(byte))
    }

    private static func isPageNumberFolded(_ line: String) -> Bool {
        let folded = line.lowercased()
        let stripped = folded.replacingOccurrences(of: "page", with: "").replacingOccurrences(of: "sur", with: "")
            .replacingOccurrences(of: "of", with: "").filter { !$0.isWhitespace && $0 != "/" && $0 != "-" }
        return !line.isEmpty && !stripped.isEmpty && stripped.allSatisfy(\.isNumber)
    }

    private static func paragraphs(_ lines: [Line]) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var headings: [(level: Int, text: String)] = []
        var current: [String] = []

        func flush() {
            guard !current.isEmpty else { return }
            defer { current = [] }
            if current.count == 1, let level = headingLevel(current[0]) {
                while let last = headings.last, last.level >= level { headings.removeLast() }
                headings.append((level, current[0]))
                blocks.append(TextBlock(text: current[0], headings: headings.map(\.text), isHeading: true, isListItem: false))
                return
            }
            blocks.append(TextBlock(text: join(current), headings: headings.map(\.text), isHeading: false, isListItem: false))
        }

        var afterPageBreak = false
        for item in lines {
            if let row = item.row {
                flush()
                blocks.append(
                    TextBlock(
                        text: row.cells.filter { !$0.isEmpty }.joined(separator: " | "), headings: headings.map(\.text), isHeading: false,
                        isListItem: true, cells: row.cells, columns: row.columns))
                continue
            }
            let line = item.text
            if line == pageBreak {  // a paragraph cut by a page break goes on if the next line continues it
                afterPageBreak = true
                continue
            }
            defer { afterPageBreak = false }
            if line.isEmpty {
                flush()
                continue
            }
            if let last = current.last, startsNewParagraph(after: last, next: line, acrossPages: afterPageBreak) { flush() }
            current.append(line)
        }
        flush()
        return blocks
    }

    /// A new paragraph starts after a line that ends a sentence and is short of the text width, or at a heading.
    /// A page that ends on a full sentence ends its paragraph too: otherwise a document of full-width lines ending in
    /// full stops would be one paragraph from its first page to its last.
    private static func startsNewParagraph(after previous: String, next: String, acrossPages: Bool = false) -> Bool {
        if headingLevel(next) != nil || headingLevel(previous) != nil { return true }
        if next.hasPrefix("•") || next.hasPrefix("- ") || next.hasPrefix("– ") { return true }
        guard let end = previous.last else { return true }
        return ".:;!?".contains(end) && (acrossPages || length(of: previous, upTo: 70) < 70)
    }

    /// Wrapped lines rejoin with a space; a word hyphenated at the line end ("héber-" + "gement") rejoins whole.
    /// Short label lines ("Hébergeur : X") keep their line break, as `<br>` lines do in HTML.
    ///
    /// Linear in the paragraph: the length of the text since its last line break is kept as lines are added, never
    /// measured again.
    private static func join(_ lines: [String]) -> String {
        var text = ""
        /// Characters since the last "\n" of `text`: only whether it is under 45 matters, so it stops counting there.
        var lineLength = 0
        for line in lines {
            guard let last = text.last else {
                text = line
                lineLength = length(of: line, upTo: 45)
                continue
            }
            if last == "-", let first = line.first, first.isLowercase, text.dropLast().last?.isLetter == true {
                text.removeLast()
                text += line
                lineLength = min(lineLength - 1 + length(of: line, upTo: 45), 45)
            } else if lineLength < 45 && !".,;".contains(last) {
                text += "\n" + line
                lineLength = length(of: line, upTo: 45)
            } else {
                text += " " + line
                lineLength = min(lineLength + 1 + length(of: line, upTo: 45), 45)
            }
        }
        return text
    }

    /// The line's length in characters, counted no further than `limit`: only whether a line is short matters, so a
    /// long line is not walked to its end (each line is measured two or three times).
    static func length(of line: String, upTo limit: Int) -> Int {
        line.utf8.count <= limit ? line.count : line.prefix(limit).count
    }

    /// Short lines without a final full stop that look like titles: numbered, "Article …", or in capitals.
    static func headingLevel(_ line: String) -> Int? {
        guard length(of: line, upTo: 91) <= 90, let last = line.last, !".,;".contains(last) else { return nil }
        let letters = line.filter(\.isLetter)
        guard letters.count >= 3 else { return nil }
        let lower = line.lowercased()
        if lower.hasPrefix("article ") { return 2 }
        if let first = line.first, first.isNumber {
            let number = line.prefix { $0.isNumber || $0 == "." }
            if number.hasSuffix(".") || line.dropFirst(number.count).hasPrefix(" ") {
                return number.filter { $0 == "." }.count >= 2 || (number.dropLast().contains(".")) ? 3 : 2
            }
        }
        if letters == letters.uppercased() && letters.count >= 5 { return 2 }
        return nil
    }
}
