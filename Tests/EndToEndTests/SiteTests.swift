import Archive
import Foundation
import Pipeline
import Testing
import TestSupport

/// The published site as readers and their tools meet it: every page parsed by libxml2 with no broken internal link,
/// feeds and badges well-formed XML, data files valid against their schema, both languages, and headless Chromium.
@Suite(.serialized) struct SiteTests {
    static let baseURL = "https://reports.example.org/sante/"

    /// Two nightly crawls of the fixture pages (so that pages have a history), with a correction and a base URL.
    static func publishTwoRuns(in directory: TemporaryDirectory, server: FixtureServer) async throws -> URL {
        let platforms: [(id: String, category: String, paths: [String])] = [
            ("a-plus", "teleconsultation", ["/pages/level-a-plus.html"]),
            ("b", "appointments", ["/pages/level-b.html"]),
            ("c", "appointments", ["/pages/level-c.html"]),
            ("d", "patient-record", ["/pages/level-d.html", "/pages/privacy-aws.html"]),
            ("e", "a new category", ["/pages/level-e.html", "/missing/privacy"]),
            ("pdf", "teleconsultation", ["/pages/cabinet-numerique.pdf"]),
            ("xss", "wellbeing", ["/pages/xss-host.html"]),
            // B on the first night, D on the second: the changes page and the feeds have something to show.
            ("flap", "appointments", ["/flapping"]),
        ]
        var yaml = "platforms:\n"
        for platform in platforms {
            yaml += "  - id: \(platform.id)\n    name: Plateforme \(platform.id)\n    category: \(platform.category)\n"
            yaml += "    operator: Opérateur \(platform.id) SAS\n    website: https://\(platform.id).example.test\n    documents:\n"
            for path in platform.paths { yaml += "      - url: \(server.url(path))\n        kind: legal-notice\n" }
        }
        var options = CrawlOptions()
        options.platformsPath = try directory.write("platforms.yml", yaml)
        options.providersPath = Fixtures.providers
        options.registriesPath = Fixtures.registries
        options.templatesPath = Fixtures.templates
        options.correctionsPath = try directory.write(
            "corrections.yml",
            """
            corrections:
              - platform: d
                date: 2026-11-20
                from: Opérateur d SAS
                summary: "L'opérateur indique migrer ses données vers un hébergeur <européen> en 2027."
                source: https://d.example.test/droit-de-reponse
            """)
        options.outputPath = directory.path("Output")
        options.baseURL = baseURL
        options.contact = "mailto:corrections@example.org"
        options.confirmRuns = 1
        options.fetch.perHostDelay = 0
        options.runDate = CrawlTests.runDate
        _ = try await CrawlPipeline(options: options).run()
        options.runDate = CrawlTests.runDate.addingTimeInterval(86_400)
        return try await CrawlPipeline(options: options).run().siteDirectory
    }

    @Test func everyPageParsesAndEveryInternalLinkResolves() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let site = try await Self.publishTwoRuns(in: directory, server: server)
        let files = try FileManager.default.subpathsOfDirectory(atPath: site.path).sorted()

