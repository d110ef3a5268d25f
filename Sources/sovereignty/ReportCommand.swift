import ArgumentParser
import Foundation
import Pipeline

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild the site of an archived run, offline (the latest run unless --run or --at says otherwise).")

    @Option(help: "The run's number in the archive.") var run: Int64?
    @Option(help: "The last run started on or before this day (YYYY-MM-DD) or time (ISO 8601).") var at: String?
    @Option(help: "Where the site is written (as OUTPUT/site).") var output = "Output"
    @Option(help: "The archive to read.") var archive = "Output/archive"
    @Option(help: "The platforms to watch.") var platforms = "Inputs/platforms.yml"
    @Option(help: "What we know of hosting providers.") var providers = "Inputs/providers.yml"
    @Option(help: "Folder of the HDS and SecNumCloud registries.") var registries = "Inputs/registries"
    @Option(help: "The Mustache templates and assets of the site.") var templates = "Templates"

    func validate() throws {
        if run != nil && at != nil { throw ValidationError("give --run or --at, not both") }
    }

    func run() async throws {
        var options = CrawlOptions()
        options.platformsPath = platforms
        options.providersPath = providers
        options.registriesPath = registries
        options.templatesPath = templates
        options.outputPath = output
        options.archivePath = archive
        let selection: ReportJob.Selection = run.map { .run($0) } ?? at.map { .at($0) } ?? .latest
        let job = ReportJob(options: options, selection: selection) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        let site: URL
        do {
            site = try await job.run()
        } catch {
            throw fail(error)
        }
        print("wrote \(site.path)")
    }
}
