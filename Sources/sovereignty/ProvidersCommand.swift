import ArgumentParser
import Foundation
import InputFiles
import SovereigntyModel

struct ProvidersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "providers", abstract: "Work on the provider knowledge files.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate providers.yml and the registries: schema, duplicate aliases, missing sources, expired or disagreeing certifications.")

        @Option(help: "What we know of hosting providers.") var providers = "Inputs/providers.yml"
        @Option(help: "Folder of hds.csv and secnumcloud.csv.") var registries = "Inputs/registries"

        func run() throws {
            let catalog: ProviderCatalog
            do {
                catalog = try ProviderList.load(path: providers).with(RegistryFiles.load(directory: registries))
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(2)
            }
            let problems = KnowledgeCheck.problems(catalog: catalog, on: Timestamp.day(Date()))
            for problem in problems { print(problem) }
            print("\(catalog.providers.count) providers, \(problems.count) problem(s)")
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}
