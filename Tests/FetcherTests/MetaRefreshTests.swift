@testable import Fetcher
import Foundation
import SovereigntyModel
import Testing
import TestSupport

/// A legal page that is only `<meta http-equiv="refresh" content="0; url=/mentions-legales">` was read as it stood and
/// graded E ("no host named"): it is followed once, like a redirect, when it stays on the site, and the hop is recorded.
@Suite struct MetaRefreshTests {
    @Test func aSameSiteRefreshIsFollowedOnceAndRecordedAsAHop() async throws {
        let server = try FixtureServer.start()
        defer { server.stop() }
        var configuration = FetchConfiguration(concurrency: 4, connectTimeoutSeconds: 5, transferTimeoutSeconds: 20)
        configuration.perHostDelay = 0
        let urls = [server.url("/refresh/level-b.html"), server.url("/refresh-away"), server.url("/refresh-again"), server.url("/redirect/level-c.html")]
        let records = await Fetcher(configuration: configuration).fetch(urls)
        #expect(records.map(\.requestedURL) == urls)

        let followed = records[0]
        #expect(followed.failure == nil)
        #expect(followed.finalURL == server.url("/pages/level-b.html"))
        #expect(followed.redirects == [server.url("/refresh/level-b.html")])
        #expect(String(decoding: followed.body, as: UTF8.self).contains("Clever Cloud SAS"))

        let away = records[1]
        #expect(away.failure?.reason == .notTheDocument)
        #expect(
            away.failure?.message
                == "the page moves its readers on to https://ailleurs.example.test/mentions (meta refresh), on another site: not followed; list that address in platforms.yml if it is the document")
        #expect(away.finalURL == server.url("/refresh-away"))
        #expect(!away.body.isEmpty, "the stub is kept, for the archive")

        let twice = records[2]
        #expect(twice.failure?.reason == .tooManyRedirects)
        #expect(twice.failure?.message.contains("only one refresh is followed") == true)
        #expect(twice.redirects == [server.url("/refresh-again")])
        #expect(twice.finalURL == server.url("/refresh/level-b.html"))
        #expect(server.requests(to: "/refresh/level-b.html") == 2, "once listed, once as the first hop of /refresh-again")
        #expect(server.requests(to: "/pages/level-b.html") == 1, "the second refresh is not followed")

