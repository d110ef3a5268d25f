import Foundation
import Mustache

/// The templates of `Templates/`, once per language: each `{{t.key}}` is replaced by that language's words when the
/// templates are loaded, escaped for the template's format. A page then looks up only its own values, and a key
/// missing from a strings file is an error that names the template and the key before anything is written.
struct TemplateSet {
    let libraries: [SiteLanguage: MustacheLibrary]

    init(directory: String, strings: [Strings]) throws {
        let sources = try Self.sources(in: directory)
        var libraries: [SiteLanguage: MustacheLibrary] = [:]
        for words in strings {
            var library = MustacheLibrary()
            for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
                let translated = try Self.translate(text, template: "\(directory)/\(name).mustache", words: words, escape: !name.hasSuffix(".md"))
                try library.register(translated, named: name)
            }
            libraries[words.language] = library
        }
        self.libraries = libraries
    }

    /// Every `*.mustache` file under `directory`, by name without the extension; each must parse as written, so that
    /// syntax errors carry the file's own line numbers.
    private static func sources(in directory: String) throws -> [String: String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw RenderError("templates folder '\(directory)' cannot be read")
        }
        var sources: [String: String] = [:]
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            let file = "\(directory)/\(path)"
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw RenderError("template '\(file)' is not UTF-8 text") }
            do {
                _ = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw RenderError("\(file):\(error.context.lineNumber):\(error.context.columnNumber): template syntax error: \(error.error)")
            }
            sources[String(path.dropLast(".mustache".count))] = text
        }
        return sources
    }

    private static let wordTag = try! NSRegularExpression(pattern: #"\{\{\s*t\.([A-Za-z0-9_.-]+)\s*\}\}"#)

    private static func translate(_ text: String, template: String, words: Strings, escape: Bool) throws -> String {
        let source = text as NSString
        var result = ""
        var position = 0
        for match in wordTag.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            let key = source.substring(with: match.range(at: 1))
            guard let value = words.optional(key) else {
                throw RenderError("\(template): no words for '{{t.\(key)}}' in \(words.file)")
            }
            guard !value.contains("{{") && !value.contains("}}") else {
                throw RenderError("\(words.file): '\(key)' must not contain '{{' or '}}'")
            }
            result += source.substring(with: NSRange(location: position, length: match.range.location - position))
            result += escape ? Self.escapeHTML(value) : value
            position = match.range.location + match.range.length
        }
        result += source.substring(from: position)
        return result
    }

    static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
