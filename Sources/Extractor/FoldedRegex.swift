import Foundation
import ICURegex

/// A regular expression over folded text (lower case, no accents, so written in lower case and matched as written),
/// with the words no match can do without (`RegexLiterals`): a text holding none of them is answered without ICU.
///
/// An expression of several top-level alternatives is also kept as one expression per alternative, each with its own
/// words: ICU then runs only the few alternatives whose words the text holds, each far cheaper than the whole, and
/// the leftmost of their matches (the earlier alternative at the same place) is the whole expression's first match.
///
/// An expression (or alternative) whose every match starts with one of a few strings (`MatchStarts`) is tried by ICU
/// only where they are in the text, each time anchored there: ICU otherwise tries to match at nearly every character.
///
/// ICU runs through its C interface (`ICURegex`) on the text's one UTF-16 copy, with `NSRegularExpression`'s answers.
struct FoldedRegex: Sendable {
    let regex: ICURegex
    let literals: RegexLiterals?
    /// Where a match of the whole expression can start.
    private let starts: MatchStarts?
    private let alternatives: [Alternative]
    /// The words of every alternative that has some, each standing for its alternative: one pass over a text tells
    /// which alternatives may match (nil beyond 64 alternatives).
    private let alternativeWords: WordIndex?
    /// The alternatives without words, which may always match.
    private let alwaysCandidates: UInt64
    /// The alternatives tried only where their first strings are (`MatchStarts`): cheap to run, they count less.
    private let anchoredAlternatives: UInt64

    private struct Alternative: Sendable {
        let regex: ICURegex
        let literals: RegexLiterals?
        let starts: MatchStarts?
    }

    /// Beyond this many alternatives that may match, the whole expression runs once instead.
    private static let alternativesRun = 3
    /// Alternatives tried where their first strings are may be run alone up to this many.
    private static let anchoredAlternativesRun = 8

    init(folded pattern: String) {
        regex = try! ICURegex(pattern)
        literals = RegexLiterals(pattern: pattern)
        starts = MatchStarts(pattern: pattern)
        let parts = (RegexLiterals.alternatives(of: pattern) ?? []).map { part in
            (try? ICURegex(part)).map {
                Alternative(regex: $0, literals: RegexLiterals(pattern: part), starts: MatchStarts(pattern: part))
            }
        }
        alternatives = parts.contains { $0 == nil } ? [] : parts.compactMap { $0 }
        if alternatives.count <= 64 {
            alternativeWords = WordIndex(alternatives.enumerated().flatMap { index, alternative in (alternative.literals?.words ?? []).map { ($0, index) } })
            alwaysCandidates = alternatives.enumerated().reduce(0) { $0 | ($1.element.literals == nil ? 1 << UInt64($1.offset) : 0) }
            anchoredAlternatives = alternatives.enumerated().reduce(0) { $0 | ($1.element.starts != nil ? 1 << UInt64($1.offset) : 0) }
        } else {
            alternativeWords = nil
            alwaysCandidates = 0
            anchoredAlternatives = 0
        }
    }

    func matches(in text: Folded) -> Bool {
        search(text, first: true) != nil
    }

    func firstRange(in text: Folded) -> NSRange? {
        search(text, first: false)
    }

    /// The first match, or with `first`, any match (to tell whether there is one).
    private func search(_ text: Folded, first: Bool) -> NSRange? {
        guard let candidates = candidates(in: text) else {
            guard !alternatives.isEmpty || literals?.mayMatch(text.folded) ?? true else { return nil }
            guard let starts else { return text.withUTF16 { regex.firstMatch(in: $0) }.map(NSRange.init) }
            return starts.firstMatch(of: regex, in: text, from: 0)
        }
        return leftmost(of: candidates, in: text, from: 0, first: first)
    }

    /// The alternatives whose words the text holds, in order; nil when the whole expression is to run instead (it
    /// has no alternatives, or more than `alternativesRun` may match that ICU would try everywhere, or more than
    /// `anchoredAlternativesRun` in all).
    private func candidates(in text: Folded) -> [Int]? {
        guard !alternatives.isEmpty else { return nil }
        if let alternativeWords,
            let present = text.folded.utf8.withContiguousStorageIfAvailable({
                alternativeWords.owners(in: $0, moreThan: Self.anchoredAlternativesRun - alwaysCandidates.nonzeroBitCount)
            })
        {
            let mayMatch = present | alwaysCandidates
            if (mayMatch & ~anchoredAlternatives).nonzeroBitCount > Self.alternativesRun || mayMatch.nonzeroBitCount > Self.anchoredAlternativesRun {
                return nil
            }
            return alternatives.indices.filter { mayMatch & (1 << UInt64($0)) != 0 }
        }
        var candidates: [Int] = []
        for (index, alternative) in alternatives.enumerated() where alternative.literals?.mayMatch(text.folded) ?? true {
            candidates.append(index)
            if candidates.count > Self.alternativesRun { return nil }
        }
        return candidates
    }

