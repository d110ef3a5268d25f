/// A platform's level and score over the archived runs, as a small line chart an inline SVG template draws, oldest
/// run on the left; each point carries its level and score in text, and an unrated run leaves a gap, never a zero. Pure.
struct TimelineChart: Encodable, Equatable {
    struct Point: Encodable, Equatable {
        var x: Int
        /// Nil for an unrated run: nothing is drawn but its date.
        var y: Int?
        var labelY: Int
        var level: String
        var levelSlug: String
        var score: String
        var date: String
        var rated: Bool
    }

    var points: [Point]
    /// SVG path of the line through consecutive rated runs ("M x y L x y…", a new "M" after a gap).
    var line: String
    var width: Int
    var height: Int
    var axisY: Int
    var dateY: Int
    var description: String

    static let step = 96
    static let margin = 48
    static let plotTop = 28
    static let plotHeight = 80

    /// - Parameters:
    ///   - runs: oldest first: level badge and slug, score (nil when unrated), and the run's label (`RunLabels`).
    ///   - describe: one run in words, for the text alternative.
    init(_ runs: [(level: String, slug: String, score: Int?, label: String)], describe: (String, String, String) -> String) {
        points = runs.enumerated().map { index, run in
            let y = run.score.map { Self.plotTop + (100 - min(100, max(0, $0))) * Self.plotHeight / 100 }
            return Point(
                x: Self.margin + index * Self.step, y: y, labelY: (y ?? Self.plotTop + Self.plotHeight) - 10, level: run.level, levelSlug: run.slug,
                score: run.score.map(String.init) ?? "–", date: run.label, rated: run.score != nil)
        }
        var path = ""
        var previousRated = false
        for point in points {
            guard let y = point.y else {
                previousRated = false
                continue
            }
            path += (path.isEmpty ? "" : " ") + (previousRated ? "L" : "M") + "\(point.x) \(y)"
            previousRated = true
        }
        line = path
        width = Self.margin * 2 + max(0, runs.count - 1) * Self.step
        axisY = Self.plotTop + Self.plotHeight + 8
        dateY = axisY + 20
        height = dateY + 8
        description = runs.map { describe($0.label, $0.level, $0.score.map(String.init) ?? "–") }.joined(separator: " ; ")
    }
}

/// How runs are named to readers: by their day, with the time (UTC) when two runs share that day, and its seconds
/// when they share the minute too, so that four runs of one day never read "2026-12-02" four times. Pure.
enum RunLabels {
    static func labels(_ dates: [String]) -> [String] {
        var perDay: [Substring: Int] = [:]
        var perMinute: [Substring: Int] = [:]
        for date in dates {
            perDay[date.prefix(10), default: 0] += 1
            perMinute[date.prefix(16), default: 0] += 1
        }
        return dates.map { date in
            let day = date.prefix(10)
            guard perDay[day]! > 1, date.count >= 16 else { return String(day) }
            let seconds = perMinute[date.prefix(16)]! > 1 && date.count >= 19
            return "\(day) \(date.dropFirst(11).prefix(seconds ? 8 : 5))"
        }
    }
}
