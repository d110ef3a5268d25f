import Foundation
import Yams
import SovereigntyModel

/// Reads a YAML mapping field by field, so every error names the file, the line and the field's path.
struct YAMLReader {
    let file: String
    let node: Node
    /// Dotted path of this node, e.g. `platforms[2].documents[0]`.
    let path: String

    static func document(file: String, text: String) throws(InputError) -> YAMLReader {
        try refuseAliasKeys(file: file, text: text)
        guard let root = try compose(file: file, text: text) else {
            throw InputError(file: file, line: 1, field: nil, message: "the file is empty")
        }
        return YAMLReader(file: file, node: root, path: "")
    }

    private static func compose(file: String, text: String, marker: Character? = nil) throws(InputError) -> Node? {
        /// A message about the copy with its aliases made plain speaks of them as the file writes them.
        func restored(_ message: String) -> String {
            marker.map { message.replacingOccurrences(of: String($0), with: "*") } ?? message
        }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError(file: file, line: Self.line(of: error), field: nil, message: restored("YAML syntax error: \(Self.problem(of: error))"))
        } catch {
            throw InputError(file: file, line: nil, field: nil, message: restored("cannot read YAML: \(error)"))
        }
    }

    /// Refuses a mapping key that is, or holds, an alias (`? *big`), before Yams composes the file.
    ///
    /// Yams checks every mapping for duplicate keys by hashing them, and an alias is hashed as the whole node it
    /// names: ten nested lists of ten aliases make a 500-byte key that hashes 10⁹ nodes, and every command that reads
    /// inputs hangs. Aliases elsewhere cost nothing (the node is shared, and a reader expecting text or a mapping
    /// stops at the first list). So the file is first composed with every alias written as a plain word starting
    /// with a character the file does not hold; the keys of that copy then show where the aliases stood, by line,
    /// at no cost.
    private static func refuseAliasKeys(file: String, text: String) throws(InputError) {
        let scalars = Array(text.unicodeScalars)
        /// An alias is "*" and an anchor name, where a node may start: after a space, a line break or "[{,:?-".
        let aliases = scalars.indices.filter { index in
            guard scalars[index] == "*", index + 1 < scalars.count, isAnchorCharacter(scalars[index + 1]) else { return false }
            return index == 0 || " \t\r\n[{,:?-".unicodeScalars.contains(scalars[index - 1])
        }
        guard !aliases.isEmpty else { return }
        let present = Set(scalars)
        guard let marker = (0xE000...0xF8FF).lazy.compactMap(Unicode.Scalar.init).first(where: { !present.contains($0) }) else { return }
        var plain = scalars
        for index in aliases { plain[index] = marker }
        var copy = String.UnicodeScalarView()
        copy.append(contentsOf: plain)
        guard let root = try compose(file: file, text: String(copy), marker: Character(marker)) else { return }

        func holdsAlias(_ node: Node) -> Bool {
            switch node {
            case .scalar(let scalar): scalar.style == .plain && scalar.string.unicodeScalars.first == marker
            case .sequence(let items): items.contains(where: holdsAlias)
            case .mapping(let mapping): mapping.contains { holdsAlias($0.key) || holdsAlias($0.value) }
            case .alias: false
            }
        }
        func check(_ node: Node) throws(InputError) {
            switch node {
            case .scalar, .alias: return
            case .sequence(let items): for item in items { try check(item) }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if holdsAlias(key) {
                        let written = key.string.map { $0.replacingOccurrences(of: String(Character(marker)), with: "*") }
                        throw InputError(
                            file: file, line: key.mark?.line, field: nil,
                            message: "a key may not be an alias\(written.map { " (\($0))" } ?? ""): write the key out "
                                + "(an alias of nested lists as a key makes reading the file take forever)")
                    }
                    try check(value)
                }
            }
        }
        try check(root)
    }

    /// The characters of an anchor's name, as libyaml reads them.
    private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
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

    /// An absolute http(s) URL with a host, written as it is sent: no white space, no user name or password.
    func webURL() throws(InputError) -> String {
        let written = try string()
        // Foundation would percent-encode a space and accept the URL; libcurl refuses it at fetch time.
        if written.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            throw fail("'\(written)' has a space or a control character in it: write a space as %20")
        }
        // An international domain name is kept in its ASCII form (IDNA): what is fetched, archived and shown.
        let value: String
        do { value = try InternationalHost.asciiURL(written) } catch { throw fail(error.description) }
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { throw fail("'\(value)' is not an http(s) URL") }
        // Every URL is published (pages, data files, the archive): credentials in it would be too. Not echoed here.
        if url.user != nil || url.password != nil || value.split(separator: "/", maxSplits: 3).dropFirst().first?.contains("@") == true {
            throw fail("the URL of host '\(host)' carries a user name or password (user:password@), which would be published with it: remove them")
        }
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
