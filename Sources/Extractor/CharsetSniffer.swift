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
    ///
    /// Read on the bytes, as nearly every page declares its charset in ASCII: lower-casing and searching 4 KB as a
    /// String cost more than libxml2's parse of a small page. A declaration with other bytes in or right after it
    /// is read by `declaredCharsetAsText`, the same rules over the decoded text.
    static func declaredCharset(_ html: Data) -> String? {
        html.prefix(4096).withUnsafeBytes { raw in
            switch declaredCharset(bytes: raw.bindMemory(to: UInt8.self)) {
            case .found(let name): name
            case .absent: nil
            case .notASCII: declaredCharsetAsText(html)
            }
        }
    }

    private enum Declaration { case found(String), absent, notASCII }

    private static func declaredCharset(bytes head: UnsafeBufferPointer<UInt8>) -> Declaration {
        let word = Array("charset".utf8)
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
        func isNameByte(_ byte: UInt8) -> Bool {
            let byte = lower(byte)
            return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
        }
        var start = 0
        while start + word.count <= head.count {
            defer { start += 1 }
            guard lower(head[start]) == word[0], (1..<word.count).allSatisfy({ lower(head[start + $0]) == word[$0] }) else { continue }
            var index = start + word.count
            while index < head.count && head[index] == 0x20 { index += 1 }
            // A byte beyond ASCII where the text rules look (a combining mark, a letter of another script): decide there.
            if index < head.count && head[index] >= 0x80 { return .notASCII }
            guard index < head.count, head[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < head.count && (head[index] == 0x20 || head[index] == 0x22 || head[index] == 0x27) { index += 1 }
            let nameStart = index
            while index < head.count && isNameByte(head[index]) { index += 1 }
            if index < head.count && head[index] >= 0x80 { return .notASCII }
            if index > nameStart {
                return .found(String(decoding: UnsafeBufferPointer(rebasing: head[nameStart..<index]), as: UTF8.self).lowercased())
            }
        }
        return .absent
    }

    /// The same reading over the decoded, lower-cased text: letters and digits of any script may make the name.
    static func declaredCharsetAsText(_ html: Data) -> String? {
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
