import Foundation
import SovereigntyModel

/// A confirmed difference between what two runs said of a platform, with the quotes before and after.
public struct Change: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case levelUp, levelDown, hostAdded, hostRemoved, rolesChanged, hdsChanged, secNumCloudChanged
        case documentUnreachable, documentRecovered
    }

    public var platformID: String
    public var platformName: String
    public var kind: Kind
    /// The host or document the change is about; empty for the level and the statuses.
    public var subject: String
    public var before: String
    public var after: String
    /// Date of the first run that showed the new state.
    public var since: String
    /// Date of the run that confirmed it (the same as `since` when one run is enough).
    public var confirmedAt: String
    public var confirmedRunID: Int64
    public var beforeEvidence: [Evidence]
    public var afterEvidence: [Evidence]
}