        #expect(records[3].failure == nil && records[3].redirects == [server.url("/redirect/level-c.html")], "HTTP redirects as before")
    }

    /// robots.txt was read for the listed URL only; the address a refresh leads to answers to it too.
    @Test func aRefreshToAPathRobotsDisallowsIsNotFollowed() async throws {
        let server = try FixtureServer.start()
        defer { server.stop() }
        var configuration = FetchConfiguration(connectTimeoutSeconds: 5, transferTimeoutSeconds: 20)
        configuration.perHostDelay = 0
        let record = try #require(await Fetcher(configuration: configuration).fetch([server.url("/refresh-private")]).first)
        #expect(record.failure?.reason == .blockedByRobots)
        #expect(
            record.failure?.message
                == "robots.txt disallows /private/secret.html for sovereignty-scorecard (the page's meta refresh leads to \(server.url("/private/secret.html")))")
        #expect(server.requests(to: "/private/secret.html") == 0)
    }

    @Test(arguments: [
        ("0; url=/mentions-legales", 0, "/mentions-legales"),
        ("0;URL='/mentions'", 0, "/mentions"),
        ("  3 ,  url = \"https://exemple.test/a b\" ", 3, "https://exemple.test/a b"),
        ("0; /direct", 0, "/direct"),
        (".5;url=x", 0.5, "x"),
    ])
    func refreshValuesAreRead(_ content: String, _ delay: Double, _ url: String) {
        #expect(MetaRefresh.parse(content: content) == MetaRefresh(delay: delay, url: url))
    }

    @Test(arguments: ["0", "30", "", "url=/x", "; url=/x"])
    func refreshWithoutAnAddressOrDelayIsNone(_ content: String) {
        #expect(MetaRefresh.parse(content: content) == nil)
    }

    @Test(arguments: [
        ("<meta http-equiv=\"refresh\" content=\"0; url=/a\">", "/a"),
        ("<HTML><HEAD><META CONTENT=\"0;URL=/a?x=1&amp;y=2\" HTTP-EQUIV=\"REFRESH\"/></HEAD>", "/a?x=1&y=2"),
        ("<meta name=viewport content=width=device-width><meta http-equiv=refresh content=0;url=/a>", "/a"),
        ("<!-- <meta http-equiv=\"refresh\" content=\"0; url=/commented\"> --><meta http-equiv=\"refresh\" content=\"0; url=/a\">", "/a"),
        ("<noscript><meta http-equiv=\"refresh\" content=\"0; url=/sans-js\"></noscript><p>Texte</p>", nil),
        ("<script>document.write('<meta http-equiv=\"refresh\" content=\"0; url=/x\">')</script>", nil),
        ("<metadata http-equiv=\"refresh\" content=\"0; url=/x\">", nil),
        ("<meta http-equiv=\"refresh\" content=\"0; url=/a\"", nil),
        ("<p>Mentions légales</p>", nil),
    ] as [(String, String?)])
    func metaTagsAreFoundInTheHTML(_ html: String, _ url: String?) {
        #expect(MetaRefresh.find(headers: [:], body: Data(html.utf8))?.url == url)
    }

    @Test func theRefreshHeaderCountsToo() {
        #expect(MetaRefresh.find(headers: ["refresh": "0; url=/b"], body: Data("<p>x</p>".utf8)) == MetaRefresh(delay: 0, url: "/b"))
    }

    @Test(arguments: [
        ("https://exemple.test/a", "https://exemple.test/b", true),
        ("https://www.exemple.test/a", "https://exemple.test/b", true),
        ("http://exemple.test/a", "https://exemple.test/b", true),
        ("https://exemple.test/a", "http://exemple.test/b", false),
        ("http://127.0.0.1:8080/a", "http://127.0.0.1:8081/b", false),
        ("https://exemple.test/a", "https://autre.test/b", false),
        ("https://exemple.test/a", "https://sous.exemple.test/b", false),
        ("https://exemple.test/a", "file:///etc/passwd", false),
    ])
    func sameSite(_ from: String, _ to: String, _ same: Bool) throws {
        #expect(MetaRefresh.isSameSite(try #require(URL(string: from)), try #require(URL(string: to))) == same)
    }

    static func page(_ html: String, at url: String = "https://exemple.test/mentions") -> FetchRecord {
        FetchRecord(
            requestedURL: url, finalURL: url, httpStatus: 200, contentType: "text/html", body: Data(html.utf8),
            fetchedAt: Date(timeIntervalSince1970: 1_795_000_000))
    }

    @Test func whatIsFollowed() {
        #expect(RefreshHop.decide(Self.page("<meta http-equiv=refresh content='0;url=legal#top'>"), followed: false) == .follow("https://exemple.test/legal"))
        #expect(RefreshHop.decide(Self.page("<meta http-equiv=refresh content='600;url=/login'>"), followed: false) == .keep, "a long delay is a page")
        #expect(RefreshHop.decide(Self.page("<meta http-equiv=refresh content='0;url=#top'>"), followed: false) == .keep, "itself")
        #expect(RefreshHop.decide(Self.page("<p>Hébergé par OVH SAS.</p>"), followed: false) == .keep)
        #expect(
            RefreshHop.decide(Self.page("<meta http-equiv=refresh content='0;url=https://café.fr/legal'>", at: "https://xn--caf-dma.fr/"), followed: false)
                == .follow("https://xn--caf-dma.fr/legal"), "an international name, in ASCII, is the same site")
        guard case .refuse(let failure) = RefreshHop.decide(Self.page("<meta http-equiv=refresh content='0;url=file:///etc/passwd'>"), followed: false)
        else { Issue.record("a file: refresh is followed"); return }
        #expect(failure.reason == .forbiddenProtocol)
        guard case .refuse(let again) = RefreshHop.decide(Self.page("<meta http-equiv=refresh content='2;url=/b'>"), followed: true)
        else { Issue.record("a second refresh is followed"); return }
        #expect(again.message == "the page a meta refresh led to refreshes again, to https://exemple.test/b after 2 s: only one refresh is followed")
    }
}
