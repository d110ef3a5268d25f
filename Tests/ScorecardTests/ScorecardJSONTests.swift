import Foundation
import Scorecard
import SovereigntyModel
import Testing

/// The archive keeps each scorecard as `encodeCompact` writes it, taken from the site's encoding: the same bytes.
@Suite struct ScorecardJSONTests {
    /// Quotes with what a JSON string escapes or keeps: quotes, backslashes, line breaks, tabs, slashes, colons and
    /// braces, spaces at either end, non-ASCII letters.
    static let awkwardQuotes = [
        #"hébergé par "OVH" : { [ , ] } à Roubaix"#, "ligne\nsuivante\tet tabulation", #"C:\données\ et https://a.test/b"#,
        "  espaces autour  ", "données de santé — ∞ 😀",
    ]

    @Test(arguments: awkwardQuotes.indices)
    func theCompactFormIsTheSiteFormWithoutItsIndentation(_ index: Int) throws {
        let quote = Self.awkwardQuotes[index]
        let host = HostFinding(
            providerID: "ovh", asWritten: quote, roles: [.healthData], country: nil,
            evidence: [GraderTests.evidence(quote), GraderTests.evidence(quote + " bis", url: "https://p.test/confidentialite")])
        let card = Grader(catalog: GraderTests.catalog, day: "2026-11-22").grade(
            GraderTests.platform,
            documents: [GraderTests.snapshot("https://p.test/mentions", DocumentFindings(hosts: [host])), GraderTests.snapshot("https://p.test/confidentialite", nil)])
        let pretty = try ScorecardJSON.encode(card)
        #expect(pretty.contains(0x0A), "the site's form is indented")
        #expect(ScorecardJSON.compact(pretty) == (try ScorecardJSON.encodeCompact(card)))
    }

    @Test func emptyListsAndNestedObjectsCompactAlike() throws {
        let value = ["a": [[String: [Int]]](), "b": [["c": [], "d": [1, 2]]]]
        #expect(ScorecardJSON.compact(try ScorecardJSON.encode(value)) == (try ScorecardJSON.encodeCompact(value)))
    }
}
