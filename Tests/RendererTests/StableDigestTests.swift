import Foundation
@testable import Renderer
import SovereigntyModel
import Testing

/// A reading's digest is the same in every process and names every part of the evidence.
@Suite struct StableDigestTests {
    @Test func theDigestOfEvidenceCoversEachOfItsStoredProperties() {
        let evidence = Evidence(url: "https://example.test/a", quote: "Hébergé par X.", section: "Hébergeur", fetchedAt: "t", roles: [.website], rule: "r")
        #expect(Mirror(reflecting: evidence).children.count == 6, "a new property of Evidence must be added to StableDigest.add(_: Evidence)")
        func digest(_ evidence: Evidence) -> UInt64 {
            var digest = StableDigest()
            digest.add(evidence)
            return digest.value
        }
        var variants: [Evidence] = []
        for change in 0..<6 {
            var other = evidence
            switch change {
            case 0: other.url += "b"
            case 1: other.quote += "."
            case 2: other.section = nil
            case 3: other.fetchedAt += "2"
            case 4: other.roles = [.healthData]
            default: other.rule = nil
            }
            variants.append(other)
        }
        #expect(Set(variants.map(digest)).count == 6 && !variants.map(digest).contains(digest(evidence)))
        // Length-prefixed: the same characters cut in two places are two digests.
        var split = StableDigest(), other = StableDigest()
        split.add("ab")
        split.add("c")
        other.add("a")
        other.add("bc")
        #expect(split.value != other.value)
    }
}
