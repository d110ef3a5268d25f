import Extractor
import Foundation
import InputFiles
import Scorecard
import SovereigntyModel

/// Measures the extractor and the rubric against a labelled set: precision and recall per field, and every miss.
public struct AccuracyJob: Sendable {
    public struct FieldScore: Sendable {
        public var field: String
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }

        /// The scores as a table, one field a line.
        static func table(_ fields: [FieldScore]) -> [String] {
            ["field             precision   recall    tp   fp   fn"]
                + fields.map { field in
                    field.field.padding(toLength: 16, withPad: " ", startingAt: 0)
                        + String(
                            format: "  %8.1f%%  %6.1f%%  %4d %4d %4d", field.precision * 100, field.recall * 100, field.truePositives,
                            field.falsePositives, field.falseNegatives)
                }
        }
    }

    public struct Report: Sendable {
        public var pages: Int
        public var fields: [FieldScore]
        /// One line per wrong or missing item: page, field, what was expected and what was found.
        public var misses: [String]

        public var isPerfect: Bool { misses.isEmpty }

        public var text: String {
            var lines = ["\(pages) labelled pages"] + FieldScore.table(fields)
            lines.append(misses.isEmpty ? "no misses" : "misses:")
            lines.append(contentsOf: misses.map { "  - \($0)" })
            return lines.joined(separator: "\n")
        }
    }

    public var labelsDirectory: String
    public var providersPath: String
    public var registriesPath: String
    /// The day certifications are judged on.
    public var day: String

    public init(labelsDirectory: String, providersPath: String, registriesPath: String, day: String = Timestamp.day(Date())) {
        self.labelsDirectory = labelsDirectory
        self.providersPath = providersPath
        self.registriesPath = registriesPath
        self.day = day
    }

    public func run() throws(PipelineError) -> Report {
        let labels: [PageLabel]
        do { labels = try LabelSet.load(directory: labelsDirectory) } catch {
            throw PipelineError(step: .loadInputs, message: error.description, isInputError: true)
        }
        let catalog = try Self.catalog(providers: providersPath, registries: registriesPath)
        let reader = DocumentReader(extractor: Extractor(catalog: catalog))
        let grader = Grader(catalog: catalog, day: day)
        var tally = Tally()
        for label in labels {
            let record = ExtractJob.readFile(label.pagePath)
            let reference = DocumentReference(url: record.requestedURL, kind: .legalNotice)
            let snapshot = reader.read(reference, fetch: record)
            let platform = Platform(id: "label", name: label.name, category: "label", operator: "—", website: "https://label.invalid", documents: [reference])
            let card = grader.grade(platform, documents: [snapshot])
            tally.compare(label, card: card, findings: snapshot.findings ?? DocumentFindings())
        }
        return Report(pages: labels.count, fields: tally.fields, misses: tally.misses)
    }
}

extension AccuracyJob {
    /// The provider catalogue with its registries, as both measures read it.
    static func catalog(providers: String, registries: String) throws(PipelineError) -> ProviderCatalog {
        do { return try ProviderList.load(path: providers).with(RegistryFiles.load(directory: registries)) } catch {
            throw PipelineError(step: .loadInputs, message: error.description, isInputError: true)
        }
    }
}

/// Counts matches field by field.
struct Tally {
    private var scores: [String: AccuracyJob.FieldScore] = [:]
    private(set) var misses: [String] = []
    static let order = ["hosts", "roles", "countries", "hds", "secNumCloud", "zeroKnowledge", "dataLocation", "exposure", "usExposure", "level"]

    var fields: [AccuracyJob.FieldScore] { Self.order.map { scores[$0] ?? AccuracyJob.FieldScore(field: $0) } }

    /// The fields counted so far, in `order`.
    func fields(_ order: [String]) -> [AccuracyJob.FieldScore] { order.map { scores[$0] ?? AccuracyJob.FieldScore(field: $0) } }

    mutating func compare(_ label: PageLabel, card: PlatformScorecard, findings: DocumentFindings) {
        let foundHosts = findings.hosts
        func key(_ host: HostFinding) -> String { host.identityKey }
        count("hosts", label.name, expected: Set(label.hosts.map(\.key)), found: Set(foundHosts.map(key)))
        count("roles", label.name,
              expected: Set(label.hosts.flatMap { host in host.roles.map { "\(host.key) \($0.rawValue)" } }),
              found: Set(foundHosts.flatMap { host in host.roles.map { "\(key(host)) \($0.rawValue)" } }))
        count("countries", label.name,
              expected: Set(label.hosts.compactMap { host in host.country.map { "\(host.key) \($0)" } }),
              found: Set(foundHosts.filter { $0.providerID == nil }.compactMap { host in host.country.map { "\(key(host)) \($0)" } }))
        count("hds", label.name, expected: Self.status(label.hds), found: Self.status(card.hds.status))
        let sec = card.secNumCloud.status == "qualified" ? Self.pageSecNumCloud(findings) : card.secNumCloud.status
        count("secNumCloud", label.name, expected: Self.status(label.secNumCloud), found: Self.status(sec))
        count("zeroKnowledge", label.name, expected: Self.flag(label.zeroKnowledge), found: Self.flag(card.zeroKnowledge.claimed == true))
        count("dataLocation", label.name, expected: Set(label.dataLocation.map(\.rawValue)), found: Set(card.dataLocation))
        count("exposure", label.name, expected: Self.flag(label.exposureDisclosed), found: Self.flag(!findings.exposureDisclosures.isEmpty))
        let expectedExposed = label.level == "D"
        count("usExposure", label.name, expected: Self.flag(expectedExposed), found: Self.flag(card.cloudActExposed == true))
        count("level", label.name, expected: ["level \(label.level)"], found: ["level \(card.level.rawValue)"])
    }

    /// What the page says of SecNumCloud, apart from the registry: claimed, in-progress or none.
    static func pageSecNumCloud(_ findings: DocumentFindings) -> String {
        let kinds = findings.secNumCloud.map(\.kind)
        return kinds.contains(.claimed) ? "claimed" : kinds.contains(.inProgress) ? "in-progress" : "none"
    }

    static func status(_ value: String) -> Set<String> { value == "none" || value == "unknown" ? [] : [value] }
    static func flag(_ value: Bool) -> Set<String> { value ? ["yes"] : [] }

    /// A miss that is not a field's (a platform's level).
    mutating func note(_ miss: String) { misses.append(miss) }

    mutating func count(_ field: String, _ page: String, expected: Set<String>, found: Set<String>) {
        var score = scores[field] ?? AccuracyJob.FieldScore(field: field)
        score.truePositives += expected.intersection(found).count
        let extra = found.subtracting(expected).sorted()
        let missing = expected.subtracting(found).sorted()
        score.falsePositives += extra.count
        score.falseNegatives += missing.count
        scores[field] = score
        for item in missing { misses.append("\(page): \(field): missed \(item)") }
        for item in extra { misses.append("\(page): \(field): wrongly found \(item)") }
    }
}
