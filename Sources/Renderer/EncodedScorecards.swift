import Foundation

/// Each scorecard's `ScorecardJSON.encode`, in ranking order, kept in a file rather than in memory: the crawl encodes
/// every scorecard once, keeps it in the archive (`ScorecardJSON.compact`) and here, and the renderer reads it back
/// for `data/scorecards.json` and the page digests instead of encoding 2 000 scorecards a second time. `report`
/// renders without one and encodes them itself: the same bytes.
public final class EncodedScorecards {
    public let file: URL
    private let handle: FileHandle
    /// Where each scorecard's JSON lies in the file, with its platform id, in the order appended.
    private var entries: [(id: String, range: Range<Int>)] = []
    private var end = 0

    /// Starts an empty file (one left by a run that stopped is replaced).
    public init(file: URL) throws {
        self.file = file
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw RenderError("cannot create \(file.path)")
        }
        handle = try FileHandle(forUpdating: file)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: file)
    }

    /// Keeps the next scorecard's JSON.
    public func append(_ json: Data, id: String) throws {
        try handle.seekToEnd()
        try handle.write(contentsOf: json)
        entries.append((id, end..<end + json.count))
        end += json.count
    }

    /// The JSON of the scorecards at these positions, read in one piece; nil unless every one of them was kept for
    /// the platform named, in order (the caller then encodes them).
    func json(at positions: Range<Int>, ids: [String]) throws -> [Data]? {
        guard positions.upperBound <= entries.count, positions.count == ids.count,
            zip(entries[positions], ids).allSatisfy({ $0.0.id == $0.1 }), let first = positions.first
        else { return nil }
        let start = entries[first].range.lowerBound
        try handle.seek(toOffset: UInt64(start))
        let bytes = try handle.read(upToCount: entries[positions.upperBound - 1].range.upperBound - start) ?? Data()
        return try entries[positions].map { entry in
            let range = (entry.range.lowerBound - start)..<(entry.range.upperBound - start)
            guard range.upperBound <= bytes.count else { throw RenderError("\(file.path) is shorter than what was kept in it") }
            return bytes.subdata(in: range)
        }
    }
}
