import Foundation

/// How page text is made safe for an output format. HTML is escaped by the template engine (`{{x}}`);
/// Markdown needs its own escaping so that page text cannot become links, tables or raw HTML.
struct TextEscaping: Sendable {
    let apply: @Sendable (String) -> String
    /// For addresses: HTML escapes them in attributes like any text; Markdown writes them as `<…>` autolinks, where
    /// an address a redirect chose could close the link, so anything but plain URL characters is percent-encoded.
    var link: @Sendable (String) -> String = { $0 }

    static let html = TextEscaping(apply: { $0 })

    static let markdown = TextEscaping(apply: markdownText, link: markdownLink)

    /// Characters an address may keep inside a Markdown autolink.
    private static let linkCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'()*+,;=%")

    private static func markdownLink(_ url: String) -> String {
        url.addingPercentEncoding(withAllowedCharacters: linkCharacters) ?? ""
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
    private static let markdownSpecial: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "\\`*_[]|<>#{}!".utf8 { table[Int(byte)] = true }
        return table
    }()
}
