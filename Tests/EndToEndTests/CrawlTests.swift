import Archive
import Fetcher
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Pipeline
import SovereigntyModel
import Testing
import TestSupport

/// The real pipeline: fixture pages served on 127.0.0.1, fetched with libcurl, parsed with libxml2,
/// graded, and written through the repository's templates.
@Suite struct CrawlTests {
    static let runDate = Date(timeIntervalSince1970: 1_795_316_400)  // 2026-11-22T03:00:00Z

    static func platformsFile(_ server: FixtureServer) -> String {
        let entries: [(String, [String])] = [
            ("a-plus", ["/pages/level-a-plus.html"]),
            ("a", ["/pages/level-a.html"]),
            ("b-redirect", ["/redirect/level-b.html"]),
            ("c", ["/pages/level-c.html"]),
            ("d", ["/pages/level-d.html", "/pages/privacy-aws.html"]),
            ("e", ["/pages/level-e.html", "/missing/privacy"]),
            ("unrated", ["/missing/notice", "http://127.0.0.1:1/closed"]),
            ("latin1", ["/pages/latin1.latin1.html"]),
            ("latin1-meta", ["/pages/latin1-meta.nocharset.html"]),
            ("split", ["/pages/split-sentence.html"]),
            ("cookies", ["/pages/cookie-banner.html"]),
            ("xss", ["/pages/xss-host.html"]),
            ("js-shell", ["/pages/js-shell.html"]),
            ("pdf", ["/pages/cabinet-numerique.pdf"]),
            ("scanned", ["/pages/scanned.pdf"]),
        ]
        return platformsYAML(entries.map { id, paths in (id, paths.map { $0.hasPrefix("http") ? $0 : server.url($0) }) })
    }

    /// A platforms file: each platform with its document URLs; URLs in `browser` are marked `render: browser`.
    static func platformsYAML(_ platforms: [(id: String, urls: [String])], browser: Set<String> = []) -> String {
        var yaml = "platforms:\n"
        for (id, urls) in platforms {
            yaml += "  - id: \(id)\n    name: Plateforme \(id)\n    category: test\n    operator: Opérateur \(id) SAS\n"
            yaml += "    website: https://\(id).example.test\n    documents:\n"
            for url in urls {
                yaml += "      - url: \(url)\n        kind: legal-notice\n" + (browser.contains(url) ? "        render: browser\n" : "")
            }
        }
        return yaml
    }

    /// Options for a crawl in `directory` with the fixture knowledge and the repository's templates.
    func makeOptions(in directory: TemporaryDirectory, platforms: String, templates: String = Fixtures.templates) -> CrawlOptions {
        var options = CrawlOptions()
        options.platformsPath = platforms
        options.providersPath = Fixtures.providers
        options.registriesPath = Fixtures.registries
        options.templatesPath = templates
        options.outputPath = directory.path("Output")
        options.runDate = Self.runDate
        return options
    }

    func crawl(into directory: TemporaryDirectory, server: FixtureServer) async throws -> CrawlSummary {
        var options = makeOptions(in: directory, platforms: try directory.write("platforms.yml", Self.platformsFile(server)))
        options.fetch.connectTimeoutSeconds = 5
        options.fetch.perHostDelay = 0
        return try await CrawlPipeline(options: options).run()
    }

    func json(_ site: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: site.appendingPathComponent("data/scorecards.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func crawlWritesTheScorecardSite() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let summary = try await crawl(into: directory, server: server)
        #expect(summary.documents == 18)
        #expect(summary.failedDocuments == 5)  // two 404s, one refused port, one JavaScript shell, one scanned PDF
        #expect(summary.exitCode == 1)
        let site = summary.siteDirectory

        let document = try json(site)
        #expect(document["schemaVersion"] as? Int == 2)
        #expect(document["rubricVersion"] as? String == "2")
        #expect(document["generatedAt"] as? String == "2026-11-22T03:00:00Z")
        #expect(document["ignoredRobots"] as? Bool == false)
        let platforms = try #require(document["platforms"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: platforms.map { ($0["id"] as! String, $0) })
        let levels = byID.mapValues { $0["level"] as! String }
        #expect(levels == [
            "a-plus": "A+", "a": "A", "cookies": "A", "b-redirect": "B", "latin1": "B", "latin1-meta": "B", "split": "B", "c": "C", "d": "D",
            "xss": "D", "e": "E", "unrated": "unrated", "js-shell": "unrated", "pdf": "C", "scanned": "unrated",
        ])
        // Ranks 1…12 go to the rated platforms; the three unrated ones follow, by name, with no rank.
        #expect(platforms.map { $0["rank"] as? Int } == Array(1...12) + [nil, nil, nil])
        #expect(platforms.suffix(3).map { $0["id"] as? String } == ["js-shell", "scanned", "unrated"])
        #expect(byID["unrated"]?["score"] is NSNull)
        #expect((byID["d"]?["cloudActExposed"] as? Bool) == true)
        #expect((byID["b-redirect"]?["cloudActExposed"] as? Bool) == false)

