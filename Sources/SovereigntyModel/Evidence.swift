/// The proof behind a finding: where it was read, the exact words, and when.
public struct Evidence: Sendable, Equatable, Hashable, Codable {
    public var url: String
    /// A verbatim sentence of the page text, whitespace collapsed, at most 400 characters.
    public var quote: String
    /// The heading the quote sits under, if any.
    public var section: String?
    /// ISO 8601 time of the fetch.
    public var fetchedAt: String
    /// For a host's evidence: the roles this sentence gives the host (one sentence may support several). Nil for
    /// other findings, and omitted from JSON then.
    public var roles: [HostRole]?
    /// The extraction rule that read this sentence (`Sources/Extractor/Rules`), and when a second rule decided what
    /// it says, that one after a "+" ("secnumcloud+negation"): whoever reads a wrong finding knows which rule to fix.
    /// Nil for evidence read before rules were named, and omitted from JSON then.
    public var rule: String?

    public init(url: String, quote: String, section: String?, fetchedAt: String, roles: [HostRole]? = nil, rule: String? = nil) {
        self.url = url
        self.quote = quote
        self.section = section
        self.fetchedAt = fetchedAt
        self.roles = roles
        self.rule = rule
    }

    /// The sentence and where and when it was read, whatever it supports and whichever rule read it: two mentions of
    /// a host that quote the same sentence are one piece of evidence.
    var place: Evidence {
        var place = self
        place.roles = nil
        place.rule = nil
        return place
    }

    /// Longest quote we print; longer sentences are cut to a window around the match.
    public static let maximumQuoteLength = 400
}
