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
