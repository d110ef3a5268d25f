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
