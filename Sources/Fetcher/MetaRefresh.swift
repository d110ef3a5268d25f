import Foundation

/// Where a page sends its reader on its own: `<meta http-equiv="refresh" content="0; url=/mentions-legales">` in the
/// HTML, or the `Refresh` header with the same value. A legal page that is only such a stub is read where it points.
///
/// The HTML is scanned byte by byte, once (linear in the page, no DOM: the Fetcher never sees libxml2); comments,
/// scripts, styles and `<noscript>` are passed over, since a refresh there is not what a browser running scripts does.
/// Pure.
struct MetaRefresh: Equatable {
    /// Seconds before the browser moves on.
    var delay: Double
    /// The address as written, not yet resolved against the page's URL.
    var url: String

    /// Longest delay read as a redirect: a page that refreshes after minutes (a session that expires) is a page.
    static let maximumDelay = 5.0

    /// The first refresh that names an address, from the header first, then the HTML.
    static func find(headers: [String: String], body: Data) -> MetaRefresh? {
        if let value = headers["refresh"], let refresh = parse(content: value) { return refresh }
        return body.withUnsafeBytes { scan(Array($0.bindMemory(to: UInt8.self))) }
    }

    /// The refresh of the value of a `content` attribute or `Refresh` header: a delay, then optionally `;`, `url=`
    /// and the address, maybe quoted (the HTML standard's "shared declarative refresh steps"). Nil without an address.
    static func parse(content: String) -> MetaRefresh? {
        var rest = Substring(content).drop(while: \.isWhitespace)
        let number = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
        guard let delay = Double(number.hasPrefix(".") ? "0" + number : String(number)) else { return nil }
        rest = rest.dropFirst(number.count).drop(while: \.isWhitespace)
        if rest.first == ";" || rest.first == "," { rest = rest.dropFirst().drop(while: \.isWhitespace) }
        if rest.prefix(3).lowercased() == "url" {
            let afterName = rest.dropFirst(3).drop(while: \.isWhitespace)
            if afterName.first == "=" { rest = afterName.dropFirst().drop(while: \.isWhitespace) }
        }
        if let quote = rest.first, quote == "'" || quote == "\"" {
            rest = rest.dropFirst()
            if let end = rest.firstIndex(of: quote) { rest = rest[..<end] }
        }
        let url = rest.trimmingCharacters(in: .whitespaces)
        return url.isEmpty ? nil : MetaRefresh(delay: delay, url: url)
    }

    /// The first `<meta http-equiv="refresh">` with an address in the HTML bytes.
    static func scan(_ bytes: [UInt8]) -> MetaRefresh? {
        var index = 0
        let count = bytes.count
        while let open = next(UInt8(ascii: "<"), in: bytes, from: index) {
            index = open + 1
            if starts(bytes, at: index, with: "!--") {
                index = find("-->", in: bytes, from: index + 3).map { $0 + 3 } ?? count
                continue
            }
            let name = tagName(bytes, at: index)
            if ["script", "style", "noscript", "template", "textarea"].contains(name) {
                index = find("</\(name)", in: bytes, from: index, ignoringCase: true) ?? count
                continue
            }
            guard name == "meta" else { continue }
            guard let (attributes, end) = self.attributes(bytes, from: index + 4) else { return nil }
            index = end
            if attributes["http-equiv"]?.lowercased() == "refresh", let content = attributes["content"],
                let refresh = parse(content: decodeEntities(content))
            {
                return refresh
            }
        }
        return nil
    }

    /// Same site: the same host, `www.` aside, and the same port, or an http page moving to https on the default ports.
    static func isSameSite(_ from: URL, _ to: URL) -> Bool {
        guard let fromHost = from.host?.lowercased(), let toHost = to.host?.lowercased(),
            let fromScheme = from.scheme?.lowercased(), let toScheme = to.scheme?.lowercased(),
            ["http", "https"].contains(fromScheme), ["http", "https"].contains(toScheme)
        else { return false }
        let bare = { (host: String) in host.hasPrefix("www.") ? String(host.dropFirst(4)) : host }
        guard bare(fromHost) == bare(toHost) else { return false }
        let port = { (url: URL, scheme: String) in url.port ?? (scheme == "https" ? 443 : 80) }
        if fromScheme == toScheme { return port(from, fromScheme) == port(to, toScheme) }
        return fromScheme == "http" && port(from, "http") == 80 && port(to, "https") == 443
    }

    // MARK: - Bytes

    private static func next(_ byte: UInt8, in bytes: [UInt8], from index: Int) -> Int? {
        var index = index
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    private static func starts(_ bytes: [UInt8], at index: Int, with literal: String, ignoringCase: Bool = false) -> Bool {
        let pattern = Array(literal.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count {
            let byte = ignoringCase ? lower(bytes[index + offset]) : bytes[index + offset]
            if byte != pattern[offset] { return false }
        }
        return true
    }

    /// Where `literal` next starts; the first byte is searched with a plain loop, so the scan stays linear in practice.
    private static func find(_ literal: String, in bytes: [UInt8], from index: Int, ignoringCase: Bool = false) -> Int? {
        guard let first = literal.utf8.first else { return nil }
        var index = index
        while index < bytes.count {
            if bytes[index] == first && starts(bytes, at: index, with: literal, ignoringCase: ignoringCase) { return index }
            index += 1
        }
        return nil
    }

    /// The lower-case name of the tag opening at `index`, "" for an end tag or something else.
    private static func tagName(_ bytes: [UInt8], at index: Int) -> String {
        var end = index
        while end < bytes.count, end - index < 16, isNameByte(bytes[end]) { end += 1 }
        guard end < bytes.count, end > index, isSpace(bytes[end]) || bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: "/")
        else { return "" }
        return String(decoding: bytes[index..<end].map(lower), as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    /// The attributes of a tag from `index` to its `>`, names in lower case, and the index after the tag; nil for a tag
    /// the page ends in (a browser drops it).
    private static func attributes(_ bytes: [UInt8], from index: Int) -> ([String: String], Int)? {
        var attributes: [String: String] = [:]
        var index = index
        let count = bytes.count
        while index < count {
            while index < count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < count else { return nil }
            if bytes[index] == UInt8(ascii: ">") { return (attributes, index + 1) }
            let nameStart = index
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
            let name = String(decoding: bytes[nameStart..<index].map(lower), as: UTF8.self)
            while index < count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < count, isSpace(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let start = index + 1
                    index = next(quote, in: bytes, from: start) ?? count
                    value = String(decoding: bytes[start..<index], as: UTF8.self)
                    index += 1
                } else {
                    let start = index
                    while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[start..<index], as: UTF8.self)
                }
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
        }
        return nil
    }

    /// The character references an address in an attribute may carry.
    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
