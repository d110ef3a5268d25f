import Archive
import Foundation
import Renderer

/// The history's state after a crawl's run (`SiteHistory.Builder`), kept in the archive folder so that the next crawl
/// reads only the runs since rather than every run again: a night's cost does not grow with the archive's age.
///
/// Two gzipped files, each opening with a line that says what made it (the format of its lines, the tool's build,
/// `--confirm-runs`, the runs read with their dates): `history-checkpoint.jsonl.gz`, then one line per platform in id
/// order, and `history-checkpoint-run.json.gz`, then the run-wide line and the number of platform lines. On a night
/// that follows the state kept, a platform's line is read, brought up to tonight's run and written again before the
/// next one is read, so that the crawl never holds every platform's trackers at once.
///
/// A cache, never a source: a state made by another build of the tool, for another `--confirm-runs`, or from runs the
/// archive does not hold as it recorded them (another index, a run it does not know), or whose two files disagree
/// (a crawl killed between their renames), is ignored, and the history is read from every run, as `report` reads it.
struct HistoryCheckpoint: Sendable {
    let platformsFile: URL
    let runWideFile: URL

    init(archive: URL) {
        platformsFile = archive.appendingPathComponent("history-checkpoint.jsonl.gz")
        runWideFile = archive.appendingPathComponent("history-checkpoint-run.json.gz")
    }

    /// The runs a state has read, as the archive recorded them.
    struct RunKey: Codable, Equatable {
        var id: Int64
        var startedAt: String

        init(_ run: RunRow) {
            id = run.id ?? 0
            startedAt = run.startedAt
        }
    }

    /// The first line of both files.
    struct Header: Codable, Equatable {
        /// The shape of the kept lines, so that a state of another shape is set aside as such even where the build
        /// cannot be told apart (`Versions.build` reads "unknown" without `/proc/self/exe`). 2: each platform's part
        /// carries its rows of `data/history.csv`. A header without it does not decode: another shape.
        static let currentFormat = 2
        var format: Int
        var build: String
        var confirmRuns: Int
        var runs: [RunKey]

        init(confirmRuns: Int, runs: [RunRow]) {
            format = Self.currentFormat
            build = Versions.build
            self.confirmRuns = confirmRuns
            self.runs = runs.map(RunKey.init)
        }
    }

    /// A kept state that fits the archive: its run-wide part read, its platforms' parts still to read, in id order.
    final class Kept: @unchecked Sendable {
        /// The run-wide part, until `takeBuilder()` hands it over.
        private var builder: SiteHistory.Builder
        /// How many of the archive's first runs it has read.
        let runsRead: Int
        private let platforms: GzipLineReader
        private let platformCount: Int
        private var platformsRead = 0
        /// Platforms' parts read ahead, a few hundred decoded at a time on every core, and the next one's place.
        private var ahead: [Result<SiteHistory.Builder.KeptPlatform, any Error>] = []
        private var next = 0

        fileprivate init(builder: SiteHistory.Builder, runsRead: Int, platforms: GzipLineReader, platformCount: Int) {
            self.builder = builder
            self.runsRead = runsRead
            self.platforms = platforms
            self.platformCount = platformCount
        }

        /// The latest run the state has read.
        var lastRunID: Int64? { builder.lastRunID }

        /// The run-wide part, handed over rather than copied (the builder is changed in place after).
        func takeBuilder() -> SiteHistory.Builder {
            defer { builder = SiteHistory.Builder(confirmRuns: builder.confirmRuns) }
            return builder
        }

        /// The id of the next platform's part, nil after the last.
        /// - Throws: when a line does not read back, the file cannot be read to its end, or it holds another number
        ///   of lines than it says (cut or damaged).
        func nextID() throws -> String? {
            if next == ahead.count { readAhead() }
            if let failure = platforms.failure { throw Damaged(description: "the kept state cannot be read (\(failure))") }
            let done = next == ahead.count
            if done ? platformsRead != platformCount : platformsRead > platformCount {
                throw Damaged(description: "the kept state holds \(platformsRead)\(done ? "" : " or more") of its \(platformCount) platforms")
            }
            return done ? nil : try ahead[next].get().id
        }

        private func readAhead() {
            var lines: [Data] = []
            while lines.count < 256, let line = platforms.next() { lines.append(line) }
            platformsRead += lines.count
            ahead = lines.concurrentMap { line in Result { try SiteHistory.Builder.keptPlatform(line: line) } }
            next = 0
        }

