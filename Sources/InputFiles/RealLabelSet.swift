import Foundation
import SovereigntyModel

/// Labels of real legal pages that stay outside the repository (`../shared/corpus-real`): facts only — hosts, roles,
/// statuses, levels — never the pages' words. Each `*.yml` of the labels folder maps a page's path, relative to the
/// corpus, to what a careful reader finds in it; `platforms:` gives the level a platform's documents earn together.
public struct RealLabelSet: Sendable {
    public struct Document: Sendable, Equatable {
        /// Relative to the corpus folder, e.g. `health/heloa/imprint.html`.
        public var path: String
        public var hosts: [PageLabel.Host]
        public var hds: String
        public var secNumCloud: String
        public var dataLocation: [DataLocation]
        public var exposureDisclosed: Bool

        /// The first folder of the path: the set the page belongs to (`health`, `france`).
        public var set: String { String(path.split(separator: "/").first ?? "") }
        /// The folder of the platform the page belongs to (`health/heloa`).
        public var platform: String { (path as NSString).deletingLastPathComponent }
    }

    public var documents: [Document]
    /// Expected level by platform folder (`health/heloa` → `C`).
    public var levels: [String: String]

    public static func load(directory: String) throws(InputError) -> RealLabelSet {
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yml") }.sorted() } catch {
            throw InputError(file: directory, line: nil, field: nil, message: "cannot list the folder")
        }
        var set = RealLabelSet(documents: [], levels: [:])
        var errors = InputErrorList()
        for file in files {
            let path = "\(directory)/\(file)"
            _ = errors.collect { () throws(InputError) in try set.read(InputText.read(path), file: path) }
        }
        try errors.check()
        set.documents.sort { $0.path < $1.path }
        return set
    }

    /// One labels file: its documents, and the levels of the platforms whose folders hold them.
    private mutating func read(_ text: String, file: String) throws(InputError) {
        let root = try YAMLReader.document(file: file, text: text)
        try root.requireMapping(allowedKeys: ["documents", "platforms"])
        var sets: Set<String> = []
        for (path, entry) in try root.required("documents").entries() {
            try entry.requireMapping(allowedKeys: ["hosts", "hds", "secNumCloud", "dataLocation", "exposureDisclosed", "why", "doubt"])
            guard !documents.contains(where: { $0.path == path }) else { throw entry.fail("'\(path)' is labelled twice") }
            let document = Document(
                path: path, hosts: try LabelSet.hosts(entry), hds: try entry.required("hds").string(),
                secNumCloud: try entry.required("secNumCloud").string(), dataLocation: try LabelSet.locations(entry),
                exposureDisclosed: try entry.required("exposureDisclosed").bool())
            sets.insert(document.set)
            documents.append(document)
        }
        let platforms = try root.optional("platforms")?.entries() ?? []
        guard platforms.isEmpty || sets.count == 1, let set = sets.first else {
            if platforms.isEmpty { return }
            throw root.fail("platforms: need the file's documents to come from one folder of the corpus", field: "platforms")
        }
        for (folder, entry) in platforms {
            try entry.requireMapping(allowedKeys: ["level", "why"])
            levels["\(set)/\(folder)"] = try entry.required("level").string()
        }
    }
}
