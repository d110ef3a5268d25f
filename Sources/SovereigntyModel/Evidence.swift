/// The proof behind a finding: where it was read, the exact words, and when.
public struct Evidence: Sendable, Equatable, Hashable, Codable {
    public var url: String
    /// A verbatim sentence of the page text, whitespace collapsed, at most 400 characters.
    public var quote: String
    /// The heading the quote sits under, if any.
    public var section: String?
    /// ISO 8601 time of the fetch.
    public var fetchedAt: String

    public init(url: String, quote: String, section: String?, fetchedAt: String) {
        self.url = url
        self.quote = quote
        self.section = section
        self.fetchedAt = fetchedAt
    }

    /// Longest quote we print; longer sentences are cut to a window around the match.
    public static let maximumQuoteLength = 400
}
