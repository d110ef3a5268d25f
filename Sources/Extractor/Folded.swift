import Foundation

/// A text and its search form (lower case, accents removed) with the same UTF-16 length,
/// so a range found in the search form cuts the same words out of the original.
struct Folded {
    let original: String
    let folded: String
    /// The UTF-16 length of both texts (what NSRange counts), worked out once: every pattern run on the text asks.
    let length: Int
    /// `folded` in UTF-16, made when a pattern first runs on the text: ICU matches UTF-16, and every pattern run on the
    /// text then reads the same copy.
    private let units = FoldedUnits()

    /// Folds the UTF-8 bytes in place of the scalars: most text is ASCII, lower-cased byte by byte. A folded scalar is
    /// never longer in UTF-8 than the original one, so the folded text fits in the original's length. The UTF-16
    /// length is counted on the way: asking the string for it would index its UTF-16 view.
    init(_ original: String) {
        self.original = original
        var text = original
        var length = 0
        self.folded = text.withUTF8 { input in
            String(unsafeUninitializedCapacity: max(input.count, 1)) { output in
                var written = 0
                var index = 0
                while index < input.count {
                    let byte = input[index]
                    if byte < 0x80 {
                        output[written] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                        written += 1
                        index += 1
                        length += 1
                        continue
                    }
                    // A valid String: the lead byte gives the width, the continuation bytes the rest.
                    let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                    for offset in 1..<width { value = value << 6 | UInt32(input[index + offset] & 0x3F) }
                    index += width
                    length += width == 4 ? 2 : 1
                    for unit in Self.fold(Unicode.Scalar(value)!).utf8 {
                        output[written] = unit
                        written += 1
                    }
                }
                return written
            }
        }
        self.length = length
    }

    /// The same text with every match of `pattern` blanked out (lengths kept). Its trigger words are often there
    /// without a match ("via", "plateforme"): then the text is kept as it is, not copied and folded again.
    init(stripping pattern: FoldedRegex, from text: Folded) {
        let matches = pattern.allMatches(in: text)
        guard !matches.isEmpty else {
            self = text
            return
        }
        let mutable = NSMutableString(string: text.original)
        for match in matches.reversed() {
            mutable.replaceCharacters(in: match, with: String(repeating: " ", count: match.length))
        }
        self.init(mutable as String)
    }

    /// Runs `body` on the UTF-16 of `folded`.
    func withUTF16<Result>(_ body: (UnsafeBufferPointer<UInt16>) -> Result) -> Result {
        units.withUnits(of: folded, body)
    }

    /// The original text of a range found in `folded`.
    func originalText(_ range: NSRange) -> String {
        (original as NSString).substring(with: range)
    }


    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x250 { return table[Int(scalar.value)] }
        switch scalar.value {
        case 0x2019, 0x2018, 0x02BC: return "'"
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014: return "-"
        default: return scalar
        }
    }

    /// Folding of the Latin range, worked out once.
    private static let table: [Unicode.Scalar] = (0..<0x250).map { computeFold(Unicode.Scalar(UInt32($0))!) }

    private static func computeFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        switch scalar.value {
        case 0x2019, 0x2018, 0x02BC: return "'"
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014: return "-"
        case 0x00C6, 0x00E6, 0x0152, 0x0153, 0x00DF: return scalar
        default: break
        }
        guard scalar.value < 0x0250, scalar.properties.isAlphabetic else { return scalar }
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
        let lower = base.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 && lower.first!.value < 0x0250 ? lower.first! : base
    }
}

/// The UTF-16 copy of a folded text, made once on demand; a `Folded` and its copies share it.
private final class FoldedUnits {
    private var units: [UInt16]?

    func withUnits<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt16>) -> Result) -> Result {
        if units == nil { units = Array(text.utf16) }
        return units!.withUnsafeBufferPointer(body)
    }
}
