/// A day as people write it ("3 décembre", "1er mars 2025", "3 December"): the year only when it is not the year of
/// the run, so that recent events read naturally and old ones stay unambiguous. Pure.
enum DayWords {
    static let monthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// - Parameters:
    ///   - date: an ISO 8601 date or time (`YYYY-MM-DD…`); returned as it is when it cannot be read.
    ///   - reference: the run's date, whose year is left unsaid.
    ///   - month: the month's name in the page's language, by key (`jan`…`dec`).
    static func day(_ date: String, reference: String, language: SiteLanguage, month: (String) -> String) -> String {
        let parts = date.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return date }
        let day = language == .fr && parts[2] == 1 ? "1er" : String(parts[2])
        let sameYear = reference.prefix(4) == date.prefix(4)
        return "\(day) \(month(monthKeys[parts[1] - 1]))" + (sameYear ? "" : " \(parts[0])")
    }
}
