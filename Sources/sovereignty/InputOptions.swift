import ArgumentParser
import Foundation
import InputFiles
import Pipeline

/// The input files and the site's templates and output folder, shared by `crawl` and `report`.
struct InputOptions: ParsableArguments {
    // The input files default to the project's `Inputs/` (see `CrawlOptions`), relative to the working folder; they
    // stay nil when not given, so that `report` can tell newer knowledge from the run's own.
    @Option(help: "The platforms to watch (default: Inputs/platforms.yml).") var platforms: String?
    @Option(help: "What we know of hosting providers (default: Inputs/providers.yml).") var providers: String?
    @Option(help: "Folder of the HDS and SecNumCloud registries, hds.csv and secnumcloud.csv (default: Inputs/registries).")
    var registries: String?
    @Option(help: "Accepted corrections from platform operators, right of reply; optional (default: Inputs/corrections.yml).")
    var corrections: String?
    @Option(help: "The Mustache templates, strings files and assets of the site.") var templates = "Templates"
    @Option(help: "The site's public address (https://…/): canonical links, absolute feed links and sitemap.xml.")
    var baseURL: String?
    @Option(help: "A URL (https: or mailto:) where site owners and readers reach whoever runs this: sent in the User-Agent, shown for corrections.")
    var contact: String?
    @Option(help: "The project's public source (https://…/blob/main/): repository paths shown to readers link into it.")
    var sourceURL: String?
    @Option(help: "Where the site is written (as OUTPUT/site).") var output = "Output"
    @Option(help: "Consecutive runs that must agree before a change is published (1: publish every difference at once).")
    var confirmRuns = 2

    mutating func validate() throws {
        if let contact, !["https://", "http://", "mailto:"].contains(where: { contact.lowercased().hasPrefix($0) }) {
            throw ValidationError("--contact must be an https:, http: or mailto: address (got '\(contact)')")
        }
        if let sourceURL {
            guard let url = URL(string: sourceURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw ValidationError("--source-url must be an http(s) address such as https://example.org/sovereignty/blob/main/ (got '\(sourceURL)')")
            }
        }
        guard confirmRuns >= 1 else { throw ValidationError("--confirm-runs must be 1 or more (got \(confirmRuns))") }
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
                url.query == nil, url.fragment == nil
            else {
                throw ValidationError("--base-url must be an http(s) address such as https://example.org/reports/ (got '\(baseURL)')")
            }
        }
    }

    /// The input files named on the command line.
    var given: Set<InputSet.Role> {
        var roles: Set<InputSet.Role> = []
        if platforms != nil { roles.insert(.platforms) }
        if providers != nil { roles.insert(.providers) }
        if registries != nil { roles.formUnion([.hdsRegistry, .secNumCloudRegistry]) }
        if corrections != nil { roles.insert(.corrections) }
        return roles
    }

    func crawlOptions() -> CrawlOptions {
        var options = CrawlOptions()
        if let platforms { options.platformsPath = platforms }
        if let providers { options.providersPath = providers }
        if let registries { options.registriesPath = registries }
        if let corrections { options.correctionsPath = corrections }
        options.templatesPath = templates
        options.baseURL = baseURL
        options.contact = contact
        options.sourceURL = sourceURL
        options.outputPath = output
        options.confirmRuns = confirmRuns
        return options
    }
}

extension LogFormat: ExpressibleByArgument {}
