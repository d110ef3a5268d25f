import Foundation
import Pipeline
import SovereigntyModel
import Testing
import TestSupport

/// The command-line tool as a researcher or a scheduler runs it: its own process, its own working folder, the
/// documented exit codes and messages.
@Suite struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the built tool in `folder` and waits for it.
    func tool(_ arguments: [String], in folder: String) throws -> Outcome {
        #expect(FileManager.default.isExecutableFile(atPath: Fixtures.tool.path), "build the tool first: swift build")
        let process = Process()
        process.executableURL = Fixtures.tool
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes before waiting, so that a long output never blocks the tool.
        let (out, err) = (output.fileHandleForReading.readDataToEndOfFile(), errors.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    /// A copy of the fixture knowledge in `folder/Inputs`, laid out as the project's.
    func copyInputs(into folder: String, platforms: String) throws {
        let files = FileManager.default
        try files.createDirectory(atPath: folder + "/Inputs", withIntermediateDirectories: true)
        try files.copyItem(atPath: Fixtures.providers, toPath: folder + "/Inputs/providers.yml")
        try files.copyItem(atPath: Fixtures.registries, toPath: folder + "/Inputs/registries")
        try Data(platforms.utf8).write(to: URL(fileURLWithPath: folder + "/Inputs/platforms.yml"))
    }

    @Test func versionNamesTheToolTheRubricAndTheLibraries() throws {
        let outcome = try tool(["--version"], in: FileManager.default.temporaryDirectory.path)
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("sovereignty \(Versions.tool)"))
        #expect(outcome.output.contains("rubric "))
        #expect(outcome.output.contains("libcurl/"))
        #expect(outcome.output.contains("libxml2 2."))
    }

    /// `make run CONTACT=… SOURCE_URL=…` hands both to the crawl; without them, neither option is passed.
    @Test func makeRunPassesTheContactAndTheSourceAddress() throws {
        func dryRun(_ variables: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["make", "-n", "-s", "-C", Fixtures.packageRoot.path, "run"] + variables
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        let given = try dryRun(["CONTACT=https://contact.example/ecrire", "SOURCE_URL=https://code.example/sovereignty/blob/main/"])
        #expect(given.contains("--contact https://contact.example/ecrire"))
        #expect(given.contains("--source-url https://code.example/sovereignty/blob/main/"))
        let plain = try dryRun([])
        #expect(plain.contains(" crawl ") && !plain.contains("--contact") && !plain.contains("--source-url"))
    }

    /// `make demo` needs no internet: its platforms are the project's sample pages, served on 127.0.0.1 only.
    @Test func theDemoCrawlsOnlyTheProjectsOwnPagesOnLoopback() throws {
        let yaml = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Inputs/demo/platforms.yml"), encoding: .utf8)
        let urls = yaml.split(separator: "\n").compactMap { line in line.split(separator: "url: ", maxSplits: 1).dropFirst().first.map(String.init) }
        #expect(urls.count >= 7 && urls.allSatisfy { $0.hasPrefix("@BASE@/pages/") })
        let makefile = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        let demo = try #require(makefile.components(separatedBy: "\ndemo:").dropFirst().first?.components(separatedBy: "\ntest:").first)
        #expect(demo.contains("--bind 127.0.0.1") && demo.contains("s|@BASE@|http://127.0.0.1:"))
        #expect(!demo.contains("http://localhost") && !demo.contains("0.0.0.0"))
        // Every page the demo serves is one of ours (one address is missing on purpose: a 404 to show).
        for url in urls where !url.contains("conditions-disparues") && !url.contains("changing.html") {
            let name = String(url.dropFirst("@BASE@/pages/".count))
            #expect(FileManager.default.fileExists(atPath: Fixtures.pages.appendingPathComponent(name).path), "\(name)")
            #expect(demo.contains("$(FIXTURE_PAGES)/\(name)"), "the Makefile copies \(name)")
        }
    }

    /// README and `--help` say 2 for bad input or usage: an unknown option, a bad value, a value refused later.
    @Test(arguments: [["crawl", "--bogus"], ["crawl", "--jobs", "zero"], ["crawl", "--jobs", "0"], ["report", "--run", "1", "--at", "2026-11-22"],
        ["crawl", "--source-url", "ftp://example.org/src"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outcome = try tool(arguments, in: directory.path(""))
        #expect(outcome.status == 2, "\(arguments): \(outcome.errors)")
        #expect(outcome.errors.contains("Error:"))
    }

    /// The archive belongs to its output folder, and a run keeps the inputs it was judged with: an archive copied
    /// to another machine, where no `Inputs/` exists, rebuilds the site its crawl published, byte for byte.
    @Test func anArchiveRebuildsItsRunElsewhereWithoutInputs() async throws {
        let server = try FixtureServer.start()
        let directory = try TemporaryDirectory()
        defer {
            directory.remove()
            server.stop()
        }
        let project = directory.path("project")
        try copyInputs(
            into: project,
            platforms: CrawlTests.platformsYAML([("b", [server.url("/pages/level-b.html")]), ("d", [server.url("/pages/level-d.html")])]))
        var options = CrawlOptions()
        options.platformsPath = project + "/Inputs/platforms.yml"
        options.providersPath = project + "/Inputs/providers.yml"
        options.registriesPath = project + "/Inputs/registries"
        options.correctionsPath = project + "/Inputs/corrections.yml"
        options.templatesPath = Fixtures.templates
        options.outputPath = project + "/Output"
        options.runDate = CrawlTests.runDate
        options.fetch.perHostDelay = 0
        let crawled = try await CrawlPipeline(options: options).run()
        #expect(crawled.exitCode == 0)

        // Another machine: the output folder alone, no Inputs/, and another working folder.
        let elsewhere = directory.path("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: project + "/Output/archive", toPath: elsewhere + "/archive")
        try FileManager.default.removeItem(atPath: project + "/Inputs")
        let outcome = try tool(["report", "--output", elsewhere, "--templates", Fixtures.templates], in: elsewhere)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(try FolderComparison.differences(crawled.siteDirectory, URL(fileURLWithPath: elsewhere + "/site")) == [])
        let about = try String(contentsOfFile: elsewhere + "/site/about.html", encoding: .utf8)
        #expect(!about.contains("Évaluation refaite"))

        // Newer knowledge re-judges the old evidence, and the about page says so.
        let newer = try directory.write("newer-platforms.yml", CrawlTests.platformsYAML([("b", [server.url("/pages/level-b.html")])]))
        let rejudged = try tool(["report", "--output", elsewhere, "--templates", Fixtures.templates, "--platforms", newer], in: elsewhere)
        #expect(rejudged.status == 0, "\(rejudged.errors)")
        let notice = try String(contentsOfFile: elsewhere + "/site/about.html", encoding: .utf8)
        #expect(notice.contains("Évaluation refaite") && notice.contains("newer-platforms.yml"))
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/site/platforms/d.html"), "the newer list has one platform")
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/site/platforms/b.html"))

        // A date that does not parse, or that precedes every run, is refused and the runs are named.
        for (value, words) in [("yesterday", "is not a day"), ("2026-13-45", "is not a day"), ("2020-01-01", "no run started on or before")] {
            let refused = try tool(["report", "--output", elsewhere, "--templates", Fixtures.templates, "--at", value], in: elsewhere)
            #expect(refused.status == 2, "--at \(value)")
            #expect(refused.errors.contains("'\(value)'") && refused.errors.contains(words), "\(refused.errors)")
            #expect(refused.errors.contains("runs: 1 (\(Timestamp.string(CrawlTests.runDate)))"), "\(refused.errors)")
        }
        let chosen = try tool(["report", "--output", elsewhere, "--templates", Fixtures.templates, "--at", String(Timestamp.string(CrawlTests.runDate).prefix(10))], in: elsewhere)
        #expect(chosen.status == 0, "\(chosen.errors)")
    }

    /// Defaults are relative to the working folder: from elsewhere, the error says so and names the option.
    @Test func relativeDefaultsSayWhereToRunFrom() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = try directory.write("page.html", "<html><body><p>Le site est hébergé par OVH SAS.</p></body></html>")
        let outcome = try tool(["extract", page], in: directory.path(""))
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("Inputs/providers.yml") && outcome.errors.contains("run from the project folder, or pass --providers"))
    }

    /// `extract`, plain or `--json`, names with each quote the rule that read it; the rules' word lists (resources)
    /// are found wherever the tool is run from.
    @Test func extractNamesTheRuleOfEachFinding() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = try directory.write("page.html", "<html><body><p>Le site est hébergé par OVH SAS, en France.</p></body></html>")
        let outcome = try tool(["extract", "--json", "--providers", Fixtures.providers, page], in: directory.path(""))
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains(#""rule":"hosting-sentence""#), "\(outcome.output)")
        #expect(outcome.output.contains(#""rule":"location-france""#), "\(outcome.output)")

        let plain = try tool(["extract", "--providers", Fixtures.providers, page], in: directory.path(""))
        #expect(plain.status == 0, "\(plain.errors)")
        #expect(plain.output.contains("» (rule hosting-sentence)"), "\(plain.output)")
    }

    /// A registries folder that is not there is a mistyped path, not "no registry"; an empty one is stated on the
    /// methodology page.
    @Test func aMissingRegistryFolderIsAnErrorAndAnEmptyOneIsStated() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var options = CrawlOptions()
        options.platformsPath = try directory.write("platforms.yml", CrawlTests.platformsYAML([("x", ["http://127.0.0.1:1/closed"])]))
        options.providersPath = Fixtures.providers
        options.registriesPath = directory.path("no-such-folder")
        options.templatesPath = Fixtures.templates
        options.outputPath = directory.path("Output")
        options.runDate = CrawlTests.runDate
        do {
            _ = try await CrawlPipeline(options: options).run()
            Issue.record("a missing registries folder was accepted")
        } catch {
            #expect(error.isInputError && error.description.contains("no-such-folder: no such folder"), "\(error)")
        }
        // The input check failed: the output folder was not created, not even for the lock.
        #expect(!FileManager.default.fileExists(atPath: directory.path("Output")))

        options.registriesPath = directory.path("empty")
        try FileManager.default.createDirectory(atPath: options.registriesPath, withIntermediateDirectories: true)
        let summary = try await CrawlPipeline(options: options).run()
        let methodology = try String(contentsOf: summary.siteDirectory.appendingPathComponent("methodology.html"), encoding: .utf8)
        #expect(methodology.contains("empty/hds.csv") && methodology.contains("non chargé"), "the page says no registry was read")
    }

    /// A failed fetch is a warning, with the platform, URL and reason as fields a log collector can index.
    @Test func fetchFailuresAreWarningsWithTheirFields() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let platforms = try directory.write("platforms.yml", CrawlTests.platformsYAML([("dead", ["http://127.0.0.1:1/closed"])]))
        let outcome = try tool(
            [
                "crawl", "--platforms", platforms, "--providers", Fixtures.providers, "--registries", Fixtures.registries,
                "--templates", Fixtures.templates, "--output", directory.path("Output"), "--log-format", "json", "--per-host-delay", "0",
            ], in: directory.path(""))
        #expect(outcome.status == 3, "nothing could be fetched: \(outcome.errors)")
        let lines = outcome.errors.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        }
        let warning = try #require(lines.first { $0["url"] == "http://127.0.0.1:1/closed" })
        #expect(warning["level"] == "warning")
        #expect(warning["platform"] == "dead")
        #expect(warning["reason"] == "refused")
    }

    /// Every error of a file is reported at once, each with its line, up to 20.
    @Test func everyErrorOfAnInputFileIsReported() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var yaml = CrawlTests.platformsYAML((1...3).map { ("ok-\($0)", ["https://ok.example.test/\($0)"]) })
        yaml += "  - id: no-category\n    name: N\n    operator: O\n    website: https://n.example.test\n    documents:\n      - {url: https://n.example.test/, kind: legal-notice}\n"
        yaml += "  - id: bad-kind\n    name: B\n    category: c\n    operator: O\n    website: https://b.example.test\n    documents:\n      - {url: https://b.example.test/, kind: poem}\n"
        yaml += "  - id: ok-1\n    name: D\n    category: c\n    operator: O\n    website: https://d.example.test\n    documents:\n      - {url: https://d.example.test/, kind: terms}\n"
        let platforms = try directory.write("platforms.yml", yaml)
        let outcome = try tool(
            ["crawl", "--platforms", platforms, "--providers", Fixtures.providers, "--registries", Fixtures.registries,
             "--templates", Fixtures.templates, "--output", directory.path("Output")], in: directory.path(""))
        #expect(outcome.status == 2)
        let reported = outcome.errors.split(separator: "\n").filter { $0.contains("platforms.yml:") }
        #expect(reported.count == 3, "\(outcome.errors)")
        #expect(outcome.errors.contains("category") && outcome.errors.contains("poem") && outcome.errors.contains("duplicate id 'ok-1'"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("Output")), "no lock file left behind")

        var many = "platforms:\n"
        for number in 1...25 { many += "  - id: p\(number)\n    name: P\n" }
        let crowded = try tool(
            ["crawl", "--platforms", try directory.write("many.yml", many), "--providers", Fixtures.providers, "--registries",
             Fixtures.registries, "--templates", Fixtures.templates, "--output", directory.path("Output")], in: directory.path(""))
        #expect(crowded.status == 2)
        #expect(crowded.errors.split(separator: "\n").filter { $0.contains("many.yml:") }.count == 20)
        #expect(crowded.errors.contains("… and 5 more in"))
    }
}
