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
        let text = String(decoding: head, as: UTF8.self).lowercased()
        return text.contains("charset=") || text.contains("charset =") || text.contains("<?xml")
    }
}
