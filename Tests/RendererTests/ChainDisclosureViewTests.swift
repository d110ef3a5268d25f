import Foundation
@testable import Renderer
import Scorecard
import SovereigntyModel
import Testing

/// A host's own answers in a hosting-chain table are shown beside what we know of it, and when the two disagree the
/// page says which reading the grade keeps.
@Suite struct ChainDisclosureViewTests {
    @Test func aHostsOwnAnswersAreShownWithOurDisagreement() throws {
        var (cards, content) = try SampleSite.build()
        let index = try #require(cards.firstIndex { $0.id == "expose" })
        let host = try #require(cards[index].hosts.firstIndex { $0.provider == "aws" })
        #expect(cards[index].hosts[host].cloudActExposed)
        let row = Evidence(url: "https://expose.test/hds", quote: "AWS | Infrastructure | Non | Non", section: nil, fetchedAt: "2026-11-22T03:00:00Z")
        cards[index].hosts[host].chainDisclosure = ChainDisclosure(accessOutsideEEA: false, exposedToThirdCountryLaw: false, evidence: row)
        let site = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: site) }

        let french = try SampleSite.read(site, "platforms/expose.html")
        #expect(french.contains("<dt>Sa propre déclaration (référentiel HDS 2024)</dt>"))
        #expect(french.contains("exposé à la législation d'un pays tiers : non — nos données le disent pourtant exposé au CLOUD Act"))
        let english = try SampleSite.read(site, "en/platforms/expose.md")
        #expect(english.contains("data reachable from outside the EEA: no · exposed to a third country's legislation: no — yet our data say"))
        // Another host states nothing of the kind: nothing is shown for it.
        #expect(!(try SampleSite.read(site, "platforms/souverain.html")).contains("HDS 2024"))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("data/scorecards.json"))) as? [String: Any]
        let platforms = try #require(json?["platforms"] as? [[String: Any]])
        let hosts = try #require(platforms.first { $0["id"] as? String == "expose" }?["hosts"] as? [[String: Any]])
        let disclosure = try #require(hosts.first?["chainDisclosure"] as? [String: Any])
        #expect(disclosure["exposedToThirdCountryLaw"] as? Bool == false)
        #expect((disclosure["evidence"] as? [String: Any])?["quote"] as? String == row.quote)
        let souverain = try #require(platforms.first { $0["id"] as? String == "souverain" }?["hosts"] as? [[String: Any]])
        #expect(souverain.first?["chainDisclosure"] is NSNull, "written as null, not left out")
    }
}
