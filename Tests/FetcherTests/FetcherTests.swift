@testable import Fetcher
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SovereigntyModel
import Synchronization
import Testing
import TestSupport

/// Every request goes to the fixture server on 127.0.0.1, through real libcurl.
@Suite struct FetcherTests {
    @Test func fetchesRedirectsAndFailuresInOneBatch() async throws {
        let server = try FixtureServer.start()
        defer { server.stop() }
        var configuration = FetchConfiguration(concurrency: 4, connectTimeoutSeconds: 5, transferTimeoutSeconds: 20, maximumBodyBytes: 1_000_000)
        configuration.maximumRedirects = 5
        configuration.perHostDelay = 0
        let urls = [
            server.url("/pages/level-b.html"), server.url("/redirect/level-a.html"), server.url("/missing/page"),
            server.url("/loop"), server.url("/to-file"), server.url("/big"), server.url("/pages/latin1.latin1.html"),
            "http://127.0.0.1:1/refused",
        ]
        let records = await Fetcher(configuration: configuration).fetch(urls)
        #expect(records.map(\.requestedURL) == urls)

        let ok = records[0]
        #expect(ok.failure == nil)
        #expect(ok.httpStatus == 200)
        #expect(ok.charset == "utf-8")
        #expect(ok.primaryIP == "127.0.0.1")
        #expect(String(decoding: ok.body, as: UTF8.self).contains("Clever Cloud SAS"))
        #expect(ok.sha256?.count == 64)

        let redirected = records[1]
        #expect(redirected.failure == nil)
        #expect(redirected.finalURL == server.url("/pages/level-a.html"))
        #expect(redirected.redirects == [server.url("/redirect/level-a.html")])

        #expect(records[2].failure?.reason == .httpError)
        #expect(records[2].httpStatus == 404)
        #expect(records[3].failure?.reason == .tooManyRedirects)
        #expect(records[4].failure?.reason == .forbiddenProtocol)
        #expect(records[5].failure?.reason == .tooLarge)
        #expect(records[5].body.isEmpty)
        #expect(records[6].charset == "ISO-8859-1")
        #expect(records[7].failure?.reason == .refused)
        for record in records where record.failure != nil { #expect(!record.failure!.message.isEmpty) }
    }

    @Test func keepsOrderWithManyTransfersAndOneAtATime() async throws {
        let server = try FixtureServer.start()
        defer { server.stop() }
        let names = ["level-a.html", "level-b.html", "level-c.html", "level-d.html", "level-e.html", "privacy-aws.html"]
        let urls = (0..<3).flatMap { _ in names.map { server.url("/pages/\($0)") } }
        var oneAtATime = FetchConfiguration(concurrency: 1)
        oneAtATime.perHostDelay = 0
        let records = await Fetcher(configuration: oneAtATime).fetch(urls)
        #expect(records.count == urls.count)
        for (url, record) in zip(urls, records) {
            #expect(record.finalURL == url)
            #expect(record.failure == nil)
        }
        var parallelConfiguration = FetchConfiguration(concurrency: 8, perHostConcurrency: 8)
        parallelConfiguration.perHostDelay = 0
        let parallel = await Fetcher(configuration: parallelConfiguration).fetch(urls)
        #expect(parallel.map(\.sha256) == records.map(\.sha256))
    }

    /// Tests run in parallel, and some block the cooperative pool (a browser, `pdftotext`). The fixture server has
    /// threads of its own, so it still answers at once: otherwise libcurl times out and retries, and a route that
    /// answers differently the second time (`/good-then-down`) hands a crawl test the wrong page.
    @Test func fixtureServerAnswersWhileTheCooperativePoolIsBlocked() async throws {
        let server = try FixtureServer.start()
        defer { server.stop() }
        let configuration = Self.quick {
            $0.lowSpeedSeconds = 1
            $0.perHostConcurrency = 1
            $0.perHostDelay = 0.3
        }
        let urls = [server.url("/good-then-down"), server.url("/good-then-maintenance"), server.url("/pages/level-a.html")]
        let fetching = Task.detached { await Fetcher(configuration: configuration).fetch(urls) }
        while server.requests(to: "/robots.txt") == 0 { try await Task.sleep(nanoseconds: 10_000_000) }
        // Every cooperative thread sleeps for 3 s while the pages are asked, longer than libcurl waits for a byte.
        await withTaskGroup(of: Void.self) { group in
            for _ in 0...ProcessInfo.processInfo.activeProcessorCount { group.addTask { sleep(3) } }
        }
        let records = await fetching.value
        #expect(records.map(\.httpStatus) == [200, 200, 200])
        #expect(records.map(\.attempts) == [1, 1, 1])
        #expect(server.requests(to: "/good-then-down") == 1)
    }

    static func quick(_ edit: (inout FetchConfiguration) -> Void = { _ in }) -> FetchConfiguration {
        var configuration = FetchConfiguration(concurrency: 4, connectTimeoutSeconds: 5, transferTimeoutSeconds: 20)
        configuration.perHostDelay = 0
        configuration.retryBaseDelay = 0.2
        configuration.maximumRetryAfter = 2
        edit(&configuration)
        return configuration
    }

    @Test func retriesServerErrorsThenGivesUp() async throws {
        let server = try FixtureServer.start()
        defer { server.stop() }
        let (records, seconds) = await Self.timedFetch(
            [server.url("/flaky"), server.url("/always-429"), server.url("/always-500"), server.url("/missing/x")],
            configuration: Self.quick())
        #expect(records[0].failure == nil, "503 then 200: the retry succeeds")
        #expect(records[0].attempts == 2)
        #expect(records[1].httpStatus == 429 && records[1].attempts == 3)
        #expect(records[2].httpStatus == 500 && records[2].attempts == 3)
        #expect(records[3].httpStatus == 404 && records[3].attempts == 1, "4xx other than 429 is final")
        #expect(server.requests(to: "/always-429") == 3)
        #expect(server.requests(to: "/missing/x") == 1)
        #expect(seconds >= 1, "Retry-After: 1 is honoured")
        #expect(seconds < 20, "bounded")
    }

    @Test func obeysRobotsUnlessTold() async throws {
        let server = try FixtureServer.start()
        defer { server.stop() }
        let urls = [server.url("/private/secret.html"), server.url("/private/open.html"), server.url("/pages/level-b.html")]
        let polite = await Fetcher(configuration: Self.quick()).fetch(urls)
        #expect(polite[0].failure?.reason == .blockedByRobots)
        #expect(polite[0].failure?.message.contains("/private/secret.html") == true)
        #expect(polite[1].failure == nil, "Allow: /private/open.html is longer than Disallow: /private/")
        #expect(polite[2].failure == nil)
        #expect(server.requests(to: "/private/secret.html") == 0, "robots.txt is asked before the page")
        let rude = await Fetcher(configuration: Self.quick { $0.respectRobots = false }).fetch(urls)
        #expect(rude[0].failure == nil)
    }

    @Test func waitsBetweenRequestsToOneHost() async throws {
        let server = try FixtureServer.start()
        defer { server.stop() }
        let urls = (1...3).map { server.url("/pages/level-\(["a", "b", "c"][$0 - 1]).html") }
        let (records, seconds) = await Self.timedFetch(urls, configuration: Self.quick { $0.perHostDelay = 0.5; $0.respectRobots = false })
        #expect(records.allSatisfy { $0.failure == nil })
        #expect(seconds >= 1.0, "three starts, 0.5 s apart")
    }

    /// The records, and how long the batch took by the fetcher's own clock (its last progress report). The test's
    /// clock would also count the time a busy test pool takes to resume the test, which is not the fetcher's.
    static func timedFetch(_ urls: [String], configuration: FetchConfiguration) async -> (records: [FetchRecord], seconds: Double) {
        let elapsed = Mutex(0.0)
        var configuration = configuration
        configuration.progress = { progress in elapsed.withLock { $0 = progress.elapsed } }
        let records = await Fetcher(configuration: configuration).fetch(urls)
        return (records, elapsed.withLock { $0 })
    }
}

/// `http://[::]:PORT/` is connected to ::1 by Linux, and `[::ffff:127.0.0.1]` to 127.0.0.1: URLs that name no
/// loopback host must reach neither. Listeners that never answer stand on both; the kernel queues any connection
/// that reaches them, so an empty queue after the fetch shows that none did.
@Suite struct UnspecifiedAddressFetchTests {
    @Test(.timeLimit(.minutes(1))) func unspecifiedAndMappedLoopbackURLsNeverConnect() async throws {
        let v4 = try #require(LoopbackListener.open(backlog: 8))
        defer { close(v4.descriptor) }
        let v6 = LoopbackListener.openIPv6(backlog: 8)  // nil on a machine without IPv6: its part is left out
        defer { if let v6 { close(v6.descriptor) } }
        var configuration = FetchConfiguration(concurrency: 4, connectTimeoutSeconds: 2, transferTimeoutSeconds: 2, maximumBodyBytes: 1_000)
        configuration.perHostDelay = 0
        configuration.retryBaseDelay = 0.01
        let urls = ["http://[::ffff:127.0.0.1]:\(v4.port)/", "http://[::ffff:7f00:1]:\(v4.port)/", "http://0.0.0.0:\(v4.port)/"]
            + (v6.map { ["http://[::]:\($0.port)/", "http://[0:0::0]:\($0.port)/legal"] } ?? [])
        let records = await Fetcher(configuration: configuration).fetch(urls)
        for record in records {
            #expect(record.failure?.reason == .forbiddenAddress, "\(record.requestedURL): \(record.failure?.message ?? "fetched")")
        }
        #expect(records.contains { $0.failure?.message.hasPrefix("refused to connect: unspecified address ::") == true } || v6 == nil)
        #expect(!LoopbackListener.hasWaitingConnection(v4.descriptor), "a request reached 127.0.0.1")
        if let v6 { #expect(!LoopbackListener.hasWaitingConnection(v6.descriptor), "a request reached ::1") }

        // The listeners do take connections: a URL that names loopback reaches them (and waits for an answer in vain).
        configuration.maximumAttempts = 1
        configuration.respectRobots = false
        configuration.transferTimeoutSeconds = 1
        let control = ["http://127.0.0.1:\(v4.port)/"] + (v6.map { ["http://[::1]:\($0.port)/"] } ?? [])
        _ = await Fetcher(configuration: configuration).fetch(control)
        #expect(LoopbackListener.hasWaitingConnection(v4.descriptor))
        if let v6 { #expect(LoopbackListener.hasWaitingConnection(v6.descriptor)) }
    }
}

/// The address policy, as a pure function: no packet is sent anywhere by these tests.
@Suite struct AddressPolicyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var address: [UInt8]
        var urlIsLoopback: Bool
        var allowed: Bool
        var testDescription: String { "\(address) loopbackURL=\(urlIsLoopback)" }
    }

