import Foundation

/// The one JSON form of scorecards: pretty, keys sorted, slashes unescaped, so the same values give the same bytes.
public enum ScorecardJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// The same without indentation, for the archive's index: a run keeps every platform's scorecard, and the
    /// indentation was more than half of its bytes. Readers of the index decode it, never compare its bytes.
    public static func encodeCompact<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// `encodeCompact`'s bytes from `encode`'s: the indentation and the spaces around colons dropped, strings kept
    /// as they are (a string holds no raw white space: JSON escapes line breaks and tabs). The crawl encodes each
    /// scorecard once for both the site and the archive.
    public static func compact(_ pretty: Data) -> Data {
        var compact = Data(count: pretty.count)
        let written = compact.withUnsafeMutableBytes { (output: UnsafeMutableRawBufferPointer) -> Int in
            pretty.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int in
                var count = 0
                var inString = false
                var escaped = false
                for byte in input {
                    if inString {
                        if escaped {
                            escaped = false
                        } else if byte == UInt8(ascii: "\\") {
                            escaped = true
                        } else if byte == UInt8(ascii: "\"") {
                            inString = false
                        }
                    } else if byte == UInt8(ascii: "\"") {
                        inString = true
                    } else if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        continue
                    }
                    output[count] = byte
                    count += 1
                }
                return count
            }
        }
        compact.count = written
        return compact
    }
}
