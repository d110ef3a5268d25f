import Foundation

/// A regular expression over folded text (lower case, no accents, so written in lower case and matched as written),
/// with the words no match can do without (`RegexLiterals`): a text holding none of them is answered without ICU.
///
/// An expression of several top-level alternatives is also kept as one expression per alternative, each with its own
/// words: ICU then runs only the few alternatives whose words the text holds, each far cheaper than the whole, and
/// the leftmost of their matches (the earlier alternative at the same place) is the whole expression's first match.
struct FoldedRegex: Sendable {
    let regex: NSRegularExpression
    let literals: RegexLiterals?
    private let alternatives: [Alternative]
    /// The words of every alternative that has some, each standing for its alternative: one pass over a text tells
    /// which alternatives may match (nil beyond 64 alternatives).
    private let alternativeWords: WordIndex?
    /// The alternatives without words, which may always match.
    private let alwaysCandidates: UInt64

    private struct Alternative: Sendable {
        let regex: NSRegularExpression
        let literals: RegexLiterals?
    }

    /// Beyond this many alternatives that may match, the whole expression runs once instead.
    private static let alternativesRun = 3

    init(folded pattern: String) {
        regex = try! NSRegularExpression(pattern: pattern, options: [])
        literals = RegexLiterals(pattern: pattern)
        let parts = (RegexLiterals.alternatives(of: pattern) ?? []).map { part in
            (try? NSRegularExpression(pattern: part, options: [])).map { Alternative(regex: $0, literals: RegexLiterals(pattern: part)) }
        }
        alternatives = parts.contains { $0 == nil } ? [] : parts.compactMap { $0 }
        if alternatives.count <= 64 {
            alternativeWords = WordIndex(alternatives.enumerated().flatMap { index, alternative in (alternative.literals?.words ?? []).map { ($0, index) } })
            alwaysCandidates = alternatives.enumerated().reduce(0) { $0 | ($1.element.literals == nil ? 1 << UInt64($1.offset) : 0) }
        } else {
            alternativeWords = nil
            alwaysCandidates = 0
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
        let whole = NSRange(location: 0, length: text.length)
        guard let candidates = candidates(in: text) else {
            guard !alternatives.isEmpty || literals?.mayMatch(text.folded) ?? true else { return nil }
            return regex.firstMatch(in: text.folded, range: whole)?.range
        }
        return leftmost(of: candidates, in: text, from: 0, first: first)
    }

    /// The alternatives whose words the text holds, in order; nil when the whole expression is to run instead (it
    /// has no alternatives, or more than `alternativesRun` may match).
    private func candidates(in text: Folded) -> [Int]? {
        guard !alternatives.isEmpty else { return nil }
        if let alternativeWords,
            let present = text.folded.utf8.withContiguousStorageIfAvailable({
                alternativeWords.owners(in: $0, moreThan: Self.alternativesRun - alwaysCandidates.nonzeroBitCount)
            })
        {
            let mayMatch = present | alwaysCandidates
            if mayMatch.nonzeroBitCount > Self.alternativesRun { return nil }
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
        let range = NSRange(location: start, length: text.length - start)
        var best: NSRange?
        for index in candidates {
            guard let found = alternatives[index].regex.firstMatch(in: text.folded, options: Self.continuing, range: range)?.range else { continue }
            if first { return found }
            if best == nil || found.location < best!.location { best = found }
        }
        return best
    }

    private static let continuing: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]

    /// Every match, as ICU finds them one after the other. A text holding the words of a few alternatives only has
    /// them run, each from the end of the last match on: ICU tries every alternative at every place otherwise.
    func allMatches(in text: Folded) -> [NSRange] {
        guard literals?.mayMatch(text.folded) ?? true else { return [] }
        let whole = NSRange(location: 0, length: text.length)
        guard let candidates = candidates(in: text) else {
            return regex.matches(in: text.folded, range: whole).map(\.range)
        }
        var found: [NSRange] = []
        var start = 0
        while start <= text.length, let next = leftmost(of: candidates, in: text, from: start, first: false) {
            // After an empty match ICU moves on by a character of its own: let it.
            guard next.length > 0 else { return regex.matches(in: text.folded, range: whole).map(\.range) }
            found.append(next)
            start = next.location + next.length
        }
        return found
    }
}
