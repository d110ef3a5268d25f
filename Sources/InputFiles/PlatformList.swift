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
        for item in try root.required("platforms").sequence() {
            let platform = try platform(item)
            if let first = seenIDs[platform.id] {
                throw item.fail("duplicate id '\(platform.id)' (first used on line \(first))", field: "\(item.path).id")
            }
            seenIDs[platform.id] = item.line ?? 0
            platforms.append(platform)
        }
        guard !platforms.isEmpty else { throw root.fail("the list of platforms is empty", field: "platforms") }
        return platforms
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
    static func read(_ path: String) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, line: nil, field: nil, message: "cannot read the file (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, line: nil, field: nil, message: "the file is not UTF-8 text")
        }
        return text
    }
}
