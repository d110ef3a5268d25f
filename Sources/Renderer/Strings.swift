import Foundation
import Yams

/// A language the site is published in: French at the root, the others in a folder of their own.
public enum SiteLanguage: String, Sendable, CaseIterable {
    case fr, en

    /// Folder of this language's pages, relative to the site root ("" for French, the public's language).
    var folder: String { self == .fr ? "" : "\(rawValue)/" }
}

/// The words of the site in one language, read from `Templates/strings/<lang>.yml` at every rendering, so that a
/// reader can correct a word without rebuilding. Templates see the nested mapping as `t`; code looks keys up by path.
final class Strings: @unchecked Sendable {
    let language: SiteLanguage
    let file: String
    private let flat: [String: String]
    /// Keys the code asked for and the file lacks; rendering fails on them rather than print a hole.
    var missing: Set<String> { lock.withLock { missingKeys } }
    private var missingKeys: Set<String> = []
    /// Capture views are rendered on several threads at once.
    private let lock = NSLock()

    init(language: SiteLanguage, templatesPath: String) throws {
        self.language = language
        file = "\(templatesPath)/strings/\(language.rawValue).yml"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw RenderError("strings file '\(file)' is missing or not UTF-8")
        }
        let loaded: Any?
        do { loaded = try Yams.load(yaml: text) } catch { throw RenderError("\(file): YAML syntax error: \(error)") }
        guard let mapping = loaded as? [String: Any] else { throw RenderError("\(file): expected a mapping of keys to words") }
        var flat: [String: String] = [:]
        try Self.flatten(mapping, prefix: "", file: file, into: &flat)
        self.flat = flat
    }

    var keys: Set<String> { Set(flat.keys) }

    /// The words for `key`, with `{name}` placeholders filled in.
    func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let text = flat[key] else {
            _ = lock.withLock { missingKeys.insert(key) }
            return key
        }
        return values.isEmpty ? text : Self.fill(text, values)
    }

    /// The words for a count: `key.one` or `key.other` by the language's rule (French says "1 jour" and "0 jour",
    /// English "1 day" and "0 days"), with `{count}` and `values` filled in.
    func plural(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        let singular = language == .fr ? count < 2 : count == 1
        return self(key + (singular ? ".one" : ".other"), values.merging(["count": String(count)]) { given, _ in given })
    }

    /// Replaces each `{name}` that `values` knows, in one pass; other braces stay as written.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The words for `key` when the file has them: for open sets such as categories, shown as written otherwise.
    func optional(_ key: String) -> String? { flat[key] }

    /// Every leaf must be text: a number or a list in a strings file is a typo.
    private static func flatten(_ mapping: [String: Any], prefix: String, file: String, into flat: inout [String: String]) throws {
        for (key, value) in mapping.sorted(by: { $0.key < $1.key }) {
            let path = prefix + key
            switch value {
            case let text as String:
                guard flat[path] == nil else { throw RenderError("\(file): '\(path)' is given twice") }
                flat[path] = text
            case let nested as [String: Any]: try flatten(nested, prefix: path + ".", file: file, into: &flat)
            default: throw RenderError("\(file): '\(path)' must be text or a mapping (quote it if it is a number)")
            }
        }
    }

    /// Each language must have the keys of the other: a page half translated is a bug, found before rendering.
    static func checkSameKeys(_ all: [Strings]) throws {
        guard let reference = all.first else { return }
        for other in all.dropFirst() {
            if let key = reference.keys.subtracting(other.keys).sorted().first {
                throw RenderError("\(other.file): key '\(key)' is missing (it is in \(reference.file))")
            }
            if let key = other.keys.subtracting(reference.keys).sorted().first {
                throw RenderError("\(reference.file): key '\(key)' is missing (it is in \(other.file))")
            }
        }
    }
}
