import Foundation
import Scorecard
import SovereigntyModel

/// What one run said of one platform: the part of its scorecard that changes are made of, read back from the JSON
/// the archive keeps for every run (`data/scorecards.json`'s platform objects). Encodable in the same shape, for the
/// history's checkpoint.
public struct PlatformSnapshot: Codable, Sendable, Equatable {
    public struct Host: Codable, Sendable, Equatable {
        public var name: String
        public var roles: [HostRole]
        public var evidence: [Evidence]
    }

    public struct Status: Codable, Sendable, Equatable {
        public var status: String
        public var evidence: [Evidence]
    }

    /// Both shapes the archive holds: schema 1 dated every document (`fetchedAt`, even unread), schema 2 dates only
    /// a copy that was read and keeps the request's time apart (`attemptedAt`).
    public struct Document: Codable, Sendable, Equatable {
        public var url: String
        public var status: String
        public var fetchedAt: String?
        public var attemptedAt: String?
        /// The copy read (absent from the oldest scorecards): a new copy is a new stretch of the document's history.
        public var sha256: String?
        public var httpStatus: Int?
    }

    public var id: String
    public var name: String
    public var level: Level
    public var score: Int?
    public var hosts: [Host]
    public var hds: Status
    public var secNumCloud: Status
    public var documents: [Document]

    /// Decodes a scorecard as stored in the archive.
    public static func decode(json: String) throws -> PlatformSnapshot {
        try decode(json: Data(json.utf8))
    }

    public static func decode(json: Data) throws -> PlatformSnapshot {
        try JSONDecoder().decode(PlatformSnapshot.self, from: json)
    }
}

/// One finished run: its date and what it said of each platform.
public struct RunSnapshot: Sendable, Equatable {
    public var runID: Int64
    /// ISO 8601 start of the run: the date every change it confirms is published under.
    public var date: String
    public var platforms: [PlatformSnapshot]

    public init(runID: Int64, date: String, platforms: [PlatformSnapshot]) {
        self.runID = runID
        self.date = date
        self.platforms = platforms
    }
}
