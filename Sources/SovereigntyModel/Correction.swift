/// A platform operator's (or a reader's) correction that we accepted, published on the platform page with its source:
/// the right of reply. It does not change the grade; only the platform's own pages do.
public struct Correction: Sendable, Equatable {
    public var platformID: String
    /// `YYYY-MM-DD`: when the correction was received.
    public var date: String
    /// Who sent it (an organisation, never a private person's name unless they asked).
    public var from: String
    public var summary: String
    /// Where the correction can be read: a letter, a page of the operator, an e-mail archive.
    public var source: String

    public init(platformID: String, date: String, from: String, summary: String, source: String) {
        self.platformID = platformID
        self.date = date
        self.from = from
        self.summary = summary
        self.source = source
    }
}
