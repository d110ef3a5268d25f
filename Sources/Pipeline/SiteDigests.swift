import Foundation

/// The manifest kept beside the site (`.site-digests.tsv` next to the site folder): for each platform, the digest of
/// the inputs its own files were rendered from (`RenderOutcome.digests`). A crawl links a platform's files from the
/// published site when its digest is unchanged, instead of rendering them again.
///
/// One line per platform, `<platform id>\t<SHA-256 hex>`, sorted by id, after a comment line. A missing or
/// unreadable manifest only means that every platform is rendered.
enum SiteDigests {
    static let header = "# sovereignty: digest of each platform's page inputs, for the site beside this file"

    static func file(beside site: URL) -> URL {
        site.deletingLastPathComponent().appendingPathComponent(".\(site.lastPathComponent)-digests.tsv")
    }

    static func read(_ file: URL) -> [String: String] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
        var digests: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            digests[String(fields[0])] = String(fields[1])
        }
        return digests
    }

    /// Replaces the manifest in one step (a temporary file renamed over it).
    static func write(_ digests: [String: String], to file: URL) throws {
        let lines = [header] + digests.keys.sorted().map { "\($0)\t\(digests[$0]!)" }
        let temporary = file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".tmp")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            throw SiteSwap.Failure(description: "cannot replace \(file.path): \(String(cString: strerror(errno)))")
        }
    }
}
