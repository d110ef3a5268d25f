import Foundation
import Pipeline
import Testing
import TestSupport

/// The labelled set (Tests/Accuracy/Fixtures): pages we wrote on the patterns of real legal notices, each with the
/// findings a careful reader expects. The extractor and the rubric must get every one of them.
@Suite struct AccuracyTests {
    @Test func labelledSetIsReadPerfectly() throws {
        let labels = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Accuracy/Fixtures")
        let report = try AccuracyJob(
            labelsDirectory: labels.path, providersPath: Fixtures.inputs + "/providers.yml",
            registriesPath: Fixtures.inputs + "/registries", day: "2026-11-22"
        ).run()
        #expect(report.pages >= 36)
        #expect(report.misses.isEmpty, "\(report.text)")
        for field in report.fields {
            #expect(field.precision == 1 && field.recall == 1, "\(field.field)")
        }
    }
}

/// Real legal pages that stay outside the repository (`../shared/corpus-real`, beside the checkout here and in CI),
/// read against labels of facts (`Tests/Accuracy/Real`). The floors hold the gains measured when each rule landed:
/// a change that loses ground on real pages fails here, whatever the labelled set says.
@Suite struct RealPagesAccuracyTests {
    static let corpus = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus-real").path
    static let labels = Fixtures.packageRoot.appendingPathComponent("Tests/Accuracy/Real").path

    struct Floor: Sendable, CustomTestStringConvertible {
        var set: String
        var field: String
        var precision: Double
        var recall: Double
        var testDescription: String { "\(set) \(field)" }
    }

    static let floors = [
        Floor(set: "health", field: "hosts", precision: 0.97, recall: 0.97),
        Floor(set: "health", field: "roles", precision: 0.97, recall: 0.97),
        Floor(set: "health", field: "hds", precision: 0.97, recall: 0.97),
        Floor(set: "health", field: "dataLocation", precision: 0.97, recall: 0.97),
        Floor(set: "health", field: "exposure", precision: 0.97, recall: 0.97),
        Floor(set: "france", field: "hosts", precision: 0.99, recall: 0.96),
        Floor(set: "france", field: "roles", precision: 0.99, recall: 0.96),
        Floor(set: "france", field: "dataLocation", precision: 0.99, recall: 0.97),
        Floor(set: "france", field: "exposure", precision: 0.95, recall: 0.85),
    ]

    static let report: RealAccuracyJob.Report? = {
        guard FileManager.default.fileExists(atPath: corpus) else { return nil }
        return try? RealAccuracyJob(
            corpus: corpus, labels: labels, providersPath: Fixtures.inputs + "/providers.yml", registriesPath: Fixtures.inputs + "/registries",
            day: "2026-11-22"
        ).run()
    }()

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus), "../shared/corpus-real is not beside the checkout"), arguments: floors)
    func fieldHoldsItsFloor(_ floor: Floor) throws {
        let report = try #require(Self.report, "the real pages could not be measured")
        let set = try #require(report.sets.first { $0.name == floor.set })
        let score = set.field(floor.field)
        #expect(score.precision >= floor.precision, "\(floor.set) \(floor.field) precision \(score.precision)\n\(report.text)")
        #expect(score.recall >= floor.recall, "\(floor.set) \(floor.field) recall \(score.recall)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus), "../shared/corpus-real is not beside the checkout"))
    func levelsAndQuotesHold() throws {
        let report = try #require(Self.report, "the real pages could not be measured")
        let health = try #require(report.sets.first { $0.name == "health" })
        #expect(health.platforms == 10 && health.levelsRight == health.platforms, "levels right: \(health.levelsRight) / \(health.platforms)")
        for set in report.sets {
            #expect(set.quotesNotVerbatim.isEmpty, "\(set.name): quotes not in their page:\n\(set.quotesNotVerbatim.joined(separator: "\n"))")
        }
    }
}