        // Contract fields, and evidence behind every claim.
        for platform in platforms {
            for key in ["id", "name", "rank", "level", "score", "levelReasons", "cloudActExposed", "hosts", "hds", "secNumCloud", "zeroKnowledge", "dataLocation", "documents"] {
                #expect(platform.keys.contains(key), "\(platform["id"]!) lacks \(key)")
            }
            #expect(!(platform["levelReasons"] as! [String]).isEmpty)
            for host in platform["hosts"] as! [[String: Any]] {
                for key in ["provider", "asWritten", "roles", "country", "usControlled", "cloudActExposed", "evidence"] {
                    #expect(host.keys.contains(key))
                }
                let evidence = host["evidence"] as! [[String: Any]]
                #expect(!evidence.isEmpty)
                for item in evidence {
                    #expect(!(item["quote"] as! String).isEmpty)
                    #expect((item["url"] as! String).hasPrefix(server.baseURL))
                    #expect(item["fetchedAt"] is String)
                }
            }
        }

        let dHosts = (byID["d"]!["hosts"] as! [[String: Any]]).compactMap { $0["provider"] as? String }
        #expect(Set(dHosts) == ["devoteam-g-cloud", "google-cloud", "clever-cloud", "aws"])
        let cookieHosts = (byID["cookies"]!["hosts"] as! [[String: Any]]).map { $0["provider"] as? String }
        #expect(cookieHosts == ["ovhcloud"])
        #expect((byID["a-plus"]!["zeroKnowledge"] as! [String: Any])["claimed"] as? Bool == true)
        #expect((byID["c"]!["hds"] as! [String: Any])["status"] as? String == "claimed-host-unnamed")
        #expect((byID["a"]!["secNumCloud"] as! [String: Any])["status"] as? String == "qualified")

        let redirectDoc = (byID["b-redirect"]!["documents"] as! [[String: Any]])[0]
        #expect(redirectDoc["status"] as? String == "ok")
        #expect(redirectDoc["finalURL"] as? String == server.url("/pages/level-b.html"))
        let missing = (byID["e"]!["documents"] as! [[String: Any]])[1]
        #expect(missing["status"] as? String == "http-error")
        #expect(missing["httpStatus"] as? Int == 404)
        #expect((missing["error"] as? String)?.contains("404") == true)
        let closed = (byID["unrated"]!["documents"] as! [[String: Any]])[1]
        #expect(closed["status"] as? String == "unreachable")
        #expect((byID["js-shell"]!["documents"] as! [[String: Any]])[0]["status"] as? String == "needs-javascript")
        let scanned = (byID["scanned"]!["documents"] as! [[String: Any]])[0]
        #expect(scanned["status"] as? String == "unreadable")
        #expect((scanned["error"] as? String)?.contains("no text layer") == true)
        let pdfHosts = (byID["pdf"]!["hosts"] as! [[String: Any]])
        #expect(pdfHosts.compactMap { $0["provider"] as? String } == ["scaleway", "cloudflare"])
        let pdfQuote = (pdfHosts[0]["evidence"] as! [[String: Any]])[0]["quote"] as! String
        #expect(pdfQuote.hasPrefix("Les données de santé des patients sont hébergées par Scaleway SAS"))
        let latinQuote = ((byID["latin1"]!["hosts"] as! [[String: Any]])[0]["evidence"] as! [[String: Any]])[0]["quote"] as! String
        #expect(latinQuote.contains("données de santé sont hébergés"))
        // The same page with its charset only in a <meta> tag, served as plain "text/html".
        let metaQuote = ((byID["latin1-meta"]!["hosts"] as! [[String: Any]])[0]["evidence"] as! [[String: Any]])[0]["quote"] as! String
        #expect(metaQuote == latinQuote)

