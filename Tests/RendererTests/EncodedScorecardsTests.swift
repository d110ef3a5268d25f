import Foundation
@testable import Renderer
import Scorecard
import SovereigntyModel
import Testing

/// The crawl hands the renderer each scorecard's JSON as it encoded it: the site is the one the renderer would have
/// written encoding them itself, and encodings kept for other platforms are not used.
@Suite struct EncodedScorecardsTests {
    /// `data/scorecards.json` and the page digests of a site rendered with these encodings.
    static func render(_ scorecards: [PlatformScorecard], _ content: SiteContent, encoded: EncodedScorecards?) throws -> (Data, [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("encoded-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SiteRenderer(templatesPath: SampleSite.templates).render(scorecards, content: content, into: folder, encoded: encoded)
        return (try Data(contentsOf: folder.appendingPathComponent(SiteFiles.scorecards)), outcome.digests)
    }

    static func kept(_ scorecards: [PlatformScorecard], ids: [String]) throws -> EncodedScorecards {
        let encoded = try EncodedScorecards(file: FileManager.default.temporaryDirectory.appendingPathComponent("encoded-\(UUID().uuidString)"))
        for (card, id) in zip(scorecards, ids) { try encoded.append(try ScorecardJSON.encode(card), id: id) }
        return encoded
    }

    @Test func theCrawlsEncodingsGiveTheSameFileAndDigests() throws {
        let (scorecards, content) = try SampleSite.build()
        #expect(scorecards.count > 1)
        let (json, digests) = try Self.render(scorecards, content, encoded: nil)
        let ids = scorecards.map(\.id)
        let (keptJSON, keptDigests) = try Self.render(scorecards, content, encoded: Self.kept(scorecards, ids: ids))
        #expect(keptJSON == json && keptDigests == digests)
        // Kept in another order (another night's ranking): not used, and the site is still right.
        let other = try Self.kept(scorecards.reversed(), ids: ids.reversed())
        let (otherJSON, otherDigests) = try Self.render(scorecards, content, encoded: other)
        #expect(otherJSON == json && otherDigests == digests)
        #expect(try other.json(at: 0..<ids.count, ids: ids) == nil)
    }

    @Test func itsFileGoesWithIt() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("encoded-\(UUID().uuidString)")
        var encoded: EncodedScorecards? = try EncodedScorecards(file: file)
        try encoded?.append(Data("{}".utf8), id: "a")
        try encoded?.append(Data("[1]".utf8), id: "b")
        #expect(try encoded?.json(at: 1..<2, ids: ["b"]) == [Data("[1]".utf8)])
        #expect(try encoded?.json(at: 0..<3, ids: ["a", "b", "c"]) == nil)
        #expect(FileManager.default.fileExists(atPath: file.path))
        encoded = nil
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
