import Foundation
import SovereigntyModel

/// The expected findings of one page of a labelled set (`<case>.expected.yml` next to `<case>.html`),
/// as a careful human reads the page.
public struct PageLabel: Sendable, Equatable {
    public struct Host: Sendable, Equatable {
        /// `provider:<id>` or `written:<name in lower case>`, as `HostFinding.identityKey`.
        public var key: String
        public var roles: [HostRole]
        public var country: String?
    }

    public var name: String
    public var pagePath: String
    public var hosts: [Host]
    public var hds: String
    public var secNumCloud: String
    public var zeroKnowledge: Bool
    public var dataLocation: [DataLocation]
    public var exposureDisclosed: Bool
    public var level: String
}

/// Loads every labelled page of a folder.
public enum LabelSet {
    public static let pageExtensions = ["html", "htm", "pdf", "txt"]

    public static func load(directory: String) throws(InputError) -> [PageLabel] {
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted() } catch {
            throw InputError(file: directory, line: nil, field: nil, message: "cannot list the folder")
        }
        var labels: [PageLabel] = []
        for file in files where file.hasSuffix(".expected.yml") {
            let name = String(file.dropLast(".expected.yml".count))
            guard let page = pageExtensions.map({ "\(directory)/\(name).\($0)" }).first(where: FileManager.default.fileExists) else {
                throw InputError(file: "\(directory)/\(file)", line: nil, field: nil, message: "no page \(name).html, .pdf or .txt next to it")
            }
            let path = "\(directory)/\(file)"
            labels.append(try parse(text: InputText.read(path), file: path, name: name, page: page))
        }
        return labels
    }

    static func parse(text: String, file: String, name: String, page: String) throws(InputError) -> PageLabel {
        let root = try YAMLReader.document(file: file, text: text)
        try root.requireMapping(allowedKeys: ["hosts", "hds", "secNumCloud", "zeroKnowledge", "dataLocation", "exposureDisclosed", "level"])
        return PageLabel(
            name: name, pagePath: page, hosts: try hosts(root), hds: try root.required("hds").string(),
            secNumCloud: try root.required("secNumCloud").string(), zeroKnowledge: try root.required("zeroKnowledge").bool(),
            dataLocation: try locations(root), exposureDisclosed: try root.required("exposureDisclosed").bool(),
            level: try root.required("level").string())
    }

    /// `hosts:` — each `provider: <id>` or `unknown: <name as written>`, with its roles and, for an unknown one, its
    /// country.
    static func hosts(_ node: YAMLReader) throws(InputError) -> [PageLabel.Host] {
        var hosts: [PageLabel.Host] = []
        for item in try node.optional("hosts")?.sequence() ?? [] {
            try item.requireMapping(allowedKeys: ["provider", "unknown", "roles", "country"])
            let key: String
            if let provider = item.optional("provider") {
                key = "provider:\(try provider.identifier())"
            } else {
                key = "written:\(try item.required("unknown").string().lowercased())"
            }
            var roles: [HostRole] = []
            for role in try item.required("roles").sequence() { roles.append(try role.oneOf(HostRole.self)) }
            hosts.append(PageLabel.Host(key: key, roles: roles.sorted(), country: try item.optional("country")?.string()))
        }
        return hosts
    }

    static func locations(_ node: YAMLReader) throws(InputError) -> [DataLocation] {
        var locations: [DataLocation] = []
        for item in try node.optional("dataLocation")?.sequence() ?? [] { locations.append(try item.oneOf(DataLocation.self)) }
        return locations.sorted()
    }
}
