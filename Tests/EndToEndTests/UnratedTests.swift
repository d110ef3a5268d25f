import Foundation
import Pipeline
import SovereigntyModel
import Testing
import TestSupport

/// Issue 11, "never state what was not read": a platform none of whose documents could be read has no rank, no
/// status but "unknown", and no read date, in every output; becoming unrated publishes no change from missing evidence.
extension CrawlTests {
    /// Two nights: `lu` reads a B page both nights; `muet` has only a refused port; `perdu` is read (D) on the first
    /// night, and on the second its only document is a new, dead address, so that it becomes unrated.
    func crawlWithUnreadPlatforms(in directory: TemporaryDirectory, server: FixtureServer) async throws -> CrawlSummary {
        let muet = ("muet", ["http://127.0.0.1:1/mentions-legales"])
        let lu = ("lu", [server.url("/pages/level-b.html")])
        var options = makeOptions(
            in: directory, platforms: try directory.write("first.yml", Self.platformsYAML([lu, muet, ("perdu", [server.url("/pages/level-d.html")])])))
        options.fetch.perHostDelay = 0
        options.fetch.connectTimeoutSeconds = 5
        options.confirmRuns = 1
        #expect(try await CrawlPipeline(options: options).run().exitCode == 1)
        options.platformsPath = try directory.write("second.yml", Self.platformsYAML([lu, muet, ("perdu", ["http://127.0.0.1:1/perdu"])]))
        options.runDate = Self.runDate.addingTimeInterval(86_400)
        return try await CrawlPipeline(options: options).run()
    }

    @Test func anUnreadPlatformIsListedApartAndStatesNothingInAnyOutput() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let site = try await crawlWithUnreadPlatforms(in: directory, server: server).siteDirectory
        let file = { (path: String) in try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }
        let secondNight = Timestamp.day(Self.runDate.addingTimeInterval(86_400))

        // JSON: no rank, every status unknown, no read date for the dead document but the time it was asked for.
        let document = try json(site)
        #expect(document["schemaVersion"] as? Int == 2)
        let cards = try #require(document["platforms"] as? [[String: Any]])
        #expect(cards.map { $0["id"] as? String } == ["lu", "muet", "perdu"], "the ranking first, then the unrated by name")
        #expect(cards.map { $0["rank"] as? Int } == [1, nil, nil])
        for card in cards.dropFirst() {
            let id = card["id"] as? String ?? "?"
            #expect(card["level"] as? String == "unrated" && card["rank"] is NSNull && card["score"] is NSNull, "\(id)")
            #expect(card["cloudActExposed"] is NSNull, "\(id)")
            #expect((card["hds"] as? [String: Any])?["status"] as? String == "unknown", "\(id)")
            #expect((card["secNumCloud"] as? [String: Any])?["status"] as? String == "unknown", "\(id)")
            #expect((card["zeroKnowledge"] as? [String: Any])?["claimed"] is NSNull, "\(id)")
            #expect((card["hosts"] as? [Any])?.isEmpty == true, "\(id)")
            let dead = try #require((card["documents"] as? [[String: Any]])?.first)
            #expect(dead["status"] as? String == "unreachable" && dead["fetchedAt"] is NSNull, "\(id)")
            #expect((dead["attemptedAt"] as? String)?.hasPrefix(secondNight) == true, "\(id)")
        }
        let read = try #require((cards[0]["documents"] as? [[String: Any]])?.first)
        #expect(read["status"] as? String == "ok" && read["fetchedAt"] as? String == read["attemptedAt"] as? String)
        #expect((read["fetchedAt"] as? String)?.hasPrefix(secondNight) == true)

        // The schema holds the file, and its cross-field rules refuse what issue 11 forbids.
        let schema = site.appendingPathComponent("data/scorecards.schema.json")
        try SiteTests.validate(site.appendingPathComponent("data/scorecards.json"), schema: schema)
        let forbidden: [(String, (inout [[String: Any]]) -> Void)] = [
            ("a rank for an unrated platform", { $0[1]["rank"] = 2 }),
            ("no rank for a rated platform", { $0[0]["rank"] = NSNull() }),
            ("HDS none for an unrated platform", { $0[1]["hds"] = ["status": "none", "evidence": [Any]()] }),
            ("HDS unknown for a rated platform", { $0[0]["hds"] = ["status": "unknown", "evidence": [Any]()] }),
            ("not declared for an unrated platform", { $0[1]["zeroKnowledge"] = ["claimed": false, "evidence": [Any]()] }),
            ("a read date for an unread document", { cards in
                var documents = cards[1]["documents"] as! [[String: Any]]
                documents[0]["fetchedAt"] = documents[0]["attemptedAt"]
                cards[1]["documents"] = documents
            }),
        ]
        for (what, change) in forbidden {
            var changed = cards
            change(&changed)
            var altered = document
            altered["platforms"] = changed
            let path = directory.url.appendingPathComponent("altered.json")
            try JSONSerialization.data(withJSONObject: altered).write(to: path)
            #expect(try SiteTests.schemaErrors(path, schema: schema) != nil, "the schema accepts \(what)")
        }