    static let v6Metadata: [UInt8] = [0xFD, 0x00, 0x0E, 0xC2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54]
    static let v6LinkLocal: [UInt8] = [0xFE, 0x80] + [UInt8](repeating: 0, count: 13) + [1]
    static let v6Loopback: [UInt8] = [UInt8](repeating: 0, count: 15) + [1]
    static let mappedMetadata: [UInt8] = [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF, 169, 254, 169, 254]

    @Test(arguments: [
        Case(address: [169, 254, 169, 254], urlIsLoopback: false, allowed: false),
        Case(address: [169, 254, 0, 1], urlIsLoopback: true, allowed: false),
        Case(address: v6Metadata, urlIsLoopback: false, allowed: false),
        Case(address: v6LinkLocal, urlIsLoopback: false, allowed: false),
        Case(address: mappedMetadata, urlIsLoopback: false, allowed: false),
        Case(address: [127, 0, 0, 1], urlIsLoopback: true, allowed: true),
        Case(address: [127, 0, 0, 1], urlIsLoopback: false, allowed: false),
        Case(address: v6Loopback, urlIsLoopback: true, allowed: true),
        Case(address: v6Loopback, urlIsLoopback: false, allowed: false),
        Case(address: [0, 0, 0, 0], urlIsLoopback: false, allowed: false),
        Case(address: [93, 184, 216, 34], urlIsLoopback: false, allowed: true),
        Case(address: [10, 1, 2, 3], urlIsLoopback: false, allowed: true),
    ])
    func decides(_ example: Case) {
        #expect((AddressPolicy.decide(address: example.address, urlIsLoopback: example.urlIsLoopback) == .allow) == example.allowed)
    }

