import Foundation

/// A JSON text kept as the tokens that changed since another text of the same shape: on a quiet night a platform's
/// scorecard differs from its previous one by each document's status and dates, a few tokens among hundreds.
///
/// A token is a string literal (quotes included) or the run of characters between two of them (punctuation, numbers,
/// `true`, `null`), so that joining the tokens gives back the text byte for byte. The patch lists each replaced token
/// (its distance from the previous one, its length, its bytes), deflated with the base as dictionary: about 25 bytes
/// for a scorecard, against about 120 for the whole text deflated against its base, most of which only said "the same
/// 258 bytes again" for each stretch of unchanged text.
enum JSONTokenPatch {
    /// The patch that turns `base` into `text`; nil when their token counts differ (an entry added or removed), or
    /// when applying it would not give back `text` exactly.
    static func make(_ text: Data, against base: Data) throws -> Data? {
        let (old, new) = (tokens(base), tokens(text))
        guard old.count == new.count else { return nil }
        var patch = Data()
        var previous = 0
        base.withUnsafeBytes { baseBytes in
            text.withUnsafeBytes { textBytes in
                for (index, (was, now)) in zip(old, new).enumerated()
                where was.count != now.count || memcmp(baseBytes.baseAddress! + was.lowerBound, textBytes.baseAddress! + now.lowerBound, was.count) != 0 {
                    appendVarint(index - previous, to: &patch)
                    appendVarint(now.count, to: &patch)
                    patch.append(UnsafeRawBufferPointer(rebasing: textBytes[now]).assumingMemoryBound(to: UInt8.self))
                    previous = index
                }
            }
        }
        let packed = try DeltaDeflate.compress(patch, against: base)
        return try apply(packed, to: base) == text ? packed : nil
    }

    /// `base` with the patch's tokens replaced: the base copied in stretches between them.
    /// - Throws: `Failure.malformed` when the patch names a token the base does not have or ends mid-entry.
    static func apply(_ packed: Data, to base: Data) throws -> Data {
        let patch = [UInt8](try DeltaDeflate.decompress(packed, against: base))
        let old = tokens(base)
        var text = [UInt8]()
        text.reserveCapacity(base.count + 64)
        try base.withUnsafeBytes { baseBytes in
            let baseBytes = baseBytes.assumingMemoryBound(to: UInt8.self)
            var (cursor, index, copied) = (0, 0, 0)  // `copied`: where the base's bytes not yet copied start
            var first = true
            while cursor < patch.count {
                let gap = try readVarint(patch, &cursor)
                let length = try readVarint(patch, &cursor)
                // Tokens in increasing order, each once.
                guard first || gap > 0, gap < old.count - index, length <= patch.count - cursor else { throw Failure.malformed }
                index += gap
                first = false
                text.append(contentsOf: UnsafeBufferPointer(rebasing: baseBytes[copied..<old[index].lowerBound]))
                text.append(contentsOf: patch[cursor..<(cursor + length)])
                copied = old[index].upperBound
                cursor += length
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: baseBytes[copied...]))
        }
        return Data(text)
    }

    enum Failure: Error, CustomStringConvertible {
        case malformed
        var description: String { "the scorecard's patch does not fit its base" }
    }

    /// The byte ranges of the text's tokens, in order. `"` and `\` are ASCII, so UTF-8 bytes split like characters.
    static func tokens(_ text: Data) -> [Range<Int>] {
        text.withUnsafeBytes { bytes -> [Range<Int>] in
            var ranges: [Range<Int>] = []
            var start = 0
            while start < bytes.count {
                var end = start + 1
                if bytes[start] == UInt8(ascii: "\"") {
                    while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                    end = min(end + 1, bytes.count)
                } else {
                    while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                }
                ranges.append(start..<end)
                start = end
            }
            return ranges
        }
    }

    private static func appendVarint(_ value: Int, to data: inout Data) {
        var value = value
        while value >= 0x80 {
            data.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        data.append(UInt8(value))
    }

    private static func readVarint(_ bytes: [UInt8], _ cursor: inout Int) throws -> Int {
        var (value, shift) = (0, 0)
        while cursor < bytes.count, shift < 63 {
            let byte = bytes[cursor]
            cursor += 1
            value |= Int(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw Failure.malformed
    }
}