        // Pages people read.
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<html lang=\"fr\">"))
        #expect(index.contains("href=\"platforms/d.html\""))
        #expect(index.contains("Exposé au CLOUD Act"))
        #expect(!index.contains("<script"))
        let markdown = try String(contentsOf: site.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(markdown.contains("| 1 | [Plateforme a-plus](platforms/a-plus.md) | A+"))
        for id in byID.keys {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("platforms/\(id).html").path))
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("platforms/\(id).md").path))
        }
        let dPage = try String(contentsOf: site.appendingPathComponent("platforms/d.html"), encoding: .utf8)
        #expect(dPage.contains("plafonne à D"))
        #expect(dPage.contains("href=\"../methodology.html#us-exposure\""))
        #expect(dPage.contains("s&#39;appuie sur Google Cloud") || dPage.contains("s'appuie sur Google Cloud"))
        #expect(dPage.contains(server.url("/pages/privacy-aws.html")))
        let methodology = try String(contentsOf: site.appendingPathComponent("methodology.html"), encoding: .utf8)
        #expect(methodology.contains("Exposition au CLOUD Act"))
        #expect(methodology.contains("grille version 2"))
    }

    @Test func pageTextIsEscapedInHTMLAndMarkdown() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let site = try await crawl(into: directory, server: server).siteDirectory
        let html = try String(contentsOf: site.appendingPathComponent("platforms/xss.html"), encoding: .utf8)
        #expect(html.contains("Evil&lt;script&gt;alert"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img src=x"))
        let markdown = try String(contentsOf: site.appendingPathComponent("platforms/xss.md"), encoding: .utf8)
        #expect(markdown.contains("Evil\\<script\\>alert"))
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!index.contains("<script"))
    }

    @Test func badInputStopsBeforeAnyFetch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = makeOptions(in: directory, platforms: try directory.write("platforms.yml", "platforms:\n  - id: x\n    name: X\n"))
        do {
            _ = try await CrawlPipeline(options: options).run()
            Issue.record("bad input accepted")
        } catch {
            #expect(error.step == .loadInputs)
            #expect(error.isInputError)
            #expect(error.description.contains("platforms.yml:2"))
            #expect(error.description.contains("missing required field 'category'"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("Output/site")))
    }

    @Test func missingTemplateIsNamed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let templates = directory.url.appendingPathComponent("Templates")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: templates.path)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("platform.md.mustache"))
        let options = makeOptions(in: directory, platforms: Fixtures.inputs + "/platforms.yml", templates: templates.path)
        do {
            _ = try await CrawlPipeline(options: options).run()
            Issue.record("missing template accepted")
        } catch {
            #expect(error.step == .render)
            #expect(error.description.contains("platform.md.mustache"))
        }
    }

    /// A strings file or template a reader edited by hand: the error names the file, the line or the key, before
    /// anything is fetched or written.
    @Test(arguments: [
        ("strings/en.yml", "  otherLanguage: Français\n", "", "en.yml: key 'nav.otherLanguage' is missing"),
        ("index.html.mustache", "{{t.index.heading}}", "{{t.index.headline}}", "index.html.mustache: no words for '{{t.index.headline}}'"),
        ("changes.html.mustache", "{{/groups}}", "", "changes.html.mustache:6: template syntax error: section 'groups' is never closed"),
        ("strings/fr.yml", "  ranking: Classement\n", "  ranking: [Classement]\n", "fr.yml: 'nav.ranking' must be text"),
        ("strings/fr.yml", "  ranking: Classement\n", "  ranking: \"Classement {\"\n", "fr.yml: 'nav.ranking' is used by"),
    ])
    func editedTemplatesAndStringsAreChecked(file: String, replacing: String, with replacement: String, message: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let templates = directory.url.appendingPathComponent("Templates")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: templates.path)
        let path = templates.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.contains(replacing))
        try text.replacingOccurrences(of: replacing, with: replacement).write(to: path, atomically: true, encoding: .utf8)
        let options = makeOptions(in: directory, platforms: Fixtures.inputs + "/platforms.yml", templates: templates.path)
        do {
            _ = try await CrawlPipeline(options: options).run()
            Issue.record("edited \(file) accepted")
        } catch {
            #expect(error.step == .render)
            #expect(error.description.contains(message), "\(error.description)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("Output/archive")), "nothing fetched")
    }

    @Test func aSecondRunOnTheSameOutputIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path("Output"), withIntermediateDirectories: true)
        let held = open(directory.path("Output/.crawl.lock"), O_RDWR | O_CREAT, 0o644)
        defer { close(held) }
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        let options = makeOptions(in: directory, platforms: Fixtures.inputs + "/platforms.yml")
        do {
            _ = try await CrawlPipeline(options: options).run()
            Issue.record("ran while another run held the lock")
        } catch {
            #expect(error.description.contains("another crawl is writing to"))
        }
    }

    /// Night 1: a legal notice naming OVHcloud. Nights 2 and 3: "Site en maintenance" with the site's ordinary footer
    /// of legal links, answered with 200: it has legal words, so it once passed for the document and the platform fell
    /// to E. It stands in for the document: the notice of night 1 is kept, marked stale with the reason, every night.
    @Test func maintenancePageWithALegalFooterKeepsTheLastGoodCopy() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let platforms = Self.platformsYAML([("kine", [server.url("/good-then-maintenance-footer")]), ("steady", [server.url("/pages/level-b.html")])])
        var options = makeOptions(in: directory, platforms: try directory.write("platforms.yml", platforms))
        options.fetch.perHostDelay = 0
        func kine(_ site: URL) throws -> [String: Any] {
            try #require((try json(site)["platforms"] as? [[String: Any]])?.first { $0["id"] as? String == "kine" })
        }
        let first = try await CrawlPipeline(options: options).run()
        #expect(first.exitCode == 0)
        let good = try kine(first.siteDirectory)
        let level = try #require(good["level"] as? String)
        #expect(level != "E" && level != "unrated")
        #expect((good["hosts"] as? [[String: Any]])?.compactMap { $0["provider"] as? String } == ["ovhcloud"])
        let goodFetch = try #require((good["documents"] as? [[String: Any]])?.first?["fetchedAt"] as? String)

        for night in 2...3 {
            options.runDate = Self.runDate.addingTimeInterval(Double(night - 1) * 86_400)
            let summary = try await CrawlPipeline(options: options).run()
            #expect(summary.exitCode == 1, "night \(night): the document failed")
            let card = try kine(summary.siteDirectory)
            #expect(card["level"] as? String == level, "night \(night): a stand-in page never lowers a grade")
            let document = try #require((card["documents"] as? [[String: Any]])?.first)
            #expect(document["status"] as? String == "stale", "night \(night)")
            #expect(document["fetchedAt"] as? String == goodFetch, "night \(night): judged on the notice of night 1")
            let error = document["error"] as? String ?? ""
            #expect(error.contains("no longer reads like the legal page it was: it reads like a maintenance page"), "night \(night): \(error)")
        }
        #expect(server.requests(to: "/good-then-maintenance-footer") == 3)
    }

    @Test func outageKeepsTheLastGoodCopyAndReportsRebuildTheSameSite() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let platforms = Self.platformsYAML([
            ("flaky", [server.url("/good-then-down"), server.url("/pages/level-e.html")]),
            ("unchanged", [server.url("/etag")]),
            ("maintenance", [server.url("/good-then-maintenance")]),
        ])
        var options = makeOptions(in: directory, platforms: try directory.write("platforms.yml", platforms))
        options.fetch.perHostDelay = 0
        options.fetch.retryBaseDelay = 0.05
        options.fetch.maximumRetryAfter = 0
        let first = try await CrawlPipeline(options: options).run()
        #expect(first.exitCode == 0)
        let firstSite = try json(first.siteDirectory)
        let firstCards = try #require(firstSite["platforms"] as? [[String: Any]])
        #expect(Set(firstCards.map { "\($0["id"]!)=\($0["level"]!)" }) == ["flaky=B", "maintenance=B", "unchanged=A"])
        let published = directory.url.appendingPathComponent("first-site")
        try FileManager.default.copyItem(at: first.siteDirectory, to: published)

        // The first night's own record of the page that fails on the second night, as the crawl dated it.
        let firstFlakyFetch = try #require(
            ((firstCards.first { $0["id"] as? String == "flaky" }?["documents"] as? [[String: Any]])?.first?["fetchedAt"] as? String))
        let firstEvidence = (((firstCards.first { $0["id"] as? String == "unchanged" }?["hosts"] as? [[String: Any]])?.first?["evidence"]
            as? [[String: Any]])?.first?["fetchedAt"] as? String)
        try await Task.sleep(nanoseconds: 1_100_000_000)  // so that the second night's fetch times differ from the first's
        options.runDate = Self.runDate.addingTimeInterval(86_400)
        let second = try await CrawlPipeline(options: options).run()
        #expect(second.exitCode == 1)
        let cards = try #require(try json(second.siteDirectory)["platforms"] as? [[String: Any]])
        #expect(Set(cards.map { "\($0["id"]!)=\($0["level"]!)" }) == ["flaky=B", "maintenance=B", "unchanged=A"], "an outage never lowers a grade")
        let unchanged = try #require((cards.first { $0["id"] as? String == "unchanged" }?["documents"] as? [[String: Any]])?.first)
        #expect(unchanged["httpStatus"] as? Int == 304 && unchanged["status"] as? String == "ok", "a conditional request, answered 304")
        #expect(server.requests(to: "/etag", answered: 304) == 1)
        // The 304's findings are the first copy's, kept in the index, not extracted again: the evidence keeps its date.
        let unchangedHost = try #require((cards.first { $0["id"] as? String == "unchanged" }?["hosts"] as? [[String: Any]])?.first)
        let evidenceDate = try #require((unchangedHost["evidence"] as? [[String: Any]])?.first?["fetchedAt"] as? String)
        #expect(evidenceDate == firstEvidence, "the quote was read on the first night")
        #expect(unchanged["fetchedAt"] as? String != firstEvidence, "the page was asked again tonight")
        let card = try #require(cards.first { $0["id"] as? String == "flaky" })
        let maintenance = try #require((cards.first { $0["id"] as? String == "maintenance" }?["documents"] as? [[String: Any]])?.first)
        #expect(maintenance["status"] as? String == "stale")
        #expect((maintenance["error"] as? String)?.contains("no longer reads like a legal page") == true)
        let document = try #require((card["documents"] as? [[String: Any]])?.first)
        #expect(document["status"] as? String == "stale")
        #expect((document["error"] as? String)?.contains("last good copy of \(firstFlakyFetch.prefix(10)) kept") == true)
        #expect(document["fetchedAt"] as? String == firstFlakyFetch, "the stale document shows when its kept copy was read")
        #expect((document["attemptedAt"] as? String)?.hasPrefix(Timestamp.day(options.runDate!)) == true, "tonight's failed request, dated apart")
        #expect(firstFlakyFetch.hasPrefix(Timestamp.day(Self.runDate)), "fetches are dated by the run's injected clock")
        // The summary marks both platforms judged on an older copy, in both languages.
        let summary = try String(contentsOf: second.siteDirectory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(summary.components(separatedBy: "document non rafraîchi : copie du").count == 3)
        let english = try String(contentsOf: second.siteDirectory.appendingPathComponent("en/index.html"), encoding: .utf8)
        #expect(english.components(separatedBy: "⚠").count == 3)

        // The WARC files are what the web-archiving world reads: warcio checks every digest (CI installs it).
        if let warcio = ["/usr/local/bin/warcio", "/usr/bin/warcio", NSHomeDirectory() + "/.local/bin/warcio"]
            .first(where: FileManager.default.isExecutableFile) ?? Self.onPath("warcio")
        {
            for run in 1...2 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: warcio)
                process.arguments = ["check", options.archiveDirectory.appendingPathComponent("run-\(run).warc.gz").path]
                try process.run()
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "warcio check failed on run \(run)")
            }
        }

        // Each run's published scorecards are kept in the index.
        let archive = try Archive(directory: options.archiveDirectory)
        let firstLevels = try archive.scorecards(ofRun: 1).map(\.level)
        let secondLevels = try archive.scorecards(ofRun: 2).map(\.level)
        #expect(firstLevels == secondLevels)
        #expect(secondLevels.count == 3)

        // The archived first run, rebuilt offline, is the site the first crawl published, byte for byte.
        var reportOptions = options
        reportOptions.outputPath = directory.path("Report")
        reportOptions.archivePath = options.archiveDirectory.path
        let rebuilt = try await ReportJob(options: reportOptions, selection: .run(1)).run()
        #expect(try FolderComparison.differences(published, rebuilt) == [])
    }

    @Test func killedMidCrawlLeavesTheSiteAndArchiveForTheNextRun() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        // A first, complete run publishes a site.
        var (options, index, published) = try await publishFirstSite(in: directory, server: server)

        // A slow second run, in its own process (120 pages of 0.3 s, two at a time: 18 s), killed with SIGKILL in the
        // middle: once it has fetched a few pages, whenever this test gets to see it.
        let slow = try directory.write(
            "slow.yml", Self.platformsYAML((1...3).map { platform in ("slow-\(platform)", (1...40).map { server.url("/slow/\(platform)-\($0)") }) }))
        #expect(FileManager.default.isExecutableFile(atPath: Fixtures.tool.path), "build the tool first: swift build")
        let process = Process()
        process.executableURL = Fixtures.tool
        process.arguments = [
            "crawl", "--platforms", slow, "--providers", Fixtures.providers, "--registries", Fixtures.registries,
            "--templates", Fixtures.templates, "--output", options.outputPath, "--per-host-delay", "0",
        ]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        while server.requests(under: "/slow/") < 4 && process.isRunning { try await Task.sleep(nanoseconds: 20_000_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        // The published site is whole, the archive consistent, the lock free: the next run goes on.
        #expect(try Data(contentsOf: index) == published)
        options.platformsPath = try directory.write(
            "after.yml", Self.platformsYAML((1...3).map { platform in ("slow-\(platform)", (1...2).map { server.url("/slow/\(platform)-\($0)") }) }))
        let next = try await CrawlPipeline(options: options).run()
        #expect(next.exitCode == 0)
        #expect(try Data(contentsOf: index) != published)
        #expect(FileManager.default.fileExists(atPath: options.archiveDirectory.appendingPathComponent("run-2.warc.gz").path) ||
            FileManager.default.fileExists(atPath: options.archiveDirectory.appendingPathComponent("run-3.warc.gz").path))
    }

    @Test func pagesThatNeedJavaScriptAreReadAfterChromiumRendersThem() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let rendered = server.url("/pages/js-rendered.html")
        let yaml = Self.platformsYAML(
            [("dynamic", [rendered]), ("plain", [server.url("/pages/js-rendered.html?plain")])], browser: [rendered])
        var options = makeOptions(in: directory, platforms: try directory.write("platforms.yml", yaml))
        options.fetch.perHostDelay = 0
        // Everything Chromium might want beyond loopback goes to a dead proxy on loopback: no packet leaves the machine.
        options.browserArguments = ["--proxy-server=127.0.0.1:9"]
        #expect(BrowserRenderer().isInstalled, "Chromium is needed for this test (CI installs it)")
        let summary = try await CrawlPipeline(options: options).run()
        let cards = try #require(try json(summary.siteDirectory)["platforms"] as? [[String: Any]])
        let dynamic = try #require(cards.first { $0["id"] as? String == "dynamic" })
        #expect((dynamic["hosts"] as? [[String: Any]])?.compactMap { $0["provider"] as? String } == ["clever-cloud"])
        #expect(dynamic["level"] as? String == "B")
        let plain = try #require((cards.first { $0["id"] as? String == "plain" }?["documents"] as? [[String: Any]])?.first)
        #expect(plain["status"] as? String == "needs-javascript")
        #expect((plain["error"] as? String)?.contains("render: browser") == true)
        // The rendered DOM is archived as a conversion record next to the response.
        let warc = try Data(contentsOf: options.archiveDirectory.appendingPathComponent("run-1.warc.gz"))
        #expect(!warc.isEmpty)
        let archive = try Archive(directory: options.archiveDirectory)
        let records = try archive.records(ofRun: 1)
        #expect(records.first { $0.requestedURL.hasSuffix("js-rendered.html") }?.rendered.map { String(decoding: $0, as: UTF8.self) }?
            .contains("Clever Cloud SAS") == true)
    }

    @Test func nothingFetchedLeavesThePublishedSiteAsItWas() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        var (options, index, published) = try await publishFirstSite(in: directory, server: server)
        options.platformsPath = try directory.write("down.yml", Self.platformsYAML([("down", ["http://127.0.0.1:1/mentions"])]))
        let summary = try await CrawlPipeline(options: options).run()
        #expect(summary.exitCode == 3)
        #expect(!summary.sitePublished)
        #expect(try Data(contentsOf: index) == published)
    }

    /// A first, complete crawl of the fixture platforms: its options, its summary page and that page's bytes.
    func publishFirstSite(in directory: TemporaryDirectory, server: FixtureServer) async throws -> (CrawlOptions, URL, Data) {
        var options = makeOptions(in: directory, platforms: try directory.write("fast.yml", Self.platformsFile(server)))
        options.fetch.perHostDelay = 0
        _ = try await CrawlPipeline(options: options).run()
        let index = options.siteDirectory.appendingPathComponent("index.html")
        return (options, index, try Data(contentsOf: index))
    }

    /// An executable on PATH, if any.
    static func onPath(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
            .first(where: FileManager.default.isExecutableFile)
    }
}