    /// Every spelling of an unspecified address, and of loopback carried in an IPv6 address, from a non-loopback URL.
    @Test(arguments: [
        "0.0.0.0", "0.1.2.3", "::", "0::0", "0:0:0:0:0:0:0:0", "::0.0.0.0", "::ffff:0.0.0.0", "::ffff:0:0", "::ffff:127.0.0.1",
        "::ffff:7f00:1", "0:0:0:0:0:ffff:127.1.2.3", "::127.0.0.1", "::7f00:1", "::ffff:0:127.0.0.1", "64:ff9b::127.0.0.1",
        "2002:7f00:1::", "::ffff:169.254.169.254", "::169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1",
    ])
    func refusesUnspecifiedAndCarriedLoopback(_ written: String) throws {
        let address = try #require(Self.bytes(written), "\(written) parses")
        #expect(AddressPolicy.decide(address: address, urlIsLoopback: false) != .allow, "\(written)")
        // Only loopback itself is allowed for a loopback URL; the unspecified and link-local addresses never are.
        let carried = address.count == 16 ? AddressPolicy.embeddedIPv4(address)?.address ?? address : address
        let isLoopback = carried.first == 127
        #expect((AddressPolicy.decide(address: address, urlIsLoopback: true) == .allow) == isLoopback, "\(written)")
    }