        // CSV: an empty rank, unknown statuses, no evidence date; no host rows.
        let scorecardsCSV = try file("data/scorecards.csv")
        #expect(scorecardsCSV.contains("\r\n1,lu,Plateforme lu,"))
        #expect(scorecardsCSV.contains("\r\n,muet,Plateforme muet,test,Opérateur muet SAS,https://muet.example.test,unrated,,,unknown,unknown,,,1,0,0,\r\n"))
        #expect(scorecardsCSV.contains("\r\n,perdu,Plateforme perdu,test,Opérateur perdu SAS,https://perdu.example.test,unrated,,,unknown,unknown,,,1,0,0,\r\n"))
        let hostsCSV = try file("data/hosts.csv")
        #expect(hostsCSV.contains("\r\nlu,") && !hostsCSV.contains("\r\nmuet,") && !hostsCSV.contains("\r\nperdu,"))

        // Summary and filter pages, both languages: the ranking holds the rated platform only; the unrated ones are
        // under their own heading, without a rank or a status.
        for (page, heading) in [("index.html", "Non évalués — aucun document lu (2 plateformes)"), ("en/index.html", "Not rated — no document read (2 platforms)")] {
            let html = try file(page)
            let ranking = try #require(Self.section(html, "classement"), "\(page)")
            #expect(ranking.contains("platforms/lu.html") && !ranking.contains("platforms/muet.html") && !ranking.contains("platforms/perdu.html"), "\(page)")
            let unrated = try #require(Self.section(html, "non-evalues"), "\(page)")
            #expect(unrated.contains(heading) && unrated.contains("platforms/muet.html") && unrated.contains("platforms/perdu.html"), "\(page)")
            #expect(unrated.contains("<td>\(secondNight)</td>"), "\(page): the day it was asked for")
            for word in ["aucune mention", "not mentioned", "non déclaré", "not declared", "<td>1</td>", "<td>2</td>", "<td>3</td>"] {
                #expect(!unrated.contains(word), "\(page) says \(word) of an unrated platform")
            }
        }
        #expect(try file("index.html").contains("<h2 id=\"classement\">Classement (1 plateformes)</h2>"))
        let levelPage = try file("levels/unrated.html")
        #expect(Self.section(levelPage, "classement") == nil, "no empty ranking on the unrated level's page")
        #expect(Self.section(levelPage, "non-evalues")?.contains("platforms/muet.html") == true)
        let categoryPage = try file("en/categories/test.html")
        #expect(Self.section(categoryPage, "classement")?.contains("platforms/lu.html") == true)
        #expect(Self.section(categoryPage, "non-evalues")?.contains("platforms/perdu.html") == true)
        let markdown = try file("index.md")
        let (markdownRanking, markdownUnrated) = try #require(Self.split(markdown, at: "## Non évalués — aucun document lu (2 plateformes)"))
        #expect(markdownRanking.contains("| 1 | [Plateforme lu](platforms/lu.md) | B") && !markdownRanking.contains("muet"))
        #expect(markdownUnrated.contains("| [Plateforme muet](platforms/muet.md) | injoignable (mentions légales) | \(secondNight) |"))
        #expect(!markdownUnrated.contains("aucune mention") && !markdownUnrated.contains("non déclaré"))

