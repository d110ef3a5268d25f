import Foundation
import Yams

/// Reads a YAML mapping field by field, so every error names the file, the line and the field's path.
struct YAMLReader {
    let file: String
    let node: Node
    /// Dotted path of this node, e.g. `platforms[2].documents[0]`.
    let path: String

    static func document(file: String, text: String) throws(InputError) -> YAMLReader {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError(file: file, line: Self.line(of: error), field: nil, message: "YAML syntax error: \(Self.problem(of: error))")
        } catch {
            throw InputError(file: file, line: nil, field: nil, message: "cannot read YAML: \(error)")
        }
        guard let root else { throw InputError(file: file, line: 1, field: nil, message: "the file is empty") }
        return YAMLReader(file: file, node: root, path: "")
    }

    var line: Int? { node.mark?.line }

    func fail(_ message: String, field: String? = nil) -> InputError {
        InputError(file: file, line: line, field: field ?? (path.isEmpty ? nil : path), message: message)
    }

    private func child(_ key: String) -> YAMLReader? {
        guard case .mapping(let mapping) = node else { return nil }
        for (name, value) in mapping where name.string == key {
            return YAMLReader(file: file, node: value, path: path.isEmpty ? key : "\(path).\(key)")
        }
        return nil
    }

    /// Fails on keys this mapping does not know (a typo must not silently drop a fact).
    func requireMapping(allowedKeys: Set<String>) throws(InputError) {
        guard case .mapping(let mapping) = node else { throw fail("expected a mapping (key: value lines)") }
        var seen: Set<String> = []
        for (name, _) in mapping {
            let key = name.string ?? ""
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowedKeys.contains(key) else {
                throw InputError(
                    file: file, line: name.mark?.line, field: keyPath,
                    message: "unknown key '\(key)' (allowed: \(allowedKeys.sorted().joined(separator: ", ")))")
            }
            guard seen.insert(key).inserted else {
                throw InputError(file: file, line: name.mark?.line, field: keyPath, message: "key '\(key)' appears twice")
            }
        }
    }

    /// A mapping's entries in file order, for maps keyed by data (paths, ids) rather than by field names.
    func entries() throws(InputError) -> [(key: String, value: YAMLReader)] {
        guard case .mapping(let mapping) = node else { throw fail("expected a mapping (key: value lines)") }
        return mapping.map { name, value in
            let key = name.string ?? ""
            return (key, YAMLReader(file: file, node: value, path: path.isEmpty ? key : "\(path).\(key)"))
        }
    }

    func required(_ key: String) throws(InputError) -> YAMLReader {
        guard let value = child(key) else {
            throw fail("missing required field '\(key)'", field: path.isEmpty ? key : "\(path).\(key)")
        }
        return value
    }

    func optional(_ key: String) -> YAMLReader? {
        guard let value = child(key), value.node.null == nil else { return nil }
        return value
    }

    func string() throws(InputError) -> String {
        guard case .scalar(let scalar) = node else { throw fail("expected text") }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw fail("must not be empty") }
        return text
    }

    func bool() throws(InputError) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw fail("expected true or false") }
        return value
    }

    func sequence() throws(InputError) -> [YAMLReader] {
        guard case .sequence(let items) = node else { throw fail("expected a list") }
        return items.enumerated().map { index, item in
            YAMLReader(file: file, node: item, path: "\(path)[\(index)]")
        }
    }

    func strings() throws(InputError) -> [String] {
        var result: [String] = []
        for item in try sequence() { result.append(try item.string()) }
        return result
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default: "\(error)"
        }
    }
}

extension YAMLReader {
    /// An identifier usable in file names and URLs.
    func identifier() throws(InputError) -> String {
        let value = try string()
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed else { throw fail("'\(value)' is not a valid id: use only a-z, 0-9 and '-'") }
        return value
    }

    /// An absolute http(s) URL with a host.
    func webURL() throws(InputError) -> String {
        let value = try string()
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { throw fail("'\(value)' is not an http(s) URL") }
        return value
    }

    /// A `YYYY-MM-DD` date.
    func day() throws(InputError) -> String {
        let value: String
        if case .scalar(let scalar) = node { value = scalar.string } else { throw fail("expected a date YYYY-MM-DD") }
        let parts = value.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
        else { throw fail("'\(value)' is not a date YYYY-MM-DD") }
        return value
    }

    func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(InputError) -> T where T.RawValue == String {
        let value = try string()
        guard let result = T(rawValue: value) else {
            throw fail("'\(value)' is not one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return result
    }
}
