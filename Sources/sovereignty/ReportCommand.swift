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
            Exit codes: 0 site written; 1 site written, but some archived copies no longer read back (each is named, with \
            its file and byte offset, and shown as unreadable); 2 bad input or usage (no such run, a date that does not \
            parse); 4 the rebuild stopped on a fatal error (damaged index, site not writable).
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
        let outcome: ReportJob.Outcome
        do {
            outcome = try await job.rebuild()
        } catch {
            throw fail(error)
        }
        print("wrote \(outcome.siteDirectory.path)")
        if outcome.unreadableDocuments > 0 {
            FileHandle.standardError.write(Data(
                "\(outcome.unreadableDocuments) document(s) of the run could not be read back from the archive (named above); the site shows them unreadable\n".utf8))
            throw ExitCode(outcome.exitStatus.rawValue)
        }
    }
}
