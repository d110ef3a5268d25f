/// A small RFC 4180 reader (quoted fields, doubled quotes) that keeps line numbers for error messages.
struct CSVTable {
    let file: String
    let header: [String]
    /// Each row with the line it starts on.
    let rows: [(line: Int, fields: [String: String])]

    init(text: String, file: String, required: [String]) throws(InputError) {
        self.file = file
        var records: [(Int, [String])] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\n", "\r\n":
                record.append(field); field = ""
                if !(record.count == 1 && record[0].isEmpty) { records.append((recordLine, record)) }
                record = []
                line += 1
                recordLine = line
            default: field.append(character)
            }
        }
        if quoted { throw InputError(file: file, line: recordLine, field: nil, message: "a quoted field is not closed") }
        record.append(field)
        if !(record.count == 1 && record[0].isEmpty) { records.append((recordLine, record)) }
        guard let first = records.first else { throw InputError(file: file, line: 1, field: nil, message: "the file is empty") }
        header = first.1.map { $0.trimmingCharacters(in: .whitespaces) }
        for column in required where !header.contains(column) {
            throw InputError(file: file, line: 1, field: column, message: "missing column '\(column)'")
        }
        var rows: [(Int, [String: String])] = []
        for (number, fields) in records.dropFirst() {
            guard fields.count == first.1.count else {
                throw InputError(file: file, line: number, field: nil, message: "\(fields.count) fields where the header has \(first.1.count)")
            }
            rows.append((number, Dictionary(uniqueKeysWithValues: zip(header, fields.map { $0.trimmingCharacters(in: .whitespaces) }))))
        }
        self.rows = rows
    }
}
