import Foundation

/// Rebuilds the tables of a PDF from word positions (`pdftotext -bbox-layout`), so that a row's cells stay together
/// even when a cell wraps onto several lines and is centred on its row: there, `-layout` text interleaves the lines
/// of neighbouring rows. A cell is one of pdftotext's text blocks; the cells whose heights overlap make a row; a row
/// whose cells name a subprocessor table's columns is its header, and the rows below it, on that page and the next,
/// are read against the header's columns.
enum BoxTable {
    /// One text block: where it is on its page and its text.
    struct Cell {
        var xMin: Double
        var xMax: Double
        var yMin: Double
        var yMax: Double
        var text: String
        /// Each word with its horizontal extent: a header block that spans two columns is split by them.
        var words: [(xMin: Double, xMax: Double, text: String)] = []
    }

    /// The table rows of the document, each as a line standing for the row.
    static func rows(fromBoxes xhtml: String) -> [PlainTextReader.Line] {
        rows(from: BoxLayout(xhtml: xhtml))
    }

    /// The same, from word positions already read.
    static func rows(from layout: BoxLayout) -> [PlainTextReader.Line] {
        var lines: [PlainTextReader.Line] = []
        var table: (header: [String], columns: [Cell])?
        for page in pages(layout) {
            for band in bands(page) {
                let cells = band.sorted { $0.xMin < $1.xMin }
                let texts = cells.map(\.text)
                if SubprocessorTable.isHeader(texts) {
                    table = (texts, cells)
                    continue
                }
                guard var current = table else { continue }
                // Headers set close together come out as one block ("Localisation Service"): the first row's cells
                // show where the columns really are.
                if current.header.count < cells.count {
                    let split = split(current.columns, by: cells)
                    if split.count > current.columns.count {
                        current = (split.map(\.text), split)
                        table = current
                    }
                }
                // Only a subprocessor or hosting-chain table's rows are read (a cookie or purpose table names no host).
                guard SubprocessorTable(columns: current.header) != nil || DisclosureTable(columns: current.header) != nil else { continue }
                // A line of text across the page (a title, a paragraph) ends the table.
                guard cells.count >= 2, let row = assign(cells, to: current.columns) else {
                    table = nil
                    continue
                }
                lines.append(PlainTextReader.Line(raw: "", text: row.filter { !$0.isEmpty }.joined(separator: " | "), row: (row, current.header)))
            }
        }
        return lines
    }

    /// Header blocks split where the row below has a cell each for parts of them: each header word goes to the row
    /// cell under it.
    private static func split(_ header: [Cell], by row: [Cell]) -> [Cell] {
        header.flatMap { column -> [Cell] in
            let under = row.filter { min($0.xMax, column.xMax) - max($0.xMin, column.xMin) > 0 }.sorted { $0.xMin < $1.xMin }
            guard under.count > 1, !column.words.isEmpty else { return [column] }
            var parts = under.map { Cell(xMin: $0.xMin, xMax: $0.xMax, yMin: column.yMin, yMax: column.yMax, text: "") }
            for word in column.words {
                let center = (word.xMin + word.xMax) / 2
                let overlap = parts.map { min($0.xMax, word.xMax) - max($0.xMin, word.xMin) }
                let index =
                    overlap.max().map { $0 > 0 } == true
                    ? overlap.indices.max { overlap[$0] < overlap[$1] }!
                    : parts.indices.min { abs((parts[$0].xMin + parts[$0].xMax) / 2 - center) < abs((parts[$1].xMin + parts[$1].xMax) / 2 - center) }!
                parts[index].text += parts[index].text.isEmpty ? word.text : " " + word.text
                parts[index].xMin = min(parts[index].xMin, word.xMin)
                parts[index].xMax = max(parts[index].xMax, word.xMax)
            }
            return parts.filter { !$0.text.isEmpty }
        }
    }

    /// Each cell in the column it overlaps most; nil when a cell overlaps none (the text is not in this table).
    private static func assign(_ cells: [Cell], to columns: [Cell]) -> [String]? {
        var row = [String](repeating: "", count: columns.count)
        for cell in cells {
            let overlaps = columns.map { min($0.xMax, cell.xMax) - max($0.xMin, cell.xMin) }
            let center = (cell.xMin + cell.xMax) / 2
            // A cell wider or narrower than its header: the overlap decides, else the nearest header's centre.
            guard let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }) else { return nil }
            let index =
                overlaps[best] > 0
                ? best
                : columns.indices.min { abs((columns[$0].xMin + columns[$0].xMax) / 2 - center) < abs((columns[$1].xMin + columns[$1].xMax) / 2 - center) }!
            if overlaps[best] <= 0 && abs((columns[index].xMin + columns[index].xMax) / 2 - center) > 80 { return nil }
            row[index] = row[index].isEmpty ? cell.text : row[index] + " " + cell.text
        }
        return row
    }

    /// The page's blocks grouped into rows: blocks whose vertical extents overlap, top to bottom.
    private static func bands(_ cells: [Cell]) -> [[Cell]] {
        var bands: [[Cell]] = []
        var bottom = -Double.infinity
        for cell in cells.sorted(by: { $0.yMin < $1.yMin }) {
            // A shared point or two of leading is not an overlap.
            if !bands.isEmpty, cell.yMin < bottom - 1.5 {
                bands[bands.count - 1].append(cell)
                bottom = max(bottom, cell.yMax)
            } else {
                bands.append([cell])
                bottom = cell.yMax
            }
        }
        return bands
    }

    /// The text blocks of each page, as cells.
    private static func pages(_ layout: BoxLayout) -> [[Cell]] {
        layout.pages.map { page in page.flows.flatMap(\.blocks).compactMap(cell) }
    }

    /// Zero-width spaces dropped, white space trimmed: Foundation is asked only when the bytes show there is any
    /// (every block of a PDF is a cell, and most have neither).
    static func cleaned(_ text: String) -> String {
        let utf8 = text.utf8
        var text = text
        // U+200B is E2 80 8B.
        if utf8.contains(0xE2), text.contains("\u{200B}") { text = text.replacingOccurrences(of: "\u{200B}", with: "") }
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let plain = { (byte: UInt8) in byte > 0x20 && byte < 0x7F }
        return plain(first) && plain(last) ? text : UTF8Bytes.trimmingWhitespace(text)
    }

    private static func cell(_ block: BoxLayout.Block) -> Cell? {
        var text = ""
        for line in block.lines where !line.words.isEmpty {
            let words = line.words.map(\.text).joined(separator: " ")
            // A word hyphenated at the end of a cell's line rejoins whole.
            if text.hasSuffix("-"), let first = words.first, first.isLowercase, text.dropLast().last?.isLetter == true {
                text.removeLast()
                text += words
            } else {
                text += text.isEmpty ? words : " " + words
            }
        }
        let cleaned = Self.cleaned(text)
        guard !cleaned.isEmpty else { return nil }
        let placed = block.lines.flatMap(\.words).map { (xMin: $0.xMin, xMax: $0.xMax, text: $0.text) }
        return Cell(xMin: block.xMin, xMax: block.xMax, yMin: block.yMin, yMax: block.yMax, text: cleaned, words: placed)
    }
}
