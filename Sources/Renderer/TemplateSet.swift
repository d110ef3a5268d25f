import Foundation

/// The templates of `Templates/`, once per language: each `{{t.key}}` is replaced by that language's words when the
/// templates are loaded, escaped for the template's format. A page then looks up only its own values, and a key
/// missing from a strings file is an error that names the template and the key before anything is written.
struct TemplateSet: Sendable {
    let renderers: [SiteLanguage: TemplateRenderer]

    init(directory: String, strings: [Strings]) throws {
        let sources = try Self.sources(in: directory)
        var renderers: [SiteLanguage: TemplateRenderer] = [:]
        for words in strings {
            var templates: [String: CompiledTemplate] = [:]
            for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
                let file = "\(directory)/\(name).mustache"
                let translated = try Self.translate(text, template: file, words: words, escape: !name.hasSuffix(".md"))
                do {
                    templates[name] = try CompiledTemplate(translated)
                } catch {
                    throw RenderError("\(file): template syntax error at \(error) (with the words of \(words.file))")
                }
            }
            for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
                if let missing = template.partials.subtracting(templates.keys).sorted().first {
                    throw RenderError("\(directory)/\(name).mustache: partial '{{> \(missing)}}' has no template \(directory)/\(missing).mustache")
                }
            }
            if let cycle = Self.partialCycle(templates) {
                throw RenderError("\(directory): partials include each other without end: \(cycle.joined(separator: " → "))")
            }
            renderers[words.language] = TemplateRenderer(templates: templates)
        }
        self.renderers = renderers
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
                _ = try CompiledTemplate(text)
            } catch {
                throw RenderError("\(file):\(error.line): template syntax error: \(error.message)")
            }
            sources[String(path.dropLast(".mustache".count))] = text
        }
        return sources
    }

    /// A partial that includes itself, directly or not, would render forever: the first such chain, if any.
    static func partialCycle(_ templates: [String: CompiledTemplate]) -> [String]? {
        var finished: Set<String> = []
        func visit(_ name: String, _ path: [String]) -> [String]? {
            if let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            guard !finished.contains(name), let template = templates[name] else { return nil }
            for partial in template.partials.sorted() {
                if let cycle = visit(partial, path + [name]) { return cycle }
            }
            finished.insert(name)
            return nil
        }
        for name in templates.keys.sorted() {
            if let cycle = visit(name, []) { return cycle }
        }
        return nil
    }

    /// `{{t.key}}` (escaped for the format) or `{{{t.key}}}` (as written).
    private static let wordTag = try! NSRegularExpression(pattern: #"\{\{\{\s*t\.([A-Za-z0-9_.-]+)\s*\}\}\}|\{\{\s*t\.([A-Za-z0-9_.-]+)\s*\}\}"#)

    private static func translate(_ text: String, template: String, words: Strings, escape: Bool) throws -> String {
        let source = text as NSString
        var result = ""
        var position = 0
        for match in wordTag.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            let raw = match.range(at: 1).location != NSNotFound
            let key = source.substring(with: match.range(at: raw ? 1 : 2))
            guard let value = words.optional(key) else {
                throw RenderError("\(template): no words for '{{t.\(key)}}' in \(words.file)")
            }
            // Braces in the words would read as template tags once substituted.
            guard !value.contains("{") && !value.contains("}") else {
                throw RenderError("\(words.file): '\(key)' is used by \(template) and must not contain '{' or '}'")
            }
            result += source.substring(with: NSRange(location: position, length: match.range.location - position))
            result += escape && !raw ? TemplateRenderer.escapedHTML(value) : value
            position = match.range.location + match.range.length
        }
        result += source.substring(from: position)
        return result
    }
}
