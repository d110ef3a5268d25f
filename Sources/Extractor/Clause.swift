import Foundation
import SovereigntyModel

/// The part of a sentence a word belongs to, so that a negation elsewhere in the sentence does not reach it.
enum Clause {
    static let defaultSeparators = [";", " mais ", " but ", " whereas ", " tandis que ", " alors que ", " cependant ", " however "]

    /// Searches the UTF-16 code units directly: a clause is cut for most names a sentence holds.
    static func around(_ range: NSRange, in text: Folded, separators: [String] = defaultSeparators) -> Folded {
        // Most sentences hold no separator: the clause is the sentence.
        guard separators.contains(where: { UTF8Bytes.contains(text.folded, $0) }) else { return text }
        let units = Array(text.folded.utf16)
        var start = 0
        var end = units.count
        let afterStart = min(range.location + range.length, units.count)
        for separator in separators {
            let pattern = Array(separator.utf16)
            if let found = lastOccurrence(of: pattern, in: units, endingBy: range.location) { start = max(start, found + pattern.count) }
            if let found = firstOccurrence(of: pattern, in: units, from: afterStart) { end = min(end, found) }
        }
        return Folded(text.originalText(NSRange(location: start, length: max(0, end - start))))
    }

    /// Words that open a relative clause after a place ("un pays qui…", "countries which…"), or a parenthesis that
    /// says what the place is ("des pays tiers (n'appartenant pas à l'UE)").
    private static let relativeOpeners = [" qui ", " dont ", " lesquels ", " lesquelles ", " which ", " that ", " where ", " whose ", " ("]

    /// The text up to the first relative clause that opens after `range`, or all of it.
    static func beforeRelative(after range: NSRange, in text: Folded) -> Folded {
        let folded = text.folded as NSString
        let from = min(range.location + range.length, folded.length)
        let cut = relativeOpeners.compactMap { opener -> Int? in
            let found = folded.range(of: opener, range: NSRange(location: from, length: folded.length - from))
            return found.location == NSNotFound ? nil : found.location
        }.min()
        guard let cut else { return text }
        return Folded(text.originalText(NSRange(location: 0, length: cut)))
    }

    /// Start of the last occurrence lying wholly before `limit`.
    private static func lastOccurrence(of pattern: [UInt16], in units: [UInt16], endingBy limit: Int) -> Int? {
        var index = min(limit, units.count) - pattern.count
        while index >= 0 {
            if units[index] == pattern[0] && units[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index -= 1
        }
        return nil
    }

    private static func firstOccurrence(of pattern: [UInt16], in units: [UInt16], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= units.count {
            if units[index] == pattern[0] && units[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

/// Cuts a quote to at most `Evidence.maximumQuoteLength` characters around the words that matter,
/// on word boundaries, without adding or changing a character.
enum Quote {
    static func window(_ sentence: String, around focus: NSRange) -> String {
        let text = sentence as NSString
        let limit = Evidence.maximumQuoteLength
        // Counting characters reads the whole sentence: UTF-16 units, never fewer than characters, are counted once.
        guard text.length > limit, sentence.count > limit else { return sentence }
        let center = focus.location + focus.length / 2
        var start = max(0, min(center - limit / 2, text.length - limit))
        var end = min(text.length, start + limit)
        // Move inward to the nearest spaces so that no word is cut.
        if start > 0 {
            let space = text.range(of: " ", options: [], range: NSRange(location: start, length: end - start))
            if space.location != NSNotFound && space.location < focus.location { start = space.location + 1 }
        }
        if end < text.length {
            let space = text.range(of: " ", options: .backwards, range: NSRange(location: start, length: end - start))
            if space.location != NSNotFound && space.location >= focus.location + focus.length { end = space.location }
        }
        var quote = text.substring(with: NSRange(location: start, length: end - start))
        while quote.count > limit { quote.removeLast() }
        return UTF8Bytes.trimmingWhitespace(quote)
    }
}