    /// The leftmost match of these alternatives that starts at `start` or later (the earlier alternative at the same
    /// place), as the whole expression finds it: the bounds are transparent, so that `\b`, `^` and lookbehinds see
    /// the text before `start`. With `first`, any match.
    private func leftmost(of candidates: [Int], in text: Folded, from start: Int, first: Bool) -> NSRange? {
        var best: NSRange?
        for index in candidates {
            let alternative = alternatives[index]
            let match =
                alternative.starts.map { $0.firstMatch(of: alternative.regex, in: text, from: start) }
                ?? text.withUTF16 { alternative.regex.firstMatch(in: $0, from: start) }.map(NSRange.init)
            guard let found = match else { continue }
            if first { return found }
            if best == nil || found.location < best!.location { best = found }
        }
        return best
    }

    /// Every match, as ICU finds them one after the other. A text holding the words of a few alternatives only has
    /// them run, each from the end of the last match on: ICU tries every alternative at every place otherwise.
    func allMatches(in text: Folded) -> [NSRange] {
        guard literals?.mayMatch(text.folded) ?? true else { return [] }
        guard let candidates = candidates(in: text) else {
            guard let starts else { return everyMatch(in: text) }
            // A match is never empty (it starts with a string): each is looked for from the end of the last.
            var found: [NSRange] = []
            var start = 0
            while start <= text.length, let next = starts.firstMatch(of: regex, in: text, from: start) {
                found.append(next)
                start = next.location + next.length
            }
            return found
        }
        var found: [NSRange] = []
        var start = 0
        while start <= text.length, let next = leftmost(of: candidates, in: text, from: start, first: false) {
            // After an empty match ICU moves on by a character of its own: let it.
            guard next.length > 0 else { return everyMatch(in: text) }
            found.append(next)
            start = next.location + next.length
        }
        return found
    }

    /// Every match of the whole expression, as ICU finds them.
    private func everyMatch(in text: Folded) -> [NSRange] {
        text.withUTF16 { regex.allMatches(in: $0) }.map(NSRange.init)
    }
}

/// The strings every match of an expression starts with (`RegexLiterals.matchStarts`), found in a text's bytes: ICU
/// is then asked to match only there, anchored at each place in turn, the first to match being the leftmost match;
/// when the strings are in many places, it searches from the first of them on.
struct MatchStarts: Sendable {
    /// UTF-8 of the strings.
    private let words: [[UInt8]]
    /// The strings by their first byte, as indexes into `words`, bit by bit (at most 64 strings).
    private let byFirstByte: [UInt64]

    /// Beyond this many places, one search from the first place costs less than an anchored try at each.
    private static let anchoredTries = 4

    init?(pattern: String) {
        guard let starts = RegexLiterals.matchStarts(of: pattern), starts.count <= 64 else { return nil }
        words = starts.map { Array($0.utf8) }
        var table = [UInt64](repeating: 0, count: 256)
        for (index, word) in words.enumerated() { table[Int(word[0])] |= 1 << UInt64(index) }
        byFirstByte = table
    }

    /// The expression's leftmost match that starts at `start` (UTF-16) or later, as an unanchored search from
    /// `start` with transparent bounds finds it.
    func firstMatch(of regex: ICURegex, in text: Folded, from start: Int) -> NSRange? {
        let places = places(in: text.folded, from: start)
        guard let first = places.first else { return nil }
        return text.withUTF16 { units in
            guard places.count <= Self.anchoredTries else { return regex.firstMatch(in: units, from: first) }
            for place in places {
                if let found = regex.match(in: units, at: place) { return found }
            }
            return nil
        }.map(NSRange.init)
    }

    /// The UTF-16 offsets, from `start` on, where one of the strings is; once more than `anchoredTries` are found,
    /// no more are looked for. Most bytes start none of the strings: the UTF-16 offset is counted only up to a byte
    /// that does.
    private func places(in text: String, from start: Int) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            byFirstByte.withUnsafeBufferPointer { table in
                guard let base = bytes.baseAddress else { return [] }
                var places: [Int] = []
                var counted = 0  // bytes whose UTF-16 length is in `offset`
                var offset = 0
                for index in 0..<bytes.count where table[Int(base[index])] != 0 {
                    var candidates = table[Int(base[index])]
                    while candidates != 0 {
                        let word = words[candidates.trailingZeroBitCount]
                        candidates &= candidates - 1
                        guard word.count <= bytes.count - index,
                            word.withUnsafeBufferPointer({ memcmp(base + index, $0.baseAddress!, word.count) == 0 })
                        else { continue }
                        // A lead or ASCII byte starts a character: one UTF-16 unit, two beyond the basic plane.
                        while counted < index {
                            let byte = base[counted]
                            if byte & 0xC0 != 0x80 { offset += byte >= 0xF0 ? 2 : 1 }
                            counted += 1
                        }
                        guard offset >= start else { break }
                        places.append(offset)
                        if places.count > Self.anchoredTries { return places }
                        break
                    }
                }
                return places
            }
        }
    }
}
