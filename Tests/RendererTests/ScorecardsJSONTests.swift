import Foundation
@testable import Renderer
import Scorecard
import SovereigntyModel
import Testing

/// `data/scorecards.json` written a platform at a time is byte for byte the document encoded whole.
@Suite struct ScorecardsJSONTests {
    static let catalog = ProviderCatalog(providers: [
        Provider(id: "ovh", name: "OVHcloud", aliases: [], country: "FR", usControlled: false, hds: .init(status: .certified)),
        Provider(id: "aws", name: "Amazon Web Services", aliases: [], country: "US", parent: LegalEntity(name: "Amazon.com, Inc.", country: "US"),
                 usControlled: true, hds: .init(status: .certified)),
    ])

    /// Rated platforms with hosts, evidence and empty lists, an unrated one, and text with quotes and slashes.
    static func scorecards() -> [PlatformScorecard] {
        let grader = Grader(catalog: catalog, day: "2026-11-22")
        return (0..<4).map { index in
            let url = "https://p\(index).test/mentions-légales"
            let platform = Platform(
                id: "p\(index)", name: "Plateforme \"\(index)\"", category: "test", operator: "Opérateur \(index) SAS", website: "https://p\(index).test/",
                documents: [DocumentReference(url: url, kind: .legalNotice)])
            let evidence = Evidence(url: url, quote: "Hébergé par \(index % 2 == 0 ? "OVH SAS" : "Amazon Web Services") — « ici »\\ok", section: "Hébergement", fetchedAt: "2026-11-22T03:00:00Z")
            let findings = DocumentFindings(hosts: index == 3 ? [] : [
                HostFinding(providerID: index % 2 == 0 ? "ovh" : "aws", asWritten: "X", roles: [.healthData], evidence: [evidence])
            ], textLength: 900)
            let fetch = FetchRecord(requestedURL: url, finalURL: url, httpStatus: 200, sha256: String(repeating: "a", count: 64), fetchedAt: Date(timeIntervalSince1970: 1_795_316_400))
            return grader.grade(platform, documents: [DocumentSnapshot(reference: platform.documents[0], fetch: fetch, findings: index == 3 ? nil : findings)])
        }
    }

    @Test(arguments: [0, 1, 4])
    func encodedByPlatformIsTheWholeDocument(_ count: Int) throws {
        let document = ScorecardsDocument(generatedAt: "2026-11-22T03:00:00Z", ignoredRobots: true, platforms: Array(Self.scorecards().prefix(count)))
        let whole = try ScorecardJSON.encode(document)
        let pieces = try document.encodedByPlatform()
        #expect(pieces == whole, "\(String(decoding: pieces, as: UTF8.self))")
    }
}
