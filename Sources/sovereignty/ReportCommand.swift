import ArgumentParser
import Foundation
import Pipeline

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild the site of an archived run, offline (the latest run unless --run or --at says otherwise).",
        discussion: """
            The run is judged with the inputs it recorded, so the site is the one its crawl wrote, on any machine. \
            --platforms, --providers, --registries or --corrections replace the run's own files: the old evidence is \
            judged with newer knowledge, and the about page says so.
            Exit codes: 0 site written; 2 bad input or usage (no such run, a date that does not parse).
            """)

    @Option(help: "The run's number in the archive.") var run: Int64?
    @Option(help: "The last run started on or before this day (YYYY-MM-DD) or time (ISO 8601).") var at: String?
    @Option(help: "The archive to read (default: OUTPUT/archive, the output folder's own).") var archive: String?
    @Option(help: "Log lines as plain text or JSON (one object a line).") var logFormat: LogFormat = .plain
    @OptionGroup var inputs: InputOptions

    func validate() throws {
        if run != nil && at != nil { throw ValidationError("give --run or --at, not both") }
    }

    func run() async throws {
        var options = inputs.crawlOptions()
        options.archivePath = archive
        let selection: ReportJob.Selection = run.map { .run($0) } ?? at.map { .at($0) } ?? .latest
        let logger = makeLogger(logFormat)
        let job = ReportJob(options: options, selection: selection, newerInputs: inputs.given, log: .logger(logger))
        let site: URL
        do {
            site = try await job.run()
        } catch {
            throw fail(error)
        }
        print("wrote \(site.path)")
    }
}