        // Both languages: every French page has its English twin, with the right lang and a link to the other; a
        // capture's readable view is one page for both, the other language's words beside the site's.
        let french = files.filter {
            !$0.hasPrefix("en/") && !$0.hasPrefix("captures/") && ($0.hasSuffix(".html") || $0.hasSuffix(".md") || $0.hasSuffix(".xml"))
                && $0 != "sitemap.xml"
        }
        #expect(french.count > 20)
        for page in french { #expect(files.contains("en/" + page), "no English version of \(page)") }
        for page in files where page.hasSuffix(".html") {
            let parsed = try ParsedPage.html(site.appendingPathComponent(page))
            #expect(parsed.lang == (page.hasPrefix("en/") ? "en" : "fr"), "\(page)")
        }
        let englishIndex = try String(contentsOf: site.appendingPathComponent("en/index.html"), encoding: .utf8)
        #expect(englishIndex.contains("Who can lawfully reach"))
        #expect(!englishIndex.contains("Classement"))
        #expect(englishIndex.contains("href=\"../index.html\" hreflang=\"fr\""))

        // No broken internal link anywhere, fragments included; every link relative.
        #expect(try LinkChecker.brokenLinks(in: site) == [])
        for page in files where page.hasSuffix(".html") {
            let links = try ParsedPage.html(site.appendingPathComponent(page)).links
            #expect(!links.contains { $0.hasPrefix(Self.baseURL) || $0.hasPrefix("/") }, "\(page) has an absolute internal link")
        }

        // Feeds, sitemap and badges are XML that libxml2's strict parser accepts.
        let xml = files.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".svg") }
        #expect(xml.contains("platforms/d.xml") && xml.contains("en/feed.xml") && xml.contains("badges/d.svg"))
        for file in xml { #expect(try ParsedPage.isWellFormedXML(site.appendingPathComponent(file)), "\(file) is not well-formed") }
        let sitemap = try String(contentsOf: site.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == files.count { $0.hasSuffix(".html") })
        #expect(sitemap.contains("<loc>\(Self.baseURL)en/platforms/d.html</loc>"))
        let platform = try String(contentsOf: site.appendingPathComponent("platforms/d.html"), encoding: .utf8)
        #expect(platform.contains("<link rel=\"canonical\" href=\"\(Self.baseURL)platforms/d.html\">"))

        // Filters without JavaScript: one page per level and per category, each listing exactly its platforms.
        let appointments = try String(contentsOf: site.appendingPathComponent("categories/appointments.html"), encoding: .utf8)
        #expect(appointments.contains("platforms/b.html") && appointments.contains("platforms/c.html"))
        #expect(!appointments.contains("platforms/d.html"))
        #expect(files.contains("categories/a-new-category.html"))
        let levelD = try String(contentsOf: site.appendingPathComponent("levels/d.html"), encoding: .utf8)
        #expect(levelD.contains("platforms/d.html") && !levelD.contains("platforms/b.html"))

        // The platform page: reasons linked to the rubric, quotes linked to the archived capture, history, correction.
        #expect(platform.contains("href=\"../methodology.html#us-exposure\""))
        #expect(platform.contains("<a href=\"#host-aws\">preuves</a>"), "a capped reason links to the evidence of its host")
        let captureLinks = try ParsedPage.html(site.appendingPathComponent("platforms/d.html")).links.filter { $0.hasPrefix("../captures/") }
        #expect(!captureLinks.isEmpty)
        // Quotes link to the readable text of their capture, at the marked sentence (the link check above resolved
        // every such #anchor); the raw capture stays linked from the capture's page.
        let views = captureLinks.filter { $0.contains(".html#q-") }
        #expect(!views.isEmpty, "a quote links to its marked sentence")
        for link in views.prefix(3) {
            let path = "platforms/" + link.components(separatedBy: "#")[0]
            let view = try String(contentsOf: site.appendingPathComponent(path).standardizedFileURL, encoding: .utf8)
            #expect(view.contains("<mark id=\"\(link.components(separatedBy: "#")[1])\">"))
            #expect(view.contains("download>"))
        }
        for link in captureLinks {
            let file = link.components(separatedBy: "#")[0]
            let published = try Data(contentsOf: site.appendingPathComponent("platforms").appendingPathComponent(file).standardizedFileURL)
            // A page's raw copy is published gzipped, its exact bytes once unpacked; a PDF as it is.
            let capture = file.hasSuffix(".gz") ? try Gzip.decompress(published) : published
            #expect(String(decoding: capture, as: UTF8.self).contains("</html>") || capture.starts(with: Data("%PDF".utf8)))
        }
        // A date shown as written needs no datetime attribute; one shown in other words keeps it.
        #expect(platform.components(separatedBy: "<time>2026-11-2").count + platform.components(separatedBy: "<time datetime=\"2026-11-2").count > 5)
        #expect(platform.contains("L&#39;opérateur indique migrer ses données vers un hébergeur &lt;européen&gt; en 2027.")
            || platform.contains("L'opérateur indique migrer ses données vers un hébergeur &lt;européen&gt; en 2027."))
        #expect(platform.contains("https://d.example.test/droit-de-reponse"))
        let timelineRows = platform.components(separatedBy: "<section aria-labelledby=\"evolution\">")[1].components(separatedBy: "<tr><th scope=\"row\">").count - 1
        #expect(timelineRows == 1, "one timeline row per reading: two runs that read the same make one")
        let methodology = try String(contentsOf: site.appendingPathComponent("methodology.html"), encoding: .utf8)
        #expect(methodology.contains("id=\"us-exposure\"") && methodology.contains("Consulté le"))
        let about = try String(contentsOf: site.appendingPathComponent("about.html"), encoding: .utf8)
        #expect(about.contains("<a href=\"mailto:corrections@example.org\">") && about.contains("platforms/d.html#reponse"))

        // Data files: the JSON validates against its schema; the CSVs hold one row per platform, per host role, per run.
        try Self.validate(site.appendingPathComponent("data/scorecards.json"), schema: site.appendingPathComponent("data/scorecards.schema.json"))
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("data/scorecards.json"))) as! [String: Any]
        let cards = document["platforms"] as! [[String: Any]]
        let csv = { (name: String) in try String(contentsOf: site.appendingPathComponent("data/\(name)"), encoding: .utf8) }
        #expect(try csv("scorecards.csv").components(separatedBy: "\r\n").count - 2 == cards.count)
        let hostRoles = cards.flatMap { ($0["hosts"] as! [[String: Any]]).flatMap { $0["roles"] as! [String] } }.count
        #expect(try csv("hosts.csv").split(separator: "\r\n", omittingEmptySubsequences: false).count - 2 >= hostRoles)
        // history.csv: a row per stretch of runs that read the same; over the two runs, every platform has two runs in
        // all, and `flap`, whose level changed, two rows.
        let history = try csv("history.csv").components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let runsByPlatform = Dictionary(history.map { (String($0[0]), Int($0[5]) ?? 0) }, uniquingKeysWith: +)
        #expect(runsByPlatform.count == cards.count && runsByPlatform.values.allSatisfy { $0 == 2 }, "\(runsByPlatform)")
        let flap = history.filter { $0[0] == "flap" }
        #expect(flap.count == 2 && flap[0][6] != flap[1][6] && flap.map { $0[1] } == ["1", "2"], "\(flap)")
        #expect(history.filter { $0[0] != "flap" }.allSatisfy { $0[1] == "1" && $0[3] == "2" && $0[5] == "2" }, "the others: one row, runs 1 to 2")
        #expect(try csv("changes.csv").contains(",flap,levelDown,"))
        let changes = try String(contentsOf: site.appendingPathComponent("en/changes.html"), encoding: .utf8)
        #expect(changes.contains("Plateforme flap") && changes.contains("Every difference is published"))
        let flapFeed = try String(contentsOf: site.appendingPathComponent("platforms/flap.xml"), encoding: .utf8)
        #expect(flapFeed.contains("<entry>") && flapFeed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.baseURL)platforms/flap.xml\"/>"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("data/archive-index.sqlite.gz").path))
    }

    /// A data file against its JSON Schema with python-jsonschema, the reference validator (Debian's python3-jsonschema).
    static func validate(_ file: URL, schema: URL) throws {
        let errors = try schemaErrors(file, schema: schema)
        #expect(errors == nil, "\(file.lastPathComponent) does not validate (apt-get install python3-jsonschema): \(errors ?? "")")
    }

    /// The validator's first errors for a data file, or nil when the file is valid.
    static func schemaErrors(_ file: URL, schema: URL) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import json,sys,jsonschema; s=json.load(open(sys.argv[1])); jsonschema.Draft202012Validator.check_schema(s); "
                + "errors=[e.message for e in jsonschema.Draft202012Validator(s).iter_errors(json.load(open(sys.argv[2])))]; "
                + "print('\\n'.join(errors[:10])); sys.exit(1 if errors else 0)",
            schema.path, file.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : text
    }
}

