/// Orders scorecards: by level, then score, then name; unrated last. Ranks start at 1.
public enum Ranking {
    public static func rank(_ scorecards: [PlatformScorecard]) -> [PlatformScorecard] {
        let sorted = scorecards.sorted { lhs, rhs in
            if lhs.level != rhs.level { return lhs.level < rhs.level }
            if lhs.score != rhs.score { return (lhs.score ?? -1) > (rhs.score ?? -1) }
            if lhs.name.lowercased() != rhs.name.lowercased() { return lhs.name.lowercased() < rhs.name.lowercased() }
            return lhs.id < rhs.id
        }
        return sorted.enumerated().map { index, scorecard in
            var ranked = scorecard
            ranked.rank = index + 1
            return ranked
        }
    }
}
