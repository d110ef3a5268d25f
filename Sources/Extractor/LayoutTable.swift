/// Finds subprocessor tables in `pdftotext -layout` text: columns are runs of spaces shared by every line of the
/// table, the first line names the columns, and a line with empty cells continues the row above it.
enum LayoutTable {
    static func extract(from lines: [PlainTextReader.Line]) -> [PlainTextReader.Line] {
        var output: [PlainTextReader.Line] = []
        var group: [PlainTextReader.Line] = []
        func flushGroup() {
            output.append(contentsOf: rows(in: group))
            group = []
        }
        for line in lines {
            if line.text.isEmpty || line.raw == "\u{0C}" {
                flushGroup()
                output.append(line)
            } else {
                group.append(line)
            }
        }
        flushGroup()
        return output
    }

    /// At most this many lines of a group are tried as a table's header: each try reads the rest of the group, and a
    /// page of lines that all look like headers must not cost the square of its length.
    static let maximumHeaderTries = 8

    /// The group's lines, with a table (when one starts at some line of the group) turned into row lines.
    private static func rows(in group: [PlainTextReader.Line]) -> [PlainTextReader.Line] {
        guard group.count >= 2 else { return group }
        var tries = 0
        for start in 0..<(group.count - 1) where mayBeHeader(group[start].raw) {
            tries += 1
            guard tries <= maximumHeaderTries else { break }
            let candidate = group[start...].map(\.raw)
            guard let table = parse(Array(candidate)) else { continue }
            var result = Array(group[..<start])
            for row in table.rows {
                result.append(PlainTextReader.Line(raw: "", text: row.joined(separator: " | "), row: (row, table.header)))
            }
            return result
        }
        return group
    }

    /// A header names a provider or entity column and a service column (`SubprocessorTable`); its cells are made of
    /// whole words of the line, so a line whose words name neither cannot be one. Most lines are passed over here.
    private static func mayBeHeader(_ line: String) -> Bool {
        let text = Folded(line)
        return Patterns.serviceColumn.matches(in: text)
            && (Patterns.providerColumn.matches(in: text) || Patterns.entityColumn.matches(in: text) || UTF8Bytes.contains(text.folded, "societe"))
    }

    private static func parse(_ lines: [String]) -> (header: [String], rows: [[String]])? {
        let grid = lines.map(Array.init)
        let width = grid.map(\.count).max() ?? 0
        guard width > 0 else { return nil }
        var blank = [Bool](repeating: true, count: width)
        for line in grid {
            for (index, character) in line.enumerated() where character != " " { blank[index] = false }
        }
        // Column spans: maximal runs of non-blank positions.
        var spans: [Range<Int>] = []
        var index = 0
        while index < width {
            guard !blank[index] else { index += 1; continue }
            let start = index
            while index < width && !blank[index] { index += 1 }
            spans.append(start..<index)
        }
        // A column starts where the header line has text; spans without header text (a word that overhangs, as
        // "santé" past the end of its cell) belong to the column on their left.
        let headerLine = grid[0]
        func hasHeaderText(_ span: Range<Int>) -> Bool {
            span.contains { $0 < headerLine.count && headerLine[$0] != " " }
        }
        var columns: [Range<Int>] = []
        for span in spans {
            if let last = columns.last, !hasHeaderText(span) {
                columns[columns.count - 1] = last.lowerBound..<span.upperBound
            } else {
                columns.append(span)
            }
        }
        spans = columns
        guard spans.count >= 3 else { return nil }
        func cells(_ line: [Character]) -> [String] {
            spans.map { span in
                guard span.lowerBound < line.count else { return "" }
                return String(line[span.lowerBound..<min(span.upperBound, line.count)]).trimmingCharacters(in: .whitespaces)
            }
        }
        let header = cells(grid[0])
        guard SubprocessorTable(columns: header) != nil else { return nil }
        var rows: [[String]] = []
        for line in grid.dropFirst() {
            let row = cells(line)
            if row.allSatisfy({ !$0.isEmpty }) || rows.isEmpty {
                rows.append(row)
                continue
            }
            for (column, cell) in row.enumerated() where !cell.isEmpty {
                let previous = rows[rows.count - 1][column]
                rows[rows.count - 1][column] = previous.isEmpty ? cell : previous.hasSuffix("-") ? previous + cell : previous + " " + cell
            }
        }
        return rows.isEmpty ? nil : (header, rows)
    }
}
