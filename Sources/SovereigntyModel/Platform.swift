/// A digital-health service we watch, as listed in `Inputs/platforms.yml`.
public struct Platform: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var category: String
    /// The company that runs the service.
    public var `operator`: String
    public var website: String
    /// True when the operator itself is ultimately owned by a US company.
    public var operatorUsControlled: Bool
    public var documents: [DocumentReference]

    public init(
        id: String, name: String, category: String, operator: String, website: String,
        operatorUsControlled: Bool = false, documents: [DocumentReference]
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.operator = `operator`
        self.website = website
        self.operatorUsControlled = operatorUsControlled
        self.documents = documents
    }
}

/// One legal page of a platform.
public struct DocumentReference: Sendable, Equatable, Hashable, Codable {
    public var url: String
    public var kind: DocumentKind
    /// `browser`: the page needs JavaScript and is read after headless Chromium rendered it.
    public var render: RenderMode

    public init(url: String, kind: DocumentKind, render: RenderMode = .http) {
        self.url = url
        self.kind = kind
        self.render = render
    }
}

public enum RenderMode: String, Sendable, Codable, CaseIterable {
    case http
    case browser
}

public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case legalNotice = "legal-notice"
    case privacyPolicy = "privacy-policy"
    case terms
    case subprocessors
    case other
}
