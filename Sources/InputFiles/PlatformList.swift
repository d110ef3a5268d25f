import Foundation
import SovereigntyModel

/// Loads `platforms.yml`: the platforms to watch and their legal pages.
public enum PlatformList {
    public static func load(path: String) throws(InputError) -> [Platform] {
        try parse(text: InputText.read(path), file: path)
    }

    public static func parse(text: String, file: String) throws(InputError) -> [Platform] {
        let root = try YAMLReader.document(file: file, text: text)
        try root.requireMapping(allowedKeys: ["platforms"])
        var platforms: [Platform] = []
        var seenIDs: [String: Int] = [:]
        var errors = InputErrorList()
        let items = try root.required("platforms").sequence()
        // Each item is read on every core (checking its URLs costs more than parsing the file), then taken in order.
        let read = items.map(Item.init).concurrentMap(chunk: 32) { item in
            Result { () throws(InputError) -> Platform in try platform(item.reader) }
        }
        for (item, result) in zip(items, read) {
            guard let platform = errors.collect({ () throws(InputError) in try result.get() }) else { continue }
            if let first = seenIDs[platform.id] {
                errors.append(item.fail("duplicate id '\(platform.id)' (first used on line \(first))", field: "\(item.path).id"))
                continue
            }
            seenIDs[platform.id] = item.line ?? 0
            platforms.append(platform)
        }
        try errors.check()
        guard !items.isEmpty else { throw root.fail("the list of platforms is empty", field: "platforms") }
        return platforms
    }

    /// One item of the list, read by one task: the composed YAML nodes are only read, never changed.
    private struct Item: @unchecked Sendable {
        let reader: YAMLReader
    }

    private static func platform(_ item: YAMLReader) throws(InputError) -> Platform {
        try item.requireMapping(allowedKeys: [
            "id", "name", "category", "operator", "website", "operatorUsControlled", "documents",
        ])
        // Fields are read in the order of the schema, so the first error reported is the first in the file.
        let id = try item.required("id").identifier()
        let name = try item.required("name").string()
        let category = try item.required("category").string()
        let operatorName = try item.required("operator").string()
        let website = try item.required("website").webURL()
        let usControlled = try item.optional("operatorUsControlled")?.bool() ?? false
        var documents: [DocumentReference] = []
        for entry in try item.required("documents").sequence() {
            try entry.requireMapping(allowedKeys: ["url", "kind", "render"])
            documents.append(
                DocumentReference(
                    url: try entry.required("url").webURL(), kind: try entry.required("kind").oneOf(DocumentKind.self),
                    render: try entry.optional("render")?.oneOf(RenderMode.self) ?? .http))
        }
        guard !documents.isEmpty else { throw item.fail("a platform needs at least one document", field: "\(item.path).documents") }
        return Platform(
            id: id, name: name, category: category, operator: operatorName, website: website,
            operatorUsControlled: usControlled, documents: documents)
    }
}

enum InputText {
    /// A file's text; `option` names the command-line option that sets the path, for the hint a relative path needs.
    static func read(_ path: String, option: String? = nil) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(
                file: path, line: nil, field: nil,
                message: "cannot read the file (missing or unreadable)" + (option.map { relativeHint(path, option: $0) } ?? ""))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, line: nil, field: nil, message: "the file is not UTF-8 text")
        }
        return text
    }

    /// Default paths are relative to the working folder: say so when a relative one is missing.
    static func relativeHint(_ path: String, option: String) -> String {
        guard !path.hasPrefix("/"), !FileManager.default.fileExists(atPath: path) else { return "" }
        return "; paths are relative to the working folder (\(FileManager.default.currentDirectoryPath)): run from the project folder, or pass \(option)"
    }
}
