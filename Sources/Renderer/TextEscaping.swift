/// How page text is made safe for an output format. HTML is escaped by Mustache itself (`{{x}}`);
/// Markdown needs its own escaping so that page text cannot become links, tables or raw HTML.
struct TextEscaping: Sendable {
    let apply: @Sendable (String) -> String

    static let html = TextEscaping { $0 }

    static let markdown = TextEscaping { text in
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
}
