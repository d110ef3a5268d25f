/// What a host says of itself in the table the 2024 HDS framework asks for, one row per actor of the hosting chain:
/// whether health data can be reached from outside the EEA (requirement 29) and whether the actor is exposed to a
/// third country's legislation (requirement 30). It is the actor's own statement, quoted; our catalogue may disagree.
public struct ChainDisclosure: Sendable, Equatable, Codable {
    /// Nil when the row leaves it blank or answers neither yes nor no.
    public var accessOutsideEEA: Bool?
    public var exposedToThirdCountryLaw: Bool?
    /// The row, its cells in order joined by " | ".
    public var evidence: Evidence

    public init(accessOutsideEEA: Bool?, exposedToThirdCountryLaw: Bool?, evidence: Evidence) {
        self.accessOutsideEEA = accessOutsideEEA
        self.exposedToThirdCountryLaw = exposedToThirdCountryLaw
        self.evidence = evidence
    }

    /// Every key written, an unanswered question as `null` (the published contract shows "not stated").
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessOutsideEEA, forKey: .accessOutsideEEA)
        try container.encode(exposedToThirdCountryLaw, forKey: .exposedToThirdCountryLaw)
        try container.encode(evidence, forKey: .evidence)
    }
}
