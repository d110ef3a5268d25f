import Fetcher
import Foundation
import SovereigntyModel

/// Everything a crawl needs, with the repository-relative defaults the README documents.
public struct CrawlOptions: Sendable {
    public var platformsPath = "Inputs/platforms.yml"
    public var providersPath = "Inputs/providers.yml"
    /// Folder of `hds.csv` and `secnumcloud.csv`; a missing file leaves the provider file's statuses in force.
    public var registriesPath = "Inputs/registries"
    /// Accepted corrections (right of reply); a missing file means none.
    public var correctionsPath = "Inputs/corrections.yml"
    public var templatesPath = "Templates"
    /// The site's public address: canonical links, absolute feed links and `sitemap.xml`; relative links only when nil.
    public var baseURL: String?
    /// Where readers and site owners reach whoever runs this (`--contact`): shown on the about page for corrections.
    public var contact: String?
    /// The project's public source (`--source-url`): repository paths the site names link into it.
    public var sourceURL: String?
    public var outputPath = "Output"
    public var fetch = FetchConfiguration()
    /// What reading one document may cost (wall time, `pdftotext` included; text size): past it, the document is
    /// recorded as failed with that reason and the night goes on.
    public var documentBudget = DocumentBudget()
    /// The run's date, written into every output; the current time when nil.
    public var runDate: Date?
    /// Consecutive runs that must agree before a change is published (1 publishes every difference at once).
    public var confirmRuns = 2

    public init() {}

    public var siteDirectory: URL { URL(fileURLWithPath: outputPath).appendingPathComponent("site") }
    /// Extra arguments for headless Chromium (`render: browser` documents).
    public var browserArguments: [String] = []

    /// WARC files and their index; by default under the output folder, kept from run to run.
    public var archivePath: String?
    public var archiveDirectory: URL { URL(fileURLWithPath: archivePath ?? (outputPath as NSString).appendingPathComponent("archive")) }
}

/// What a crawl did, for the exit code and the closing line.
public struct CrawlSummary: Sendable {
    public var platforms: Int
    public var documents: Int
    public var failedDocuments: Int
    public var siteDirectory: URL
    /// False when nothing could be fetched and an earlier site was kept as it was.
    public var sitePublished: Bool

    /// 0: every document fetched; 1: some failed; 3: none could be fetched.
    public var exitCode: Int32 {
        if documents > 0 && failedDocuments == documents { return ExitStatus.nothingFetched.rawValue }
        return (failedDocuments > 0 ? ExitStatus.someFailed : .done).rawValue
    }
}