        struct Damaged: Error, CustomStringConvertible {
            var description: String
        }

        /// Puts the next platform's part into `builder`.
        func restoreNext(into builder: inout SiteHistory.Builder) throws {
            guard try nextID() != nil else { return }
            builder.restore(try ahead[next].get())
            next += 1
        }

        /// The whole state, every platform's part read.
        func all() throws -> SiteHistory.Builder {
            var whole = takeBuilder()
            while try nextID() != nil { try restoreNext(into: &whole) }
            return whole
        }
    }

    /// The state kept, when it fits `runs` (the archive's finished runs before tonight's, oldest first) and
    /// `confirmRuns`; nil otherwise.
    func open(confirmRuns: Int, runs: [RunRow]) -> Kept? {
        let decoder = JSONDecoder()
        guard let runWide = GzipLineReader(path: runWideFile.path), let platforms = GzipLineReader(path: platformsFile.path),
            let first = runWide.next(), let header = try? decoder.decode(Header.self, from: first),
            let platformsFirst = platforms.next(), (try? decoder.decode(Header.self, from: platformsFirst)) == header,
            header.format == Header.currentFormat, header.build == Versions.build, header.confirmRuns == confirmRuns, header.runs.count <= runs.count,
            runs.prefix(header.runs.count).map(RunKey.init) == header.runs,
            let line = runWide.next(), let builder = try? SiteHistory.Builder(runWideLine: line), builder.confirmRuns == confirmRuns,
            let countLine = runWide.next(), let count = try? decoder.decode(PlatformCount.self, from: countLine)
        else { return nil }
        return Kept(builder: builder, runsRead: header.runs.count, platforms: platforms, platformCount: count.platforms)
    }

    /// The run-wide file's last line: how many platform lines the other file holds after its header.
    private struct PlatformCount: Codable {
        var platforms: Int
    }

    /// Writes a new state beside the one kept, platform by platform, and puts it in its place once complete.
    final class Writer {
        private let checkpoint: HistoryCheckpoint
        private let header: Data
        private let platforms: GzipLineWriter
        private var platformCount = 0

        /// - Parameter runs: the finished runs the state will have read, tonight's included.
        init(_ checkpoint: HistoryCheckpoint, confirmRuns: Int, runs: [RunRow]) throws {
            self.checkpoint = checkpoint
            Self.removeLeftovers(beside: checkpoint.platformsFile)
            header = try JSONEncoder().encode(Header(confirmRuns: confirmRuns, runs: runs))
            platforms = try GzipLineWriter(path: Self.temporary(checkpoint.platformsFile).path)
            try platforms.write(header)
        }

        func write(platformLine: Data) throws {
            try platforms.write(platformLine)
            platformCount += 1
        }

        /// Completes both files and renames them over the state kept before: the platforms' first, so that a crawl
        /// killed in between leaves two files that disagree, which the next crawl ignores.
        func finish(runWideLine: Data) throws {
            try platforms.finish()
            let runWide = try GzipLineWriter(path: Self.temporary(checkpoint.runWideFile).path)
            try runWide.write(header)
            try runWide.write(runWideLine)
            try runWide.write(JSONEncoder().encode(PlatformCount(platforms: platformCount)))
            try runWide.finish()
            for file in [checkpoint.platformsFile, checkpoint.runWideFile] {
                guard rename(Self.temporary(file).path, file.path) == 0 else {
                    throw Gzip.LineFailure(path: file.path, what: "cannot be replaced: \(String(cString: strerror(errno)))")
                }
            }
        }

        /// Leaves the state kept before as it was.
        func abandon() {
            for file in [checkpoint.platformsFile, checkpoint.runWideFile] { try? FileManager.default.removeItem(at: Self.temporary(file)) }
        }

        /// Named by the process, since two crawls into different outputs may share one `--archive`.
        private static func temporary(_ file: URL) -> URL {
            file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".\(getpid()).tmp")
        }

        /// Removes the temporary files of crawls killed while they wrote (their process is gone), so that they do not
        /// pile up in the archive.
        static func removeLeftovers(beside file: URL) {
            let folder = file.deletingLastPathComponent()
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.hasPrefix("history-checkpoint") && name.hasSuffix(".tmp") {
                let parts = name.split(separator: ".")
                guard parts.count >= 3, let process = pid_t(parts[parts.count - 2]), process != getpid(),
                    kill(process, 0) != 0, errno == ESRCH
                else { continue }
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }
}
