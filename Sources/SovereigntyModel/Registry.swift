/// An official list of certified or qualified providers (ANS for HDS, ANSSI for SecNumCloud), as recorded in
/// `Inputs/registries/`. "Certified" and "qualified" in reports come from here; a page's word is a claim.
public struct Registry: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var providerID: String
        /// The certified entity, or the qualified offer.
        public var subject: String
        public var since: String?
        /// `YYYY-MM-DD`; nil when the list gives no end date.
        public var validUntil: String?
        public var source: String
        /// The day the list was read.
        public var asOf: String
        /// Line in the CSV file, for error messages.
        public var line: Int

        public init(providerID: String, subject: String, since: String?, validUntil: String?, source: String, asOf: String, line: Int) {
            self.providerID = providerID
            self.subject = subject
            self.since = since
            self.validUntil = validUntil
            self.source = source
            self.asOf = asOf
            self.line = line
        }

        /// Valid on `day` (`YYYY-MM-DD`): not expired. ISO dates compare as text.
        public func isValid(on day: String) -> Bool { validUntil.map { $0 >= day } ?? true }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The provider's valid entry on that day, if any.
    public func entry(for providerID: String, on day: String) -> Entry? {
        entries.first { $0.providerID == providerID && $0.isValid(on: day) }
    }
}

/// Both registries. Nil registries mean "not loaded": the provider file's own statuses are used instead.
public struct Registries: Sendable, Equatable {
    public var hds: Registry?
    public var secNumCloud: Registry?

    public init(hds: Registry? = nil, secNumCloud: Registry? = nil) {
        self.hds = hds
        self.secNumCloud = secNumCloud
    }
}
