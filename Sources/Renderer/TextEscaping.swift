/// How page text is made safe for an output format. HTML is escaped by the template engine (`{{x}}`);
/// Markdown needs its own escaping so that page text cannot become links, tables or raw HTML.
struct TextEscaping: Sendable {
    let apply: @Sendable (String) -> String
    /// For addresses: HTML escapes them in attributes like any text; Markdown writes them as `<…>` autolinks, where
    /// an address a redirect chose could close the link, so anything but plain URL characters is percent-encoded.
    var link: @Sendable (String) -> String = { $0 }

    static let html = TextEscaping(apply: { $0 })

    static let markdown = TextEscaping(apply: markdownText, link: markdownLink)

    /// Bytes an address may keep inside a Markdown autolink.
    private static let linkBytes = byteTable("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'()*+,;=%")

    private static func markdownLink(_ url: String) -> String { percentEncoded(url, keeping: linkBytes) }

    /// UTF-8 bytes outside `keeping` as `%XX`; text with none is returned as it is.
    static func percentEncoded(_ text: String, keeping table: [Bool]) -> String {
        guard !text.utf8.allSatisfy({ table[Int($0)] }) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if table[Int(byte)] {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func byteTable(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    private static func markdownText(_ text: String) -> String {
        // Most page text has nothing to escape: one pass over the bytes says so.
        guard text.utf8.contains(where: { markdownSpecial[Int($0)] }) else { return text }
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "<", ">", "#", "{", "}", "!": result.append("\\")
            default: break
            }
            result.append(character)
        }
        return result
    }

    /// The bytes above, as a table indexed by byte.
    private static let markdownSpecial = byteTable("\\`*_[]|<>#{}!")
}
