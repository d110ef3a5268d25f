import ArgumentParser
import Foundation
import Pipeline

struct AccuracyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Precision and recall of the extractor and the rubric on a labelled set (pages with <case>.expected.yml).")

    @Argument(help: "Folder of labelled pages.") var directory = "Tests/Accuracy/Fixtures"
    @Option(help: "What we know of hosting providers.") var providers = "Inputs/providers.yml"
    @Option(help: "Folder of the HDS and SecNumCloud registries.") var registries = "Inputs/registries"

    func run() throws {
        do {
            let report = try AccuracyJob(labelsDirectory: directory, providersPath: providers, registriesPath: registries).run()
            print(report.text)
            if !report.isPerfect { throw ExitCode(1) }
        } catch let error as PipelineError {
            throw fail(error)
        }
    }
}
