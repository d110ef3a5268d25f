import Foundation

/// What one fetch of one URL gave: the response, or why there is none.
public struct FetchRecord: Sendable, Equatable {
    public var requestedURL: String
    /// The URL after redirects.
    public var finalURL: String
    /// Every URL the request went through before `finalURL`.
    public var redirects: [String]
    public var httpStatus: Int?
    public var contentType: String?
    /// Charset from the `Content-Type` header, when it names one.
    public var charset: String?
    public var primaryIP: String?
    public var body: Data
    /// Lower-case hex SHA-256 of `body`.
    public var sha256: String?
    public var fetchedAt: Date
    public var failure: FetchFailure?
    /// Headers of the final response, names in lower case.
    public var headers: [String: String] = [:]
    /// How many times the URL was requested (retries included).
    public var attempts: Int = 1
    /// Bytes received on the wire for the last attempt (headers and body as sent, before decompression).
    public var bytesReceived: Int = 0
    /// Seconds from the start of the last attempt to its end.
    public var duration: Double = 0
    /// The DOM after headless Chromium ran the page's scripts (`render: browser`); read instead of `body`.
    public var rendered: Data?

    public init(
        requestedURL: String, finalURL: String, redirects: [String] = [], httpStatus: Int? = nil,
        contentType: String? = nil, charset: String? = nil, primaryIP: String? = nil, body: Data = Data(),
        sha256: String? = nil, fetchedAt: Date, failure: FetchFailure? = nil
    ) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.redirects = redirects
        self.httpStatus = httpStatus
        self.contentType = contentType
        self.charset = charset
        self.primaryIP = primaryIP
        self.body = body
        self.sha256 = sha256
        self.fetchedAt = fetchedAt
        self.failure = failure
    }

    /// When the URL was asked for; nil for a record standing for a URL the run never asked for (`attempts` 0).
    public var attemptedAt: Date? { attempts > 0 ? fetchedAt : nil }

    /// The response is a 2xx with a body we can read.
    public var succeeded: Bool { failure == nil }
}

/// Why a fetch gave no usable document, in words a reader understands.
public struct FetchFailure: Sendable, Equatable, Codable, Error {
    public enum Reason: String, Sendable, Codable {
        case dns
        case refused
        case tls
        case timeout
        case connectionLost = "connection-lost"
        case tooLarge = "too-large"
        case tooManyRedirects = "too-many-redirects"
        case forbiddenProtocol = "forbidden-protocol"
        case httpError = "http-error"
        case emptyBody = "empty-body"
        case unsupportedContent = "unsupported-content"
        case needsJavaScript = "needs-javascript"
        case blockedByRobots = "blocked-by-robots"
        case forbiddenAddress = "forbidden-address"
        case notTheDocument = "not-the-document"
        /// The copy kept in the archive does not read back (a truncated or damaged WARC file).
        case archiveDamaged = "archive-damaged"
        case network
        case invalidURL = "invalid-url"
    }
    public var reason: Reason
    public var message: String

    public init(reason: Reason, message: String) {
        self.reason = reason
        self.message = message
    }
}