    @Test(arguments: ["93.184.216.34", "::ffff:93.184.216.34", "2001:db8::1", "2a01:4f8::1", "64:ff9b::5db8:d822", "2002:5db8:d822::1", "::2:0:0:1"])
    func allowsPublicAddressesInEveryForm(_ written: String) throws {
        let address = try #require(Self.bytes(written), "\(written) parses")
        #expect(AddressPolicy.decide(address: address, urlIsLoopback: false) == .allow, "\(written)")
    }

    @Test func refusalsNameTheAddressAsWritten() {
        #expect(AddressPolicy.decide(address: Self.bytes("::")!, urlIsLoopback: true) == .refuse("unspecified address ::"))
        #expect(
            AddressPolicy.decide(address: Self.bytes("::ffff:127.0.0.1")!, urlIsLoopback: false)
                == .refuse("loopback address 127.0.0.1 reached from a non-loopback URL, written as the IPv4-mapped address ::ffff:127.0.0.1"))
        #expect(AddressPolicy.describe(Self.bytes("fe80::1")!) == "fe80::1")
        #expect(AddressPolicy.describe(Self.bytes("::127.0.0.1")!) == "::127.0.0.1")
        #expect(AddressPolicy.describe(Self.bytes("64:ff9b::a9fe:a9fe")!) == "64:ff9b::169.254.169.254")
        #expect(AddressPolicy.describe(Self.bytes("2001:db8:0:0:1:0:0:1")!) == "2001:db8::1:0:0:1")
    }

