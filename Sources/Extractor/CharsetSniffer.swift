import Foundation

/// Chooses the encoding to hand libxml2: the HTTP header's, else the page's own `<meta>` (libxml2 reads it),
/// else UTF-8 when the bytes are valid UTF-8 — libxml2 would otherwise assume ISO-8859-1.
enum CharsetSniffer {
    static func encoding(header: String?, html: Data) -> String? {
        if let header { return header }
        if declaresCharset(html) { return nil }
        return String(data: html, encoding: .utf8) != nil ? "UTF-8" : nil
    }

    private static func declaresCharset(_ html: Data) -> Bool {
        let head = html.prefix(4096)
        if let answer = head.withUnsafeBytes({ declaresCharset(ascii: $0) }) { return answer }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        return text.contains("charset=") || text.contains("charset =") || text.contains("<?xml")
    }

    private static let declarations: [[UInt8]] = ["charset=", "charset =", "<?xml"].map { Array($0.utf8) }

    /// The same answer read from the bytes, ASCII letters in any case, without making the whole head a lower-cased
    /// string. No other character lower-cases to the letters looked for, so bytes without them answer no; bytes with
    /// them answer yes when the characters around are ASCII (a combining mark after them would make another character
    /// of their last one). Nil: a match touches other characters, and the text must be looked at as characters.
    private static func declaresCharset(ascii bytes: UnsafeRawBufferPointer) -> Bool? {
        var undecided = false
        for needle in declarations where bytes.count >= needle.count {
            for start in 0...(bytes.count - needle.count) where needle.indices.allSatisfy({ lowercased(bytes[start + $0]) == needle[$0] }) {
                let end = start + needle.count
                if (start == 0 || bytes[start - 1] < 0x80) && (end == bytes.count || bytes[end] < 0x80) { return true }
                undecided = true
            }
        }
        return undecided ? nil : false
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }
}
