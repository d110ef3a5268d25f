import Foundation

/// One document of a platform as the pipeline saw it: the fetch and, when readable, its findings.
public struct DocumentSnapshot: Sendable, Equatable {
    public var reference: DocumentReference
    public var fetch: FetchRecord
    /// Nil when the document could not be fetched or read.
    public var findings: DocumentFindings?
    /// Why the document could not be read, when it was fetched but gave no text.
    public var readFailure: FetchFailure?
    /// Set when tonight's fetch failed and the document is judged from its last good copy (`fetch`).
    public var stale: Stale?

    public struct Stale: Sendable, Equatable {
        /// Why tonight's fetch gave nothing.
        public var reason: FetchFailure
        /// When tonight's request was made (`fetch` holds the kept copy's own date); nil when it was not made.
        public var attemptedAt: Date?

        public init(reason: FetchFailure, attemptedAt: Date?) {
            self.reason = reason
            self.attemptedAt = attemptedAt
        }
    }

    public init(reference: DocumentReference, fetch: FetchRecord, findings: DocumentFindings?, readFailure: FetchFailure? = nil) {
        self.reference = reference
        self.fetch = fetch
        self.findings = findings
        self.readFailure = readFailure
    }

    /// The reason the document gave nothing, from the fetch or from reading it.
    public var failure: FetchFailure? { fetch.failure ?? readFailure }
}
