import Foundation

/// Chooses the encoding to hand libxml2, as browsers do: a byte-order mark wins, then the HTTP header's charset,
/// then the page's own `<meta>` declaration (read here, so that a title written before it is decoded like the rest:
/// libxml2 switching encodings mid-stream loses the page), else UTF-8 when the bytes are valid UTF-8 — libxml2
/// would otherwise assume ISO-8859-1.
enum CharsetSniffer {
    static func encoding(header: String?, html: Data) -> String? {
        if let bom = byteOrderMark(html) { return bom }
        if let header { return header }
        if let declared = declaredCharset(html) { return declared }
        if declaresXML(html) { return nil }
        return String(data: html, encoding: .utf8) != nil ? "UTF-8" : nil
    }

    static func byteOrderMark(_ html: Data) -> String? {
        let start = Array(html.prefix(3))
        if start.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if start.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if start.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        return nil
    }

    /// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KB.
    static func declaredCharset(_ html: Data) -> String? {
        let head = String(decoding: html.prefix(4096), as: UTF8.self).lowercased()
        var searchFrom = head.startIndex
        while let found = head.range(of: "charset", range: searchFrom..<head.endIndex) {
            searchFrom = found.upperBound
            var rest = head[found.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
            let name = rest.prefix { $0.isLetter || $0.isNumber || "-_:.".contains($0) }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    private static func declaresXML(_ html: Data) -> Bool {
        String(decoding: html.prefix(64), as: UTF8.self).contains("<?xml")
    }
}
