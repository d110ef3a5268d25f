import Foundation

/// Days as the tests' injected clocks give them: a test states a day relative to the one it injects, never a date
/// of its own, so that it reads the same on any day it runs.
public enum TestDays {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `date` moved by whole days, as YYYY-MM-DD in UTC.
    public static func iso(_ date: Date, plus days: Int = 0) -> String {
        let moved = utc.date(byAdding: .day, value: days, to: date)!
        let parts = utc.dateComponents([.year, .month, .day], from: moved)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// A day written YYYY-MM-DD moved by whole days.
    public static func iso(_ day: String, plus days: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return iso(formatter.date(from: day)!, plus: days)
    }

    /// `date` moved by whole days, in words as a reader of that language writes it ("24 novembre 2026").
    public static func words(_ date: Date, plus days: Int = 0, language: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == "fr" ? "fr_FR" : "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: utc.date(byAdding: .day, value: days, to: date)!)
    }
}
