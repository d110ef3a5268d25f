import ArgumentParser
import Foundation
import Pipeline

@main
struct SovereigntyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sovereignty",
        abstract: "Who can lawfully reach the health data of French digital-health platforms: a scorecard built from their legal pages.",
        discussion: """
            Exit codes: 0 done; 1 some documents failed (site written); 2 bad input or usage; 3 nothing could be fetched; \
            4 the run stopped on a fatal error (disk full, damaged archive index…): no new site, do not publish.
            """,
        version: Versions.text,
        subcommands: [CrawlCommand.self, ReportCommand.self, ExtractCommand.self, AccuracyCommand.self, RealAccuracyCommand.self, ProvidersCommand.self])

    /// As ArgumentParser's own `main`, but a usage error exits 2, the documented code for bad input or usage
    /// (ArgumentParser's default is 64, `EX_USAGE`), and an unexpected error exits 4 (fatal), never 1, which means
    /// "some documents failed, site written".
    static func main() async {
        MallocArenas.limit()
        var command: ParsableCommand
        do { command = try parseAsRoot() } catch { exitUsingTheDocumentedCodes(error, usage: true) }
        do {
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exitUsingTheDocumentedCodes(error, usage: false)
        }
    }

    private static func exitUsingTheDocumentedCodes(_ error: Error, usage: Bool) -> Never {
        let code = exitCode(for: error)
        // A code a command chose, help, or --version: as ArgumentParser does.
        if error is ExitCode || code == .success { exit(withError: error) }
        let status: ExitStatus = code == .validationFailure ? .badInput : .fatal
        FileHandle.standardError.write(Data(((usage ? fullMessage(for: error) : "Error: " + message(for: error)) + "\n").utf8))
        exit(withError: ExitCode(status.rawValue))
    }
}

/// Maps a pipeline failure to the documented exit codes (2: bad input or usage; 4: the run stopped).
func fail(_ error: PipelineError) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    return ExitCode(error.exitStatus.rawValue)
}
