import Scorecard

/// `data/scorecards.json`: the contract other tools and our tests read.
public struct ScorecardsDocument: Sendable, Encodable {
    /// 2: an unrated platform has no rank and `unknown` statuses; an unread document has no read date (`attemptedAt`).
    public var schemaVersion = 2
    public var rubricVersion = Rubric.version
    public var generatedAt: String
    /// The crawl was run with `--ignore-robots`.
    public var ignoredRobots: Bool
    public var platforms: [PlatformScorecard]

    public init(generatedAt: String, ignoredRobots: Bool = false, platforms: [PlatformScorecard]) {
        self.generatedAt = generatedAt
        self.ignoredRobots = ignoredRobots
        self.platforms = platforms
    }
}
