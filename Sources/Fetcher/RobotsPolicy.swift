/// A robots.txt file (RFC 9309) as rules for one user-agent token. Pure: text in, decisions out.
public struct RobotsPolicy: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }

    private let rules: [Rule]

    /// Everything allowed: no robots.txt (4xx), or no group for us.
    public static let allowAll = RobotsPolicy(rules: [])
    /// Nothing allowed: robots.txt unreachable (5xx or network), as RFC 9309 §2.3.1.4 asks.
    public static let disallowAll = RobotsPolicy(rules: [Rule(allow: false, pattern: "/")])

    private init(rules: [Rule]) {
        self.rules = rules
    }

    /// The rules of the group that names `userAgent` (case-insensitive product token), else of the `*` group.
    public init(text: String, userAgent: String) {
        let token = userAgent.lowercased()
        var groups: [(agents: [String], rules: [Rule])] = []
        var lastWasAgent = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !lastWasAgent || groups.isEmpty { groups.append(([], [])) }
                groups[groups.count - 1].agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !groups.isEmpty else { continue }
                // An empty Disallow allows everything; it adds no rule.
                if value.isEmpty { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: value))
            default:
                lastWasAgent = false
            }
        }
        let ours = groups.filter { $0.agents.contains(token) }
        let chosen = ours.isEmpty ? groups.filter { $0.agents.contains("*") } : ours
        self.rules = chosen.flatMap(\.rules)
    }

    /// Whether `path` (with its query) may be fetched: the longest matching rule wins, and Allow wins a tie.
    public func allows(path: String) -> Bool {
        let path = path.isEmpty ? "/" : path
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.allow) {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// `*` matches any run of characters; a final `$` anchors the end; otherwise the pattern is a prefix.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var glob = Array(pattern.unicodeScalars)
        if glob.last == "$" { glob.removeLast() } else { glob.append("*") }
        let text = Array(path.unicodeScalars)
        // Two-pointer glob match, backtracking to the last star.
        var g = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if g < glob.count && glob[g] != "*" && glob[g] == text[t] {
                g += 1
                t += 1
            } else if g < glob.count && glob[g] == "*" {
                star = g
                mark = t
                g += 1
            } else if star >= 0 {
                g = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while g < glob.count && glob[g] == "*" { g += 1 }
        return g == glob.count
    }
}