        // Platform pages: every status unknown in words, no rank, and the dead document not read, with its attempt.
        for (page, words) in [
            ("platforms/muet.html", UnratedWords.french), ("platforms/perdu.html", UnratedWords.french), ("platforms/muet.md", UnratedWords.french),
            ("en/platforms/muet.html", UnratedWords.english), ("en/platforms/perdu.md", UnratedWords.english),
        ] {
            let text = try file(page)
            for said in words.said { #expect(text.contains(said), "\(page) lacks \(said)") }
            for unsaid in words.unsaid { #expect(!text.contains(unsaid), "\(page) says \(unsaid)") }
            // The dead document's row of the documents table: a line in Markdown, a `<tr>` in HTML.
            let rows = text.components(separatedBy: page.hasSuffix(".md") ? "\n" : "</tr>")
            let row = try #require(rows.first { $0.contains("127.0.0.1:1/") && $0.contains(words.notRead) }, "\(page)")
            // Dated by the run its failure began, which a night that changes nothing leaves as it was.
            #expect(
                row.contains("\(words.notRead) — \(words.attempted) ") && (row.contains(secondNight) || row.contains(Timestamp.day(Self.runDate))),
                "\(page): \(row)")
            #expect(!row.contains(words.readOn), "\(page): \(row)")
        }
        let muetDocuments = try #require(Self.section(try file("platforms/muet.html"), "documents"))
        #expect(!muetDocuments.contains("<td><time"), "no read date in the documents table")

        // Badge: the level in words, nothing else.
        let badge = try file("badges/muet.svg")
        #expect(badge.contains("Non évalué") && badge.contains(">–</text>") && !badge.contains("aucune mention"))

        // Changes: `perdu` became unrated; its document at a new address is no change, and its level, statuses and
        // hosts are not compared with what no page said.
        #expect(try !file("data/changes.csv").contains(",perdu,"))
        #expect(try !file("platforms/perdu.xml").contains("<entry>"))
        #expect(try !file("feed.xml").contains("Plateforme perdu") && !file("changes.html").contains("Plateforme perdu"))
        // Its history keeps the first night's reading, and says the second night read nothing.
        let history = try file("data/history.csv").components(separatedBy: "\r\n")
        let first = Timestamp.string(Self.runDate)
        #expect(history.contains { $0.hasPrefix("perdu,1,\(first),1,\(first),1,") && !$0.contains("unrated") }, "\(history)")
        #expect(history.contains { $0.hasPrefix("perdu,2,") && $0.contains(",1,unrated,,") }, "\(history)")
        let timeline = try #require(Self.section(try file("platforms/perdu.html"), "evolution"))
        #expect(timeline.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 2)
        #expect(timeline.contains("<td>non évalué — aucun document lu</td>"))
    }

    /// A first run that reads nothing (offline, here a refused port) says so at the top of the summary, with the most
    /// common reason in each language, and points to `make demo`; the about page says how to give a contact address.
    @Test func aFirstRunThatReadsNothingSaysWhyAtTheTop() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var options = makeOptions(
            in: directory,
            platforms: try directory.write("offline.yml", Self.platformsYAML([("un", ["http://127.0.0.1:1/a"]), ("deux", ["http://127.0.0.1:1/b"])])))
        options.fetch.perHostDelay = 0
        options.fetch.connectTimeoutSeconds = 5
        options.contact = nil
        let summary = try await CrawlPipeline(options: options).run()
        #expect(summary.exitCode == 3 && summary.sitePublished)
        let file = { (path: String) in try String(contentsOf: summary.siteDirectory.appendingPathComponent(path), encoding: .utf8) }
        for (page, words) in [("index.html", "la connexion a été refusée"), ("en/index.html", "the connection was refused")] {
            let html = try file(page)
            let top = try #require(html.components(separatedBy: "<h1>").dropFirst().first?.components(separatedBy: "<section").first)
            #expect(top.contains("class=\"notice nothing-read\""), "\(page): the notice comes right under the title")
            #expect(top.contains(words) && top.contains("(2 documents)") && top.contains("make demo"), "\(page): \(top)")
        }
        #expect(try file("about.html").contains("make run CONTACT=https://"))
        #expect(try file("en/about.html").contains("make run CONTACT=https://"))
    }

    /// What an unrated platform's page must and must not say, in one language.
    struct UnratedWords {
        var said: [String]
        var unsaid: [String]
        var notRead: String
        var attempted: String
        var readOn: String

        static let french = UnratedWords(
            said: ["HDS : non évalué — aucun document lu", "SecNumCloud : non évalué — aucun document lu",
                   "connaissance nulle : non évalué — aucun document lu", "Ni score ni rang : aucun document lu"],
            unsaid: ["aucune mention", "non déclaré", "SecNumCloud : non<", "SecNumCloud : non\n", "· rang ", "lu le", "non précisée", "inconnue"],
            notRead: "non lu", attempted: "en échec depuis le", readOn: "Lu le")
        static let english = UnratedWords(
            said: ["HDS: not rated — no document read", "SecNumCloud: not rated — no document read",
                   "zero-knowledge encryption: not rated — no document read", "No score and no rank: no document read"],
            unsaid: ["not mentioned", "not declared", "SecNumCloud: no<", "SecNumCloud: no\n", "· rank ", "read on", "not stated"],
            notRead: "not read", attempted: "failing since", readOn: "Read on")
    }

    /// The inside of `<section aria-labelledby="id">`, if the page has it.
    static func section(_ html: String, _ id: String) -> String? {
        let parts = html.components(separatedBy: "<section aria-labelledby=\"\(id)\">")
        return parts.count > 1 ? parts[1].components(separatedBy: "</section>")[0] : nil
    }

    /// The text before and from `marker`, if it is there.
    static func split(_ text: String, at marker: String) -> (String, String)? {
        text.range(of: marker).map { (String(text[..<$0.lowerBound]), String(text[$0.lowerBound...])) }
    }
}
