import Foundation
import ICURegex
import Testing

/// ICU's C interface, through the shim, answers as `NSRegularExpression` does on the same text: UTF-16 offsets after
/// accents and emoji, case-insensitive patterns, empty matches, and searches from a place that see the text before it.
@Suite struct ICURegexTests {
    static let cases: [(pattern: String, text: String)] = [
        (#"h[ée]berg\w*"#, "Nous hébergeons, ils hebergent, 😀 hébergé chez 😀😀 X."),
        (#"(?i)héberg|DONNÉES"#, "HÉBERGEMENT des Données, donnÉes 😀 HÉBERG"),
        (#"\bovh\b"#, "😀ovh 😀 ovhcloud xovh ovh"),
        (#"x*"#, "axxb😀x"),
        (#"\b"#, "é a😀b"),
        (#"(?<=chez )\w+"#, "hébergé chez OVH, puis chez Scaleway"),
        (#"^\w+|\w+$"#, "début milieu fin"),
        (#"[^\s]{2,3}"#, "a 😀😀😀 bc déf"),
        (#"serveurs?"#, ""),
        ("😀+", "a😀😀b😀"),
    ]

    @Test(arguments: 0..<cases.count) func answersAsNSRegularExpression(_ index: Int) throws {
        let (pattern, text) = Self.cases[index]
        let regex = try ICURegex(pattern)
        let reference = try NSRegularExpression(pattern: pattern)
        let units = Array(text.utf16)
        let length = units.count
        units.withUnsafeBufferPointer { units in
            #expect(regex.allMatches(in: units).map(NSRange.init) == reference.matches(in: text, range: NSRange(location: 0, length: length)).map(\.range))
            for start in 0...length {
                let rest = NSRange(location: start, length: length - start)
                let first = reference.firstMatch(in: text, options: Self.continuing, range: rest)?.range
                #expect(regex.firstMatch(in: units, from: start).map(NSRange.init) == first, "from \(start)")
                let anchored = reference.firstMatch(in: text, options: Self.continuing.union(.anchored), range: rest)?.range
                #expect(regex.match(in: units, at: start).map(NSRange.init) == anchored, "at \(start)")
            }
        }
    }

    private static let continuing: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]

    @Test func refusesAnInvalidPattern() {
        #expect(throws: ICURegex.InvalidPattern.self) { try ICURegex("(unclosed") }
    }

    /// Threads matching the same pattern at once each get a matcher of their own: no answer is another's.
    @Test func threadsShareAPatternSafely() async throws {
        let regex = try ICURegex(#"\d+"#)
        let found = await withTaskGroup(of: Bool.self) { group in
            for number in 0..<64 {
                group.addTask {
                    let text = Array("n° \(number) ".utf16)
                    return (0..<200).allSatisfy { _ in
                        text.withUnsafeBufferPointer { units in
                            regex.firstMatch(in: units).map { String(decoding: units[$0], as: UTF16.self) } == "\(number)"
                        }
                    }
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(found)
    }
}
