import Archive
import Foundation
import InputFiles
import Renderer
import Scorecard
import SovereigntyModel

/// `sovereignty report`: rebuilds the site of an archived run, offline, with the inputs that run recorded —
/// byte for byte the site its crawl wrote, on any machine — unless newer input files are named, which re-judges the
/// old evidence with newer knowledge (the about page says so).
public struct ReportJob: Sendable {
    public enum Selection: Sendable, Equatable {
        case latest
        case run(Int64)
        /// The last run started on or before this day (`YYYY-MM-DD`) or time (ISO 8601).
        case at(String)
    }

    public var options: CrawlOptions
    public var selection: Selection
    /// Input files named on the command line: they replace the run's own.
    public var newerInputs: Set<InputSet.Role>
    public let log: PipelineLog

    public init(options: CrawlOptions, selection: Selection, newerInputs: Set<InputSet.Role> = [], log: PipelineLog = .silent) {
        self.options = options
        self.selection = selection
        self.newerInputs = newerInputs
        self.log = log
    }

    /// What a rebuild wrote.
    public struct Outcome: Sendable {
        public var siteDirectory: URL
        /// Documents whose archived copy no longer reads back: the site shows them unreadable, and the log names the
        /// file, offset and URL of each.
        public var unreadableDocuments: Int

        /// 0, or 1 when some archived copy could not be read (the site is still written).
        public var exitStatus: ExitStatus { unreadableDocuments > 0 ? .someFailed : .done }
    }

    /// Rebuilds the site and returns its folder.
    public func run() async throws(PipelineError) -> URL {
        try await rebuild().siteDirectory
    }

    /// Rebuilds the site. A damaged record does not stop the rebuild: its document is shown as unreadable (or judged
    /// from an older copy that reads, marked stale), the rest of the site is written, and the outcome counts it.
    public func rebuild() async throws(PipelineError) -> Outcome {
        let crawl = CrawlPipeline(options: options, log: log)
        let renderer = try crawl.loadTemplates()
        guard FileManager.default.fileExists(atPath: options.archiveDirectory.appendingPathComponent("index.sqlite").path) else {
            throw PipelineError(step: .loadInputs, url: options.archiveDirectory.path, message: "no archive here (run a crawl first, or pass --archive)", isInputError: true)
        }
        let archive: Archive
        do { archive = try Archive(directory: options.archiveDirectory) } catch {
            // A damaged index is not a usage error: the run stops (exit 4).
            throw PipelineError(step: .loadInputs, url: options.archiveDirectory.path, message: "cannot open the archive: \(error)")
        }
        let run: RunRow
        let recorded: [ArchivedInput]
        do {
            run = try pick(from: archive.runs())
            recorded = try archive.inputs(ofRun: run.id!)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(step: .loadInputs, url: options.archiveDirectory.path, message: "\(error)", isInputError: true)
        }
        let knowledge = try knowledge(of: run, recorded: recorded, crawl: crawl)
        // The lock is taken once the inputs are known to be good.
        let lock = try RunLock(output: options.outputPath)
        defer { withExtendedLifetime(lock) {} }

        let runDate = Timestamp.date(run.startedAt) ?? Date(timeIntervalSince1970: 0)
        log("rebuilding run \(run.id!) of \(run.startedAt)")
        let judgement = try RunJudge(archive: archive, platforms: knowledge.platforms, catalog: knowledge.catalog, log: log)
            .judge(runID: run.id!, runDate: runDate)
        let history = try crawl.readHistory(archive: archive, upTo: run.id!).history()
        var content = crawl.siteContent(
            archive: archive, history: history, knowledge: knowledge, generatedAt: run.startedAt, ignoredRobots: run.ignoredRobots)
        content.captures = judgement.captures
        content.failureReasons = judgement.failureReasons
        if InputSet(archived: recorded) != nil, !newerInputs.isEmpty {
            content.rejudged = Rejudged(
                runID: run.id!, runDate: run.startedAt,
                files: InputSet.Role.allCases.filter(newerInputs.contains).compactMap { knowledge.inputs.file($0)?.path })
        }
        try crawl.render(judgement.scorecards, content: content, archive: archive, with: renderer, reuse: false)
        return Outcome(siteDirectory: options.siteDirectory, unreadableDocuments: judgement.unreadable)
    }

    /// The run's own inputs, with the files named on the command line in their place; the files on disk for a run
    /// archived before inputs were kept.
    private func knowledge(of run: RunRow, recorded: [ArchivedInput], crawl: CrawlPipeline) throws(PipelineError) -> Knowledge {
        guard let archived = InputSet(archived: recorded) else {
            log("run \(run.id!) was archived before runs kept their inputs: judged with the input files on disk")
            return try Knowledge(crawl.readInputs())
        }
        if run.rubricVersion != Rubric.version {
            log("run \(run.id!) was graded with rubric \(run.rubricVersion ?? "?"); it is rebuilt with rubric \(Rubric.version)")
        }
        guard !newerInputs.isEmpty else {
            return try Knowledge(archived, context: "the inputs archived with run \(run.id!)")
        }
        let disk = try crawl.readInputs(newerInputs)
        log("re-judging run \(run.id!) with newer \(newerInputs.map(\.option).sorted().joined(separator: ", "))")
        return try Knowledge(archived.replacing(newerInputs, from: disk), context: "run \(run.id!) with newer inputs")
    }

    private func pick(from runs: [RunRow]) throws(PipelineError) -> RunRow {
        let available = runs.map { "\($0.id!) (\($0.startedAt))" }.joined(separator: ", ")
        func failure(_ message: String) -> PipelineError {
            PipelineError(
                step: .loadInputs, url: options.archiveDirectory.path, message: "\(message); runs: \(available.isEmpty ? "none" : available)",
                isInputError: true)
        }
        switch selection {
        case .latest:
            guard let last = runs.last else { throw failure("no finished run in the archive") }
            return last
        case .run(let id):
            guard let chosen = runs.first(where: { $0.id == id }) else { throw failure("no run \(id) in the archive") }
            return chosen
        case .at(let moment):
            guard let bound = Self.moment(moment) else {
                throw failure("--at '\(moment)' is not a day (YYYY-MM-DD) or a time (ISO 8601, e.g. 2026-11-22T03:00:00Z)")
            }
            guard let chosen = runs.last(where: { (Timestamp.date($0.startedAt) ?? .distantFuture) <= bound }) else {
                throw failure("no run started on or before --at '\(moment)'")
            }
            return chosen
        }
    }

    /// The end of the day `YYYY-MM-DD`, or the ISO 8601 time given; nil when the value is neither (`2026-13-45`,
    /// `yesterday`).
    static func moment(_ value: String) -> Date? {
        guard value.count == 10 else { return Timestamp.date(value) }
        guard let start = Timestamp.date(value + "T00:00:00Z"), Timestamp.day(start) == value else { return nil }
        return start.addingTimeInterval(86_399)
    }
}