/// The pages as people see them: headless Chromium at desktop and phone widths, no console message, nothing wider
/// than a phone but inside a scroll box the keyboard reaches, the charts with their text alternative, screenshots
/// kept in `.build/site-check/` for a human look.
@Suite(.serialized) struct BrowserSiteTests {
    static let screenshots = Fixtures.packageRoot.appendingPathComponent(".build/site-check")

    @Test func pagesRenderAtDesktopAndPhoneWidths() async throws {
        guard let chromium = ["chromium", "chromium-browser"].compactMap(CrawlTests.onPath).first else {
            Issue.record("Chromium is not installed (apt-get install chromium; make deps does it)")
            return
        }
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let site = try await SiteTests.publishTwoRuns(in: directory, server: server)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        // The summary, a platform, a provider, the changes in both languages, and a capture's readable view (one for both).
        let platform = try String(contentsOf: site.appendingPathComponent("platforms/d.html"), encoding: .utf8)
        let capture = try #require(
            platform.components(separatedBy: "href=\"../captures/").dropFirst().map { $0.prefix { $0 != "\"" && $0 != "#" } }.first { $0.hasSuffix(".html") },
            "platforms/d.html links to a readable capture")
        let pages = [
            "index.html", "en/index.html", "platforms/d.html", "en/platforms/d.html", "providers/index.html", "providers/aws.html",
            "en/providers/aws.html", "changes.html", "en/changes.html", "captures/\(capture)", "methodology.html", "about.html",
        ]
        for page in pages {
            for (width, name) in [(1280, "desktop"), (390, "phone")] {
                let shot = Self.screenshots.appendingPathComponent(page.replacingOccurrences(of: "/", with: "-") + "-\(name).png")
                try? FileManager.default.removeItem(at: shot)
                let log = try Self.run(chromium, ["--window-size=\(width),2400", "--screenshot=\(shot.path)", site.appendingPathComponent(page).absoluteString], in: directory)
                #expect(!log.contains("CONSOLE"), "\(page) at \(width) px: \(log.split(separator: "\n").filter { $0.contains("CONSOLE") })")
                let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
                #expect(size > 10_000, "\(page) at \(width) px: no screenshot")
            }
            // At 390 px, measured by the page's own layout in an iframe of a probe page: the page is no wider than the
            // phone; whatever scrolls sideways does so in a box with a tabindex (reachable by keyboard) and a label;
            // every chart is an image whose labelling ids name text.
            let probe = try directory.write(
                "probe-\(page.replacingOccurrences(of: "/", with: "-"))",
                """
                <!DOCTYPE html><html><body><iframe id="f" style="width:390px;height:700px;border:0" src="\(site.appendingPathComponent(page).absoluteString)"></iframe>
                <script>document.getElementById('f').onload=function(){var w=this.contentWindow,doc=this.contentDocument,d=doc.documentElement,b=document.body;
                b.setAttribute('data-overflow',String(d.scrollWidth-d.clientWidth));
                var bad=[];doc.querySelectorAll('body *').forEach(function(e){var o=w.getComputedStyle(e).overflowX;
                if((o==='auto'||o==='scroll')&&e.scrollWidth>e.clientWidth&&(e.getAttribute('tabindex')!=='0'||!(e.getAttribute('aria-label')||e.getAttribute('aria-labelledby'))))bad.push(e.tagName+'.'+e.className);});
                b.setAttribute('data-unreachable',bad.join(' ')||'none');
                var charts=doc.querySelectorAll('svg[role=img]'),named=0;charts.forEach(function(s){var t=(s.getAttribute('aria-labelledby')||'').split(' ').map(function(i){var x=doc.getElementById(i);return x?x.textContent.trim():'';}).join('');if(t.length>10)named++;});
                b.setAttribute('data-charts',charts.length+'/'+named);};</script></body></html>
                """)
            let dom = try Self.run(chromium, ["--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom", URL(fileURLWithPath: probe).absoluteString], in: directory, stdoutOnly: true)
            #expect(dom.contains("data-overflow=\"0\""), "\(page) is wider than a phone: \(dom.components(separatedBy: "data-overflow=").dropFirst().first?.prefix(8) ?? "no measure")")
            #expect(dom.contains("data-unreachable=\"none\""), "\(page) scrolls sideways outside a focusable, labelled box: \(dom.components(separatedBy: "data-unreachable=").dropFirst().first?.prefix(80) ?? "no measure")")
            let charts = dom.components(separatedBy: "data-charts=\"").dropFirst().first?.prefix { $0 != "\"" }.split(separator: "/").map(String.init) ?? []
            #expect(charts.count == 2 && charts[0] == charts[1], "\(page): every chart has its text alternative (\(charts))")
            if page.hasSuffix("index.html") && !page.contains("providers") {
                #expect(charts.first.flatMap { Int($0) } == 1, "\(page): the levels chart is drawn")
            }
        }
    }

    /// Runs headless Chromium with nothing but loopback reachable (a dead proxy); returns its log, or its output.
    static func run(_ chromium: String, _ arguments: [String], in directory: TemporaryDirectory, stdoutOnly: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--proxy-server=127.0.0.1:9",
            "--user-data-dir=\(directory.path("chromium-profile"))", "--enable-logging=stderr", "--v=0",
        ] + arguments
        // One pipe only (the log, or the DOM): reading it to its end cannot block on the other.
        let pipe = Pipe()
        process.standardOutput = stdoutOnly ? pipe : FileHandle.nullDevice
        process.standardError = stdoutOnly ? FileHandle.nullDevice : pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
