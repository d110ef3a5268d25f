import Foundation

/// Text as UTF-8 bytes, where the work is much faster than through String's Unicode-aware operations.
enum UTF8Bytes {
    /// Whether `needle` occurs in `text`, byte for byte.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { text in needle.withUTF8 { contains(text, $0) } }
    }

    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let needleStart = needle.baseAddress, !needle.isEmpty else { return true }
        guard let textStart = text.baseAddress, text.count >= needle.count else { return false }
        let last = textStart + (text.count - needle.count)  // the last place the needle can start
        var from = textStart
        while from <= last, let found = memchr(from, Int32(needleStart.pointee), last - from + 1) {
            let start = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if memcmp(start, needleStart, needle.count) == 0 { return true }
            from = start + 1
        }
        return false
    }

    /// `text.trimmingCharacters(in: .whitespaces)`: the spaces and tabs at its ends, nearly all the white space there
    /// is, are trimmed on the bytes (they are the only ASCII characters of the set). Foundation, slow on Linux, is asked
    /// only when a character beyond ASCII is at an end, which may be white space too (a no-break space).
    static func trimmingWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        let isSpaceOrTab = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let start = utf8.firstIndex(where: { !isSpaceOrTab($0) }), let end = utf8.lastIndex(where: { !isSpaceOrTab($0) }) else { return "" }
        guard utf8[start] < 0x80, utf8[end] < 0x80 else { return text.trimmingCharacters(in: .whitespaces) }
        if start == utf8.startIndex && utf8.index(after: end) == utf8.endIndex { return text }
        return String(decoding: utf8[start...end], as: UTF8.self)
    }

    /// Where `byte` (ASCII) first is in a text: memchr over its bytes, where a generic search would check each index.
    static func firstIndex<Text: StringProtocol>(of byte: UInt8, in text: Text) -> Text.Index? {
        let utf8 = text.utf8
        guard let offset = utf8.withContiguousStorageIfAvailable({ bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base, Int32(byte), bytes.count) else { return nil }
            return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
        }) else { return utf8.firstIndex(of: byte) }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// False only when Foundation's `range(of:)` (which matches canonically equivalent text, not only the same bytes)
    /// cannot find `needle` in `text`: an ASCII needle is canonically equivalent only to the same ASCII bytes, but for
    /// "K", ";" and "`" (the Kelvin sign, the Greek question mark and the Greek varia decompose to them), so a needle
    /// of other ASCII characters that is not in the bytes is not in the text. Any other needle may be.
    static func mayFind(_ needle: String, in text: String) -> Bool {
        guard needle.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "K") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") }) else {
            return true
        }
        return contains(text, needle)
    }

    /// Whether the bytes are well-formed UTF-8 (no overlong form, surrogate or code point above U+10FFFF) and hold no
    /// NUL. Eight ASCII bytes at a time.
    static func isValidWithoutNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))
                // No byte at or above 0x80 and no zero byte: eight ASCII characters.
                let zero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if (word | zero) & 0x8080_8080_8080_8080 == 0 {
                    index &+= 8
                    continue
                }
            }
            let byte = start[index]
            if byte == 0 { return false }
            if byte < 0x80 {
                index &+= 1
                continue
            }
            let width: Int
            let minimum: UInt32
            var value: UInt32
            switch byte {
            case 0xC2...0xDF: (width, minimum, value) = (2, 0x80, UInt32(byte & 0x1F))
            case 0xE0...0xEF: (width, minimum, value) = (3, 0x800, UInt32(byte & 0x0F))
            case 0xF0...0xF4: (width, minimum, value) = (4, 0x10000, UInt32(byte & 0x07))
            default: return false
            }
            guard index + width <= count else { return false }
            for offset in 1..<width {
                let next = start[index + offset]
                guard next & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(next & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return false }
            index &+= width
        }
        return true
    }

    /// Writes a scalar as UTF-8 into a byte buffer: building text byte by byte is much faster than appending scalars
    /// to a String.
    @inline(__always)
    static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
