import Foundation
import SovereigntyModel

/// The part of a sentence a word belongs to, so that a negation elsewhere in the sentence does not reach it.
enum Clause {
    static let defaultSeparators = [";", " mais ", " but ", " whereas ", " tandis que ", " alors que ", " cependant ", " however "]

    static func around(_ range: NSRange, in text: Folded, separators: [String] = defaultSeparators) -> Folded {
        let folded = text.folded as NSString
        var start = 0
        var end = folded.length
        for separator in separators {
            let before = folded.range(of: separator, options: .backwards, range: NSRange(location: 0, length: range.location))
            if before.location != NSNotFound { start = max(start, before.location + before.length) }
            let afterStart = range.location + range.length
            let after = folded.range(of: separator, options: [], range: NSRange(location: afterStart, length: folded.length - afterStart))
            if after.location != NSNotFound { end = min(end, after.location) }
        }
        return Folded(text.originalText(NSRange(location: start, length: max(0, end - start))))
    }
}

/// Cuts a quote to at most `Evidence.maximumQuoteLength` characters around the words that matter,
/// on word boundaries, without adding or changing a character.
enum Quote {
    static func window(_ sentence: String, around focus: NSRange) -> String {
        let text = sentence as NSString
        let limit = Evidence.maximumQuoteLength
        guard sentence.count > limit else { return sentence }
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
        return quote.trimmingCharacters(in: .whitespaces)
    }
}
