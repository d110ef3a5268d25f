import Archive
import Foundation
import SovereigntyModel

/// `sovereignty report`: rebuilds the site of an archived run, offline, with today's inputs and templates —
/// byte for byte the site the crawl of that run wrote, when they have not changed.
public struct ReportJob: Sendable {
    public enum Selection: Sendable, Equatable {
        case latest
        case run(Int64)
        /// The last run started on or before this day (`YYYY-MM-DD`) or time (ISO 8601).
        case at(String)
    }

    public var options: CrawlOptions
    public var selection: Selection
    public let log: @Sendable (String) -> Void

    public init(options: CrawlOptions, selection: Selection, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.selection = selection
        self.log = log
    }

    public func run() async throws(PipelineError) -> URL {
        let lock = try RunLock(output: options.outputPath)
        defer { withExtendedLifetime(lock) {} }
        let crawl = CrawlPipeline(options: options, log: log)
        let (platforms, catalog) = try crawl.loadInputs()
        let corrections = try crawl.loadCorrections(platforms: platforms)
        let renderer = try crawl.loadTemplates()
        guard FileManager.default.fileExists(atPath: options.archiveDirectory.appendingPathComponent("index.sqlite").path) else {
            throw PipelineError(step: .loadInputs, url: options.archiveDirectory.path, message: "no archive here (run a crawl first, or pass --archive)", isInputError: true)
        }
        let archive: Archive
        let run: RunRow
        do {
            archive = try Archive(directory: options.archiveDirectory)
            run = try pick(from: archive.runs())
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(step: .loadInputs, url: options.archiveDirectory.path, message: "\(error)", isInputError: true)
        }
        let runDate = Timestamp.date(run.startedAt) ?? Date(timeIntervalSince1970: 0)
        log("rebuilding run \(run.id!) of \(run.startedAt)")
        let judgement = try RunJudge(archive: archive, platforms: platforms, catalog: catalog, log: log).judge(runID: run.id!, runDate: runDate)
        var content = try crawl.siteContent(
            archive: archive, upTo: run.id!, catalog: catalog, corrections: corrections, generatedAt: run.startedAt,
            ignoredRobots: run.ignoredRobots)
        content.captures = judgement.captures
        try crawl.render(judgement.scorecards, content: content, archive: archive, with: renderer)
        return options.siteDirectory
    }

    private func pick(from runs: [RunRow]) throws(PipelineError) -> RunRow {
        let chosen: RunRow?
        switch selection {
        case .latest: chosen = runs.last
        case .run(let id): chosen = runs.first { $0.id == id }
        case .at(let moment):
            let bound = moment.count == 10 ? moment + "T23:59:59Z" : moment
            chosen = runs.last { $0.startedAt <= bound }
        }
        guard let chosen else {
            let available = runs.map { "\($0.id!) (\($0.startedAt))" }.joined(separator: ", ")
            throw PipelineError(
                step: .loadInputs, url: options.archiveDirectory.path,
                message: "no such run in the archive; runs: \(available.isEmpty ? "none" : available)", isInputError: true)
        }
        return chosen
    }
}
