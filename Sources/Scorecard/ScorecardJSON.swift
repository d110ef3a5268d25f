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
}
