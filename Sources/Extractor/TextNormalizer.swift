/// Turns raw page text into the text we quote: invisible characters removed, all spaces collapsed to one.
enum TextNormalizer {
    /// Collapses white space (including non-breaking and thin spaces) and drops soft hyphens and zero-width
    /// characters. With `keepLineBreaks`, U+2028 (which the HTML reader writes for `<br>`) becomes "\n".
    static func normalize(_ text: String, keepLineBreaks: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var pendingBreak = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            case 0x2028 where keepLineBreaks:
                pendingBreak = true
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                pendingSpace = true
            case 0x00...0x08, 0x0E...0x1F, 0x7F:
                continue
            default:
                if !bytes.isEmpty {
                    if pendingBreak {
                        bytes.append(0x0A)
                    } else if pendingSpace {
                        bytes.append(0x20)
                    }
                }
                pendingSpace = false
                pendingBreak = false
                UTF8Bytes.append(scalar, to: &bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
