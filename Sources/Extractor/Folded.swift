import Foundation

/// A text and its search form (lower case, accents removed) with the same UTF-16 length,
/// so a range found in the search form cuts the same words out of the original.
struct Folded {
    let original: String
    let folded: String

    init(_ original: String) {
        self.original = original
        var bytes: [UInt8] = []
        bytes.reserveCapacity(original.utf8.count)
        for scalar in original.unicodeScalars { UTF8Bytes.append(Self.fold(scalar), to: &bytes) }
        self.folded = String(decoding: bytes, as: UTF8.self)
    }

    /// The same text with every match of `pattern` blanked out (lengths kept).
    init(stripping pattern: FoldedRegex, from text: Folded) {
        let mutable = NSMutableString(string: text.original)
        for match in pattern.allMatches(in: text).reversed() {
            mutable.replaceCharacters(in: match.range, with: String(repeating: " ", count: match.range.length))
        }
        self.init(mutable as String)
    }

    /// The original text of a range found in `folded`.
    func originalText(_ range: NSRange) -> String {
        (original as NSString).substring(with: range)
    }

    var length: Int { (original as NSString).length }

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
