/// A platform's sovereignty level, best first.
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    case aPlus = "A+"
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"
    case e = "E"
    case unrated

    public static func < (lhs: Level, rhs: Level) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The score range inside which platforms of this level are ordered; nil when unrated.
    public var scoreBand: ClosedRange<Int>? {
        switch self {
        case .aPlus: 90...100
        case .a: 80...89
        case .b: 60...79
        case .c: 40...59
        case .d: 20...39
        case .e: 0...19
        case .unrated: nil
        }
    }

    /// What the badge shows: the letter, or a dash when unrated.
    public var badge: String { self == .unrated ? "–" : rawValue }

    /// A slug usable in file names and CSS classes.
    public var slug: String {
        switch self {
        case .aPlus: "a-plus"
        case .unrated: "unrated"
        default: rawValue.lowercased()
        }
    }
}
