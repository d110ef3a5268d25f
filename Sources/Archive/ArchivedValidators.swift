/// What the crawl may ask conditionally: the validators (`ETag`, `Last-Modified`) of each URL's latest archived copy
/// that reads back whole, and the copies that do not. A URL whose copy is damaged is asked for in full, so that a
/// 304 never points the new run at a record nobody can read.
public struct ArchivedValidators: Sendable {
    public var byURL: [String: (etag: String?, lastModified: String?)] = [:]
    /// URLs whose latest copy was read back whole: a run that revisits one need not read it again.
    public var readable: Set<String> = []
    /// Each damaged copy, naming its file, byte offset and URL.
    public var unreadable: [ArchiveError] = []
    /// Each URL's latest good copy as the index held it before the run (the URLs looked up, with or without one):
    /// the run's writer finds it here instead of asking the index again for every document. `findings` holds an
    /// `@id` reference, or "" for findings kept in the row itself (their text is not held).
    var lastGood: [String: FetchRow] = [:]
    var lookedUp: Set<String> = []

    public init() {}
}