    static func bytes(_ written: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, written, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, written, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    @Test func loopbackHosts() {
        for host in ["localhost", "127.0.0.1", "127.1.2.3", "[::1]", "LOCALHOST"] { #expect(AddressPolicy.isLoopbackHost(host), "\(host)") }
        for host in ["example.org", "127.0.0.1.example.org", "10.0.0.1", "169.254.169.254"] { #expect(!AddressPolicy.isLoopbackHost(host), "\(host)") }
    }
}

@Suite struct RobotsPolicyTests {
    static let text = """
        # comment
        User-agent: OtherBot
        Disallow: /

        User-agent: sovereignty-scorecard
        User-agent: friendly
        Disallow: /private/
        Allow: /private/open
        Disallow: /*.pdf$
        Disallow: /search?q=

        User-agent: *
        Disallow: /everything-else
        """

    @Test(arguments: [
        ("/", true), ("/private/x.html", false), ("/private/open.html", true), ("/doc.pdf", false), ("/doc.pdf?x=1", true),
        ("/search?q=a", false), ("/search", true), ("/everything-else", true),
    ])
    func ourGroup(path: String, allowed: Bool) {
        #expect(RobotsPolicy(text: Self.text, userAgent: "Sovereignty-Scorecard").allows(path: path) == allowed)
    }

    @Test func starGroupAndDefaults() {
        let other = RobotsPolicy(text: Self.text, userAgent: "unknownbot")
        #expect(!other.allows(path: "/everything-else/page"))
        #expect(other.allows(path: "/private/x.html"))
        #expect(RobotsPolicy(text: "", userAgent: "x").allows(path: "/anything"))
        #expect(RobotsPolicy(text: "User-agent: *\nDisallow:\n", userAgent: "x").allows(path: "/anything"), "empty Disallow allows")
        #expect(!RobotsPolicy.disallowAll.allows(path: "/"))
    }

    @Test func retryAfterForms() {
        #expect(RetryAfter.seconds("120") == 120)
        let now = Date(timeIntervalSince1970: 1_795_316_400)  // Sun, 22 Nov 2026 03:00:00 GMT
        #expect(RetryAfter.seconds("Sun, 22 Nov 2026 03:00:30 GMT", now: now) == 30)
        #expect(RetryAfter.seconds("soon") == nil)
    }
}

/// A broken server on 127.0.0.1: each case ends in bounded time with the right reason, and nothing crashes.
@Suite struct HostileServerTests {
    /// The server would hold each connection far longer than the test's time limit: a case ends in time only because the
    /// fetcher cuts it, which its reason shows (a wall-clock bound would only measure how loaded the machine is).
    @Test(.timeLimit(.minutes(5))) func everyBrokenServerEndsWithItsReason() async throws {
        let server = try HostileServer(maximumSeconds: 600)
        defer { server.stop() }
        var configuration = FetchConfiguration(concurrency: 8, perHostConcurrency: 8, connectTimeoutSeconds: 5, transferTimeoutSeconds: 20)
        configuration.lowSpeedBytesPerSecond = 100
        configuration.lowSpeedSeconds = 2
        configuration.maximumBodyBytes = 1_000_000
        configuration.perHostDelay = 0
        configuration.maximumAttempts = 2
        configuration.retryBaseDelay = 0.1
        let paths = ["/drip", "/stall", "/reset", "/short", "/bomb", "/garbage", "/empty", "/big-header"]
        let (records, _) = await FetcherTests.timedFetch(paths.map(server.url), configuration: configuration)
        let reasons = Dictionary(uniqueKeysWithValues: zip(paths, records.map { $0.failure?.reason }))
        #expect(reasons["/drip"] == .timeout)
        #expect(reasons["/stall"] == .timeout)
        // Cut by the low-speed limit (2 s under 100 bytes a second), not by the 20 s transfer timeout.
        for index in [0, 1] { #expect(records[index].failure?.message.contains("too slow") == true, "\(records[index].failure?.message ?? "")") }
        #expect(reasons["/reset"] == .connectionLost)
        #expect(reasons["/short"] == .connectionLost)
        #expect(reasons["/bomb"] == .tooLarge, "the decompressed body is capped")
        #expect(reasons["/garbage"] == Optional<FetchFailure.Reason>.none)
        #expect(reasons["/empty"] == .emptyBody)
        #expect(reasons["/big-header"] == .tooLarge)
        #expect(records[7].failure?.message.hasPrefix("response header too large") == true, "\(records[7].failure?.message ?? "")")
        #expect(records[7].attempts == 1, "a header too large is not retried")
        #expect(records[0].attempts == 2, "a timeout is retried")
        #expect(records[6].attempts == 1, "an empty page is not")
    }

    @Test func aTwoHundredMegabyteBodyIsCutAtTheDefaultCap() async throws {
        let server = try HostileServer(maximumSeconds: 20)
        defer { server.stop() }
        var configuration = FetchConfiguration()
        configuration.perHostDelay = 0
        #expect(configuration.maximumBodyBytes == 20_000_000)
        let record = try #require(await Fetcher(configuration: configuration).fetch([server.url("/huge")]).first)
        #expect(record.failure?.reason == .tooLarge)
        #expect(record.body.isEmpty, "nothing of an oversized body is kept")
        #expect(record.attempts == 1)
    }
}
