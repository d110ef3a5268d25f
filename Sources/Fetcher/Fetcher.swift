import Foundation
import SovereigntyModel

/// Fetches a batch of URLs with libcurl's multi interface on one dedicated thread, politely: robots.txt first,
/// once per host, then the documents it allows.
///
/// The driver thread keeps blocking network waits off Swift's cooperative pool, which an
/// in-process server (tests) or the rest of the pipeline may need.
public struct Fetcher: Sendable {
    public let configuration: FetchConfiguration

    public init(configuration: FetchConfiguration = FetchConfiguration()) {
        self.configuration = configuration
    }

    /// What the last archived copy of a URL said about itself, for a conditional request.
    public struct Validators: Sendable, Equatable {
        public var etag: String?
        public var lastModified: String?
        public init(etag: String?, lastModified: String?) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    /// One record per URL, in the order given. Never throws: a failure is a record with its reason.
    /// - Parameters:
    ///   - validators: per URL, the `ETag` / `Last-Modified` of the archived copy: a 304 then costs no body.
    ///   - each: when given, receives every document's record on the fetcher's thread as soon as it is final, and
    ///     the records returned carry no body: a large batch then never holds every body at once. A slow `each`
    ///     holds the transfers back, which bounds what waits for it.
    public func fetch(
        _ urls: [String], validators: [String: Validators] = [:], each: (@Sendable (FetchRecord) -> Void)? = nil
    ) async -> [FetchRecord] {
        guard configuration.respectRobots else { return await transfer(urls, validators: validators, each: each) }
        let sites = Array(Set(urls.compactMap(Self.robotsURL))).sorted()
        let robots = Dictionary(uniqueKeysWithValues: zip(sites, await transfer(sites, reportProgress: false)))
        var allowed: [String] = []
        var refused: [String: FetchRecord] = [:]
        for url in urls {
            guard let site = Self.robotsURL(of: url), let answer = robots[site] else {
                allowed.append(url)
                continue
            }
            if let refusal = Self.refusal(of: url, robots: answer, token: configuration.robotsToken) {
                refused[url] = refusal
            } else {
                allowed.append(url)
            }
        }
        for url in urls { if let refusal = refused[url] { each?(refusal) } }
        // A meta refresh leads to an address robots.txt was not asked about: the same answers decide.
        let token = configuration.robotsToken
        let refusal: @Sendable (String) -> FetchFailure? = { url in
            guard let site = Self.robotsURL(of: url), let answer = robots[site] else { return nil }
            return Self.refusal(of: url, robots: answer, token: token)?.failure
        }
        let fetched = Dictionary(
            zip(allowed, await transfer(allowed, validators: validators, robotsRefusal: refusal, each: each)),
            uniquingKeysWith: { first, _ in first })
        return urls.map { fetched[$0] ?? refused[$0]! }
    }

    private func transfer(
        _ urls: [String], validators: [String: Validators] = [:], robotsRefusal: (@Sendable (String) -> FetchFailure?)? = nil,
        reportProgress: Bool = true, each: (@Sendable (FetchRecord) -> Void)? = nil
    ) async -> [FetchRecord] {
        guard !urls.isEmpty else { return [] }
        var settings = configuration
        if !reportProgress { settings.progress = nil }
        let configuration = settings
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    returning: CurlMultiDriver(
                        configuration: configuration, validators: validators, robotsRefusal: robotsRefusal, each: each
                    ).run(urls))
            }
            thread.name = "sovereignty.fetcher"
            thread.start()
        }
    }

    /// `scheme://host[:port]/robots.txt` for a URL.
    static func robotsURL(of url: String) -> String? {
        guard var components = URLComponents(string: url), components.host != nil else { return nil }
        components.path = "/robots.txt"
        components.query = nil
        components.fragment = nil
        return components.string
    }

    /// The record of a document robots.txt does not let us fetch, or nil when it may be fetched.
    static func refusal(of url: String, robots: FetchRecord, token: String) -> FetchRecord? {
        let policy: RobotsPolicy
        switch robots.failure?.reason {
        case nil:
            policy = RobotsPolicy(text: String(decoding: robots.body, as: UTF8.self), userAgent: token)
        case .httpError where (400..<500).contains(robots.httpStatus ?? 0), .emptyBody:
            return nil  // no robots.txt: everything is allowed
        case .httpError:
            policy = .disallowAll  // RFC 9309: a server error on robots.txt means "assume complete disallow"
        default:
            // The host could not be reached: the document would fail the same way; say so without trying again.
            return FetchRecord(
                requestedURL: url, finalURL: url, fetchedAt: robots.fetchedAt,
                failure: FetchFailure(reason: robots.failure!.reason, message: "\(robots.failure!.message) (while reading robots.txt)"))
        }
        let components = URLComponents(string: url)
        let path = (components?.percentEncodedPath ?? "/") + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")
        guard !policy.allows(path: path) else { return nil }
        let why = robots.failure == nil ? "robots.txt disallows \(path) for \(token)" : "robots.txt answered \(robots.httpStatus ?? 0): assumed disallowed"
        return FetchRecord(
            requestedURL: url, finalURL: url, fetchedAt: robots.fetchedAt, failure: FetchFailure(reason: .blockedByRobots, message: why))
    }
}
