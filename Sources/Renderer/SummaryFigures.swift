import Scorecard

/// The counts a reader wants before any table: how many services were read, how many put health data within reach
/// of US law, how many rest on SecNumCloud or a named HDS host, how many could not be judged. Pure.
struct SummaryFigures: Equatable {
    var total: Int
    /// Rated platforms: at least one document was read.
    var assessed: Int
    /// Rated platforms whose health data sits with a host the CLOUD Act reaches.
    var usReachable: Int
    /// Rated platforms whose SecNumCloud status is a qualification we hold on record.
    var secNumCloud: Int
    /// Rated platforms naming a health-data host certified HDS.
    var hdsNamed: Int
    var notAssessed: Int
    /// Platforms per level, in the rubric's order (A+ first, unrated last).
    var byLevel: [(level: Level, count: Int)]

    init(_ scorecards: [PlatformScorecard]) {
        let rated = scorecards.filter { $0.level != .unrated }
        total = scorecards.count
        assessed = rated.count
        usReachable = rated.count { $0.cloudActExposed == true }
        secNumCloud = rated.count { $0.secNumCloud.status == "qualified" }
        hdsNamed = rated.count { $0.hds.status == "certified-host-named" }
        notAssessed = total - assessed
        byLevel = Rubric.levels.map { rule in (rule.level, scorecards.count { $0.level == rule.level }) }
    }

    static func == (left: SummaryFigures, right: SummaryFigures) -> Bool {
        (left.total, left.assessed, left.usReachable, left.secNumCloud, left.hdsNamed, left.notAssessed)
            == (right.total, right.assessed, right.usReachable, right.secNumCloud, right.hdsNamed, right.notAssessed)
            && left.byLevel.map(\.count) == right.byLevel.map(\.count)
    }
}
