import Foundation

/// The one JSON form of scorecards: pretty, keys sorted, slashes unescaped, so the same values give the same bytes.
public enum ScorecardJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
