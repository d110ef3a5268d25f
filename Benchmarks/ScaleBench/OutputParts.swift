import Foundation

/// The output folder in the parts a run adds to (the archive's index, its WARC files, the site, the rest), so that
/// the bench says where a run's bytes went, in kilobytes.
struct OutputParts {
    var index = 0
    var warc = 0
    var site = 0
    var total = 0
    var files: [String: Int] = [:]

    init(_ out: URL) {
        let archive = out.appendingPathComponent("archive")
        index = Self.size(archive.appendingPathComponent("index.sqlite"))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []
        warc = names.filter { $0.hasSuffix(".warc.gz") }.reduce(0) { $0 + Self.size(archive.appendingPathComponent($1)) }
        site = FolderSize(out.appendingPathComponent("site"), distinctFiles: true).bytes
        total = FolderSize(out, distinctFiles: true).bytes
        if ProcessInfo.processInfo.environment["BENCH_DEBUG"] != nil, let walker = FileManager.default.enumerator(atPath: out.path) {
            while let name = walker.nextObject() as? String { files[name] = Self.size(out.appendingPathComponent(name)) }
        }
    }

    func added(since before: OutputParts) -> String {
        if !files.isEmpty {
            let grown = files.map { ($0.key, $0.value - (before.files[$0.key] ?? 0)) }.sorted { $0.1 > $1.1 }.prefix(25)
            for (name, bytes) in grown { print("      \(bytes) \(name)") }
        }
        let figures = [
            ("index", index - before.index), ("WARC", warc - before.warc), ("site", site - before.site),
            ("rest", (total - index - warc - site) - (before.total - before.index - before.warc - before.site)),
        ]
        return String(format: "%.0f KB:", Double(total - before.total) / 1024)
            + figures.map { String(format: " %@ %+.0f KB", $0.0 as NSString, Double($0.1) / 1024) }.joined(separator: ",")
    }

    private static func size(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
    }
}
