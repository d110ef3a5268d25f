/// Orders scorecards: by level, then score, then name. Ranks 1…n go to rated platforms only; unrated platforms come
/// last, by name, with no rank: a platform none of whose documents was read has no place in a ranking.
public enum Ranking {
    public static func rank(_ scorecards: [PlatformScorecard]) -> [PlatformScorecard] {
        let sorted = scorecards.sorted { lhs, rhs in
            if lhs.level != rhs.level { return lhs.level < rhs.level }
            if lhs.score != rhs.score { return (lhs.score ?? -1) > (rhs.score ?? -1) }
            if lhs.name.lowercased() != rhs.name.lowercased() { return lhs.name.lowercased() < rhs.name.lowercased() }
            return lhs.id < rhs.id
        }
        var next = 1
        return sorted.map { scorecard in
            var ranked = scorecard
            ranked.rank = nil
            if scorecard.level != .unrated {
                ranked.rank = next
                next += 1
            }
            return ranked
        }
    }
}
