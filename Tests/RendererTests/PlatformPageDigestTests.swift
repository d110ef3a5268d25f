import Foundation
@testable import History
@testable import Renderer
import Scorecard
import SovereigntyModel
import Testing

/// A platform's digest names everything its pages show: any of it changing changes the digest, so that a page is
/// never linked from the night before when it would read differently; the same inputs give the same digest.
@Suite struct PlatformPageDigestTests {
    static let evidence = Evidence(url: "https://p.test/cgu", quote: "Hébergé par OVH SAS.", section: "Hébergement", fetchedAt: "2026-11-22T03:00:00Z")
    static let change = Change(
        platformID: "p", platformName: "P", kind: .hostAdded, subject: "OVH SAS", before: "absent", after: "present", since: "2026-11-21T03:00:00Z",
        confirmedAt: "2026-11-22T03:00:00Z", confirmedRunID: 2, beforeEvidence: [], afterEvidence: [evidence])
    static let correction = Correction(platformID: "p", date: "2026-11-20", from: "P SAS", summary: "Hébergeur corrigé.", source: "https://p.test/lettre")

    func digest(
        card: PlatformScorecard, json: Data = Data("{}".utf8), changes: [Change] = [change], corrections: [Correction] = [correction],
        captures: CaptureLinks = CaptureLinks([])
    ) -> String {
        PlatformPageDigest(fingerprint: "f", content: SiteContent(generatedAt: "2026-11-22T03:00:00Z"), languages: [.fr, .en]).digest(
            json: json, shown: card, history: PlatformHistory(), changes: changes, corrections: corrections, categorySlug: "c",
            providerSlugs: [:], captures: captures)
    }

    @Test func everyInputOfThePageChangesTheDigest() throws {
        let card = ScorecardsJSONTests.scorecards()[0]
        let base = digest(card: card)
        #expect(digest(card: card) == base, "the same inputs, the same digest")
        #expect(digest(card: card, json: Data("{ }".utf8)) != base, "the scorecard as scorecards.json encodes it")
        var redated = card
        redated.documents[0].fetchedAt = "2026-11-23T03:00:00Z"
        #expect(digest(card: redated) != base, "a document's date as the page shows it")
        var variants: [Change] = []
        for edit in [
            { (c: inout Change) in c.platformName = "Q" }, { $0.kind = .hostRemoved }, { $0.subject = "OVH" }, { $0.before = "x" },
            { $0.after = "x" }, { $0.since = "x" }, { $0.confirmedAt = "x" }, { $0.confirmedRunID = 3 }, { $0.beforeEvidence = [Self.evidence] },
            { $0.afterEvidence[0].quote = "x" }, { $0.afterEvidence[0].section = nil }, { $0.afterEvidence[0].roles = [.cdn] },
            { $0.afterEvidence[0].rule = "r" }, { $0.afterEvidence[0].fetchedAt = "x" }, { $0.afterEvidence[0].url = "x" },
        ] as [(inout Change) -> Void] {
            var changed = Self.change
            edit(&changed)
            variants.append(changed)
        }
        let digests = variants.map { digest(card: card, changes: [$0]) }
        #expect(Set(digests).count == variants.count && !digests.contains(base), "each field of a change and of its quotes")
        var corrected = Self.correction
        corrected.summary = "Autre."
        #expect(digest(card: card, corrections: [corrected]) != base && digest(card: card, corrections: []) != base)
        // Two fields joined differently are different inputs.
        var split = Self.change
        (split.before, split.after) = ("absentp", "resent")
        #expect(digest(card: card, changes: [split]) != digest(card: card, changes: [Self.change]))
    }

    /// Tonight's dates in scorecards.json (a document confirmed unchanged) do not change the digest: the pages date
    /// a document by the copy that was read, and those dates are what is hashed.
    @Test func tonightsDatesOfTheDocumentsLeaveTheDigestAsItWas() throws {
        let card = ScorecardsJSONTests.scorecards()[0]
        var tonight = card
        tonight.documents[0].fetchedAt = "2026-11-23T03:00:00Z"
        tonight.documents[0].httpStatus = 304
        let (json, tonightJSON) = (try ScorecardJSON.encode(card), try ScorecardJSON.encode(tonight))
        #expect(json != tonightJSON)
        let documents = try #require(PlatformPageDigest.documents(in: json))
        #expect(String(decoding: json[documents], as: UTF8.self).hasSuffix("\n  ]") && json[documents.upperBound...].first == UInt8(ascii: ","))
        #expect(digest(card: card, json: tonightJSON) == digest(card: card, json: json), "shown the same, the same digest")
        #expect(digest(card: tonight, json: tonightJSON) != digest(card: card, json: json), "shown otherwise, another digest")
        var renamed = card
        renamed.name = "Autre nom"
        #expect(digest(card: card, json: try ScorecardJSON.encode(renamed)) != digest(card: card, json: json), "the rest of the scorecard counts")
    }

    /// A new field of a change, a quote or a correction must be added to the digest (then to this count).
    @Test func theDigestKnowsEveryFieldOfWhatItHashes() {
        #expect(Mirror(reflecting: Self.change).children.count == 11, "Change has a new field: hash it in PlatformPageDigest")
        #expect(Mirror(reflecting: Self.evidence).children.count == 6, "Evidence has a new field: hash it in PlatformPageDigest")
        #expect(Mirror(reflecting: Self.correction).children.count == 5, "Correction has a new field: hash it in PlatformPageDigest")
        #expect(
            Mirror(reflecting: ScorecardsJSONTests.scorecards()[0].documents[0]).children.count == 11,
            "DocumentStatus has a new field: hash it in PlatformPageDigest")
    }
}
