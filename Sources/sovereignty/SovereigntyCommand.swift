import ArgumentParser
import Foundation
import Pipeline

@main
struct SovereigntyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sovereignty",
        abstract: "Who can lawfully reach the health data of French digital-health platforms: a scorecard built from their legal pages.",
        subcommands: [CrawlCommand.self, ReportCommand.self, ExtractCommand.self, AccuracyCommand.self, ProvidersCommand.self])
}

/// Maps a pipeline failure to the documented exit codes (2: bad input or usage).
func fail(_ error: PipelineError) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    return ExitCode(error.isInputError ? 2 : 1)
}
