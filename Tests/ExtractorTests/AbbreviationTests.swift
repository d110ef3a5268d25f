@testable import Extractor
import Foundation
import Testing
import TestSupport

/// The sentence splitter looks at ASCII and Latin-1 words before a full stop byte by byte: it must decide as the lower-cased
/// string did.
@Suite struct AbbreviationTests {
    /// The way the splitter decided before.
    static func reference(_ line: Substring, before index: Substring.Index) -> Bool {
        let head = line.utf8[line.startIndex..<index]
        let wordStart = head.lastIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "(") }.map { line.utf8.index(after: $0) } ?? line.startIndex
        guard wordStart < index else { return false }
        let word = line[wordStart..<index].lowercased()
        if word.unicodeScalars.count == 1, word.unicodeScalars.first!.properties.isAlphabetic { return true }
        if SentenceSplitter.abbreviations.contains(word) { return true }
        let trimmed = word.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        return SentenceSplitter.abbreviations.contains(String(trimmed))
    }

    @Test(arguments: 0..<500) func random(_ seed: UInt64) {
        var random = SplitMix(state: seed)
        let pieces = Array(SentenceSplitter.abbreviations) + ["INC", "S.A.S", "Ltd", "(", "«", "\"", "-", "'", "1", "é", "É", "x", "ß", "×", "÷", "Þ", "ÿ", "STÉ", "TÉL", "Données", "ǅ", "\u{301}", ".", ""]
        var word = ""
        for _ in 0..<(1 + Int(random.next() % 3)) { word += random.pick(pieces) }
        let line = Substring(random.pick(["", "Voir ", "a(", "texte  "]) + word + ". Suite")
        let stop = line.utf8.lastIndex(of: UInt8(ascii: "."))!
        #expect(SentenceSplitter.endsWithAbbreviation(line, before: stop) == Self.reference(line, before: stop), "\(line)")
    }
}
