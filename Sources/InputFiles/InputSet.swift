import Foundation
import SovereigntyModel

/// The input files a run is judged with, as text beside the path each was read from. A crawl reads them from disk
/// and the archive keeps them with the run; `report` reads them back from there, so that an old run is rebuilt with
/// the knowledge it had, on any machine, with no `Inputs/` folder present.
public struct InputSet: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case platforms
        case providers
        case hdsRegistry = "hds-registry"
        case secNumCloudRegistry = "secnumcloud-registry"
        case corrections

        /// The command-line option that names this file, for error messages.
        public var option: String {
            switch self {
            case .platforms: "--platforms"
            case .providers: "--providers"
            case .hdsRegistry, .secNumCloudRegistry: "--registries"
            case .corrections: "--corrections"
            }
        }
    }

    public struct File: Sendable, Equatable {
        public var role: Role
        /// The path as the run was given it (shown on the methodology page and in errors).
        public var path: String
        /// Nil when the file was not there: no registry, or no corrections yet.
        public var text: String?

        public init(role: Role, path: String, text: String?) {
            self.role = role
            self.path = path
            self.text = text
        }
    }

    /// One file per role, in `Role.allCases` order.
    public private(set) var files: [File]

    public init(files: [File]) {
        self.files = Role.allCases.compactMap { role in files.first { $0.role == role } }
    }

    /// Reads the files from disk (only those of `roles`, when given). The registries folder must exist (a missing
    /// folder is a mistyped path, not "no registry"); in it, a missing file means that registry is not loaded. A
    /// missing corrections file means none.
    public static func read(
        platforms: String, providers: String, registries: String, corrections: String, only roles: Set<Role> = Set(Role.allCases)
    ) throws(InputError) -> InputSet {
        if roles.contains(.hdsRegistry) || roles.contains(.secNumCloudRegistry) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: registries, isDirectory: &isFolder), isFolder.boolValue else {
                throw InputError(
                    file: registries, line: nil, field: nil,
                    message: "no such folder" + InputText.relativeHint(registries, option: Role.hdsRegistry.option))
            }
        }
        func optional(_ path: String) throws(InputError) -> String? {
            FileManager.default.fileExists(atPath: path) ? try InputText.read(path) : nil
        }
        var files: [File] = []
        for role in Role.allCases where roles.contains(role) {
            switch role {
            case .platforms: files.append(File(role: role, path: platforms, text: try InputText.read(platforms, option: role.option)))
            case .providers: files.append(File(role: role, path: providers, text: try InputText.read(providers, option: role.option)))
            case .hdsRegistry: files.append(File(role: role, path: "\(registries)/hds.csv", text: try optional("\(registries)/hds.csv")))
            case .secNumCloudRegistry:
                files.append(File(role: role, path: "\(registries)/secnumcloud.csv", text: try optional("\(registries)/secnumcloud.csv")))
            case .corrections: files.append(File(role: role, path: corrections, text: try optional(corrections)))
            }
        }
        return InputSet(files: files)
    }

    public func file(_ role: Role) -> File? { files.first { $0.role == role } }

    /// This set with some roles' files taken from another (newer knowledge over an archived run's).
    public func replacing(_ roles: Set<Role>, from other: InputSet) -> InputSet {
        InputSet(files: files.map { file in roles.contains(file.role) ? other.file(file.role) ?? file : file })
    }

    public func platforms() throws(InputError) -> [Platform] {
        let file = try required(.platforms)
        return try PlatformList.parse(text: file.text ?? "", file: file.path)
    }

    /// The providers with the registries that were there.
    public func catalog() throws(InputError) -> ProviderCatalog {
        let providers = try required(.providers)
        let hds = try file(.hdsRegistry).flatMap { registry throws(InputError) in
            try registry.text.map { text throws(InputError) in try RegistryFiles.hds(text: text, file: registry.path) }
        }
        let secNumCloud = try file(.secNumCloudRegistry).flatMap { registry throws(InputError) in
            try registry.text.map { text throws(InputError) in try RegistryFiles.secNumCloud(text: text, file: registry.path) }
        }
        return try ProviderList.parse(text: providers.text ?? "", file: providers.path).with(Registries(hds: hds, secNumCloud: secNumCloud))
    }

    public func corrections(platformIDs: Set<String>) throws(InputError) -> [Correction] {
        guard let file = file(.corrections), let text = file.text else { return [] }
        return try CorrectionList.parse(text: text, file: file.path, platformIDs: platformIDs)
    }

    private func required(_ role: Role) throws(InputError) -> File {
        guard let file = file(role), file.text != nil else {
            throw InputError(file: file(role)?.path ?? role.rawValue, line: nil, field: nil, message: "no \(role.rawValue) file in this input set")
        }
        return file
    }
}
