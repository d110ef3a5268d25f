import ArgumentParser
import Foundation
import Pipeline

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Print the findings of saved pages or URLs, each with its quote.")

    @Argument(help: "HTML or PDF files, folders of them, or http(s) URLs.") var inputs: [String]
    @Option(help: "What we know of hosting providers.") var providers = "Inputs/providers.yml"
    @Flag(help: "One JSON document per input, one per line.") var json = false

    func run() async throws {
        do {
            let reports = try await ExtractJob(providersPath: providers).run(inputs)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for report in reports {
                if json {
                    print(String(decoding: try encoder.encode(report), as: UTF8.self))
                } else {
                    print(ExtractJob.describe(report))
                }
            }
            if reports.contains(where: { $0.findings == nil }) { throw ExitCode(1) }
        } catch let error as PipelineError {
            throw fail(error)
        }
    }
}
