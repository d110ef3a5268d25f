import Foundation

/// How the Fetcher behaves on the web; the defaults are the polite, bounded ones a nightly crawl wants.
public struct FetchConfiguration: Sendable {
    /// Transfers at once, over all hosts.
    public var concurrency: Int
    /// Transfers at once to one host name.
    public var perHostConcurrency: Int
    public var userAgent: String
    public var connectTimeoutSeconds: Int
    /// Bound on the whole transfer, redirects included.
    public var transferTimeoutSeconds: Int
    /// A transfer slower than this many bytes a second for `lowSpeedSeconds` is cut off.
    public var lowSpeedBytesPerSecond: Int
    public var lowSpeedSeconds: Int
    public var maximumRedirects: Int
    /// Cap on the body after decompression, so a gzip bomb cannot fill memory.
    public var maximumBodyBytes: Int
    /// Least time between two requests to one host name, in seconds.
    public var perHostDelay: Double = 1
    /// Requests per URL at most, retries included.
    public var maximumAttempts: Int = 3
    /// First retry delay in seconds; it doubles at each attempt, plus up to half of it at random.
    public var retryBaseDelay: Double = 1
    /// Longest `Retry-After` honoured, in seconds.
    public var maximumRetryAfter: Double = 60
    /// Fetch robots.txt once per host and obey it (RFC 9309).
    public var respectRobots = true
    /// The product token robots.txt groups are matched against.
    public var robotsToken = "sovereignty-scorecard"
    /// Called on the fetcher's thread after each document: for a progress line.
    public var progress: (@Sendable (FetchProgress) -> Void)?

    /// Host names pinned to addresses, as curl's `--resolve host:port:address` (local mirrors, benchmarks).
    /// A host pinned to a loopback address may be reached on loopback.
    public var resolve: [String] = []

    /// The time written into each fetch record (`fetchedAt`). Scheduling, delays and timeouts keep the wall clock;
    /// a crawl with a given run date moves this one so that every recorded date follows from it.
    public var clock: @Sendable () -> Date = { Date() }

    public init(
        concurrency: Int = 8, perHostConcurrency: Int = 2,
        userAgent: String = "sovereignty-scorecard/1.0 (health-data hosting report; batch crawler)",
        connectTimeoutSeconds: Int = 10, transferTimeoutSeconds: Int = 60, lowSpeedBytesPerSecond: Int = 100,
        lowSpeedSeconds: Int = 15, maximumRedirects: Int = 10, maximumBodyBytes: Int = 20_000_000
    ) {
        self.concurrency = max(1, concurrency)
        self.perHostConcurrency = max(1, perHostConcurrency)
        self.userAgent = userAgent
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.transferTimeoutSeconds = transferTimeoutSeconds
        self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
        self.lowSpeedSeconds = lowSpeedSeconds
        self.maximumRedirects = maximumRedirects
        self.maximumBodyBytes = maximumBodyBytes
    }
}

/// How far a batch has gone.
public struct FetchProgress: Sendable {
    public var done: Int
    public var total: Int
    public var failed: Int
    public var elapsed: Double
}
