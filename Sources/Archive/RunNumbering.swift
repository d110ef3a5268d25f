/// The number of the next run: past every run the index has handed out and every `run-N.warc.gz` already in the
/// archive folder, so that an index emptied, replaced or rebuilt never hands out a number whose WARC file holds
/// older history.
public struct RunNumbering: Sendable, Equatable {
    /// The highest run number the index has handed out (0 for an empty index).
    public var indexed: Int64
    /// The highest N of the `run-N.warc.gz` files in the folder (0 when there are none).
    public var onDisk: Int64

    public init(indexed: Int64, onDisk: Int64) {
        self.indexed = indexed
        self.onDisk = onDisk
    }

    /// - Parameter fileNames: the names in the archive folder; only `run-N.warc.gz` counts.
    public init(indexed: Int64, fileNames: [String]) {
        self.init(indexed: indexed, onDisk: fileNames.compactMap(Self.run(ofFile:)).max() ?? 0)
    }

    public var next: Int64 { max(indexed, onDisk) + 1 }

    /// The folder holds WARC files of runs the index never numbered: the index was emptied, replaced or rebuilt.
    public var indexIsBehind: Bool { onDisk > indexed }

    /// What a crawl says when the index is behind its folder, naming both.
    public func notice(index: String, folder: String) -> String {
        let known = indexed == 0 ? "no run" : "runs up to \(indexed)"
        return "the archive index \(index) knows \(known), but \(folder) holds \(Self.fileName(onDisk)): the index was started afresh "
            + "or rebuilt; this run is numbered \(next) so that no archived file is overwritten (the older WARC files stay where they are, "
            + "outside the index's history)"
    }

    public static func fileName(_ run: Int64) -> String { "run-\(run).warc.gz" }

    /// N for `run-N.warc.gz`, nil for any other name.
    static func run(ofFile name: String) -> Int64? {
        guard name.hasPrefix("run-"), name.hasSuffix(".warc.gz") else { return nil }
        let digits = name.dropFirst("run-".count).dropLast(".warc.gz".count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int64(digits)
    }
}
