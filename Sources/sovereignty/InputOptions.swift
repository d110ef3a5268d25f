import ArgumentParser
import Foundation
import Pipeline

/// The input files and the site's templates and output folder, shared by `crawl` and `report`.
struct InputOptions: ParsableArguments {
    @Option(help: "The platforms to watch.") var platforms = "Inputs/platforms.yml"
    @Option(help: "What we know of hosting providers.") var providers = "Inputs/providers.yml"
    @Option(help: "Folder of the HDS and SecNumCloud registries (hds.csv, secnumcloud.csv).") var registries = "Inputs/registries"
    @Option(help: "The Mustache templates and assets of the site.") var templates = "Templates"
    @Option(help: "Where the site is written (as OUTPUT/site).") var output = "Output"

    func crawlOptions() -> CrawlOptions {
        var options = CrawlOptions()
        options.platformsPath = platforms
        options.providersPath = providers
        options.registriesPath = registries
        options.templatesPath = templates
        options.outputPath = output
        return options
    }
}

extension LogFormat: ExpressibleByArgument {}
