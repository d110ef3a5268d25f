import Foundation

/// ISO 8601 in UTC to the second: the one time format of every output, so that outputs compare byte for byte.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    public static func date(_ string: String) -> Date? {
        try? Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).parse(string)
    }

    /// `YYYY-MM-DD` of a time, in UTC.
    public static func day(_ date: Date) -> String {
        String(string(date).prefix(10))
    }
}
