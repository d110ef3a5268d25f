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

struct RealAccuracyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy-real",
        abstract: "Precision and recall on real legal pages kept outside the repository, against labels of facts.",
        discussion: "Prints, per set of the corpus (health, france): every field, the platforms' levels, the quotes not found in their page, and every miss.")

    @Option(help: "The real pages (see its README).") var corpus = "../shared/corpus-real"
    @Option(help: "Folder of label files (*.yml): facts about the corpus's pages.") var labels = "Tests/Accuracy/Real"
    @Option(help: "What we know of hosting providers.") var providers = "Inputs/providers.yml"
    @Option(help: "Folder of the HDS and SecNumCloud registries.") var registries = "Inputs/registries"
    @Option(help: "The day certifications are judged on (YYYY-MM-DD; default today).") var day: String?

    func run() throws {
        let job = RealAccuracyJob(
            corpus: corpus, labels: labels, providersPath: providers, registriesPath: registries,
            day: day ?? String(ISO8601DateFormatter().string(from: Date()).prefix(10)))
        let report: RealAccuracyJob.Report
        do { report = try job.run() } catch { throw fail(error) }
        print(report.text)
    }
}
