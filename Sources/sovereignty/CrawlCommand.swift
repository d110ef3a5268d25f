import ArgumentParser
import Foundation
import Pipeline

struct CrawlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crawl",
        abstract: "Fetch every platform's legal pages, extract the hosts, grade and write the site.",
        discussion: """
            Exit codes: 0 every document fetched; 1 some failed (site still written); 2 bad input or usage; 3 nothing could be fetched; \
            4 the run stopped on a fatal error (disk full, damaged archive index, site not writable): do not publish.
            """)

    @OptionGroup var inputs: InputOptions
    @Option(help: "Transfers at once.") var jobs = 8
    @Option(help: "Least seconds between two requests to one host.") var perHostDelay = 1.0
    @Flag(help: "Do not fetch or obey robots.txt (the report says so).") var ignoreRobots = false
    @Option(help: "Log lines as plain text or JSON (one object a line).") var logFormat: LogFormat = .plain

    func run() async throws {
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
        var options = inputs.crawlOptions()
        options.fetch.concurrency = jobs
        options.fetch.perHostDelay = max(0, perHostDelay)
        options.fetch.respectRobots = !ignoreRobots
        if let contact = inputs.contact { options.fetch.userAgent = "sovereignty-scorecard/1.0 (+\(contact))" }
        options.fetch.progress = { Console.progress($0) }
        let logger = makeLogger(logFormat)
        let pipeline = CrawlPipeline(options: options, log: .logger(logger))
        do {
            let summary = try await pipeline.run()
            print("\(summary.platforms) platforms, \(summary.documents - summary.failedDocuments)/\(summary.documents) documents read → \(summary.siteDirectory.path)")
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        } catch let error as PipelineError {
            throw fail(error)
        }
    }
}
