import Scorecard

/// `data/scorecards.json`: the contract other tools and our tests read.
public struct ScorecardsDocument: Sendable, Encodable {
    public var schemaVersion = 1
    public var rubricVersion = Rubric.version
    public var generatedAt: String
    public var platforms: [PlatformScorecard]

    public init(generatedAt: String, platforms: [PlatformScorecard]) {
        self.generatedAt = generatedAt
        self.platforms = platforms
    }
}
