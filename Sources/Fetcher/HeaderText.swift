import Foundation

/// Header lines as the transfer keeps them, trimmed the way `trimmingCharacters(in:)` trims them (Unicode scalars
/// of the set, from each end), but looking only at the ends: every header line of every transfer goes through here,
/// on the fetch's one thread, where Foundation's trimming was a tenth of a quiet rerun's fetching.
enum HeaderText {
    static func trimmed<Text: StringProtocol>(_ text: Text, _ set: CharacterSet) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, set.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[start..<end])
        return String(kept)
    }
}
