import Foundation
import InputFiles
import SovereigntyModel
import Testing
import TestSupport

@Suite struct InputFilesTests {
    @Test func shippedInputsLoad() throws {
        let platforms = try PlatformList.load(path: Fixtures.inputs + "/platforms.yml")
        let catalog = try ProviderList.load(path: Fixtures.inputs + "/providers.yml")
        let ids = Set(platforms.map(\.id))
        for id in ["doctolib", "maiia", "mon-espace-sante", "compte-ameli", "livi", "heloa", "libheros", "medicalib", "mon-aphp", "myhcl", "vivoptim", "withings", "petit-bambou"] {
            #expect(ids.contains(id), "missing platform \(id)")
        }
        let required = [
            "aws", "microsoft-azure", "google-cloud", "cloudflare", "akamai", "fastly", "ovhcloud", "scaleway", "outscale",
            "cloud-temple", "scalingo", "clever-cloud", "cegedim-cloud", "atos", "worldline", "netplus", "bso-network-solutions",
            "cheops-technology", "devoteam-g-cloud", "s3ns", "bleu", "numspot", "docaposte", "oodrive", "ionos", "hetzner",
        ]
        for id in required { #expect(catalog[id] != nil, "missing provider \(id)") }
        #expect(catalog.usControlledLink(in: "devoteam-g-cloud")?.id == "google-cloud")
        #expect(catalog["s3ns"]?.secNumCloud.status == .qualified)
        #expect(catalog["s3ns"]?.secNumCloud.since == "2025-12-17")
        #expect(catalog["bleu"]?.secNumCloud.status == .inProgress)
        for provider in catalog.providers { #expect(!provider.sources.isEmpty, "\(provider.id) has no source") }
    }

    static let valid = """
        platforms:
          - id: exemple
            name: Exemple
            category: appointments
            operator: Exemple SAS
            website: https://exemple.test
            documents:
              - url: https://exemple.test/mentions
                kind: legal-notice
        """

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (String) -> String
        var line: Int
        var mentions: [String]
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "YAML syntax", edit: { $0.replacingOccurrences(of: "    name: Exemple", with: "    name: [Exemple") }, line: 4, mentions: ["YAML syntax"]),
        BadCase(name: "missing field", edit: { $0.replacingOccurrences(of: "    operator: Exemple SAS\n", with: "") }, line: 2, mentions: ["platforms[0].operator", "missing"]),
        BadCase(name: "unknown key", edit: { $0.replacingOccurrences(of: "    category:", with: "    categroy:") }, line: 4, mentions: ["categroy", "unknown key"]),
        BadCase(name: "bad id", edit: { $0.replacingOccurrences(of: "id: exemple", with: "id: Exemple_1") }, line: 2, mentions: ["platforms[0].id", "a-z"]),
        BadCase(name: "not http", edit: { $0.replacingOccurrences(of: "https://exemple.test/mentions", with: "ftp://exemple.test/m") }, line: 8, mentions: ["documents[0].url", "http(s)"]),
        BadCase(
            name: "password in URL", edit: { $0.replacingOccurrences(of: "https://exemple.test/mentions", with: "https://admin:s3cret@exemple.test/m") },
            line: 8, mentions: ["documents[0].url", "user name or password", "'exemple.test'"]),
        BadCase(
            name: "user in URL", edit: { $0.replacingOccurrences(of: "website: https://exemple.test", with: "website: https://robot@exemple.test") },
            line: 6, mentions: ["platforms[0].website", "user name or password"]),
        BadCase(
            name: "space in URL", edit: { $0.replacingOccurrences(of: "https://exemple.test/mentions", with: "https://exemple.test/mentions légales") },
            line: 8, mentions: ["documents[0].url", "space", "%20"]),
        BadCase(name: "bad kind", edit: { $0.replacingOccurrences(of: "kind: legal-notice", with: "kind: notice") }, line: 9, mentions: ["kind", "legal-notice"]),
        BadCase(
            name: "duplicate id",
            edit: { text in text + "\n" + text.split(separator: "\n").dropFirst().joined(separator: "\n") },
            line: 10, mentions: ["duplicate id 'exemple'", "line 2"]),
    ]

    @Test(arguments: badCases) func badPlatformsNameFileLineAndField(_ bad: BadCase) throws {
        #expect(throws: Never.self) { try PlatformList.parse(text: Self.valid, file: "platforms.yml") }
        do {
            _ = try PlatformList.parse(text: bad.edit(Self.valid), file: "in/platforms.yml")
            Issue.record("no error for \(bad.name)")
        } catch {
            #expect(error.file == "in/platforms.yml")
            #expect(error.line == bad.line, "\(error)")
            for word in bad.mentions { #expect(error.description.contains(word), "\(error)") }
            #expect(!error.description.contains("s3cret"), "a password is never repeated")
            #expect(error.description.hasPrefix("in/platforms.yml:\(bad.line)"))
        }
    }

    /// Ten nested lists of ten aliases: 500 bytes that name 10⁹ nodes. As a value it costs nothing; as a key, Yams
    /// hashed all of it and every command hung. Each spelling of an alias key is refused at once, with its line.
    static let aliasBomb = (["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        + (1...8).map { "l\($0): &l\($0) [" + Array(repeating: "*l\($0 - 1)", count: 10).joined(separator: ", ") + "]" })
        .joined(separator: "\n") + "\n"

    @Test(.timeLimit(.minutes(1)), arguments: [
        ("? *l8\n: boom\n", 10, "(*l8)"),
        ("*l8 : boom\n", 10, "(*l8)"),
        ("nested: {*l8 : boom}\n", 10, "(*l8)"),
        ("? [a, *l8]\n: boom\n", 10, "alias"),
        ("platforms:\n  - id: a\n    ? *l8\n    : b\n", 12, "(*l8)"),
    ])
    func aliasAsAKeyIsRefusedAtOnce(_ tail: String, _ line: Int, _ mention: String) throws {
        let start = Date()
        do {
            _ = try PlatformList.parse(text: Self.aliasBomb + tail, file: "in/platforms.yml")
            Issue.record("alias key accepted")
        } catch {
            #expect(error.description.hasPrefix("in/platforms.yml:\(line): a key may not be an alias"), "\(error)")
            #expect(error.description.contains(mention), "\(error)")
        }
        #expect(Date().timeIntervalSince(start) < 15, "refused at once, not after expanding the aliases")
    }

    /// Aliases where a value goes, and stars in text, read as before.
    @Test func aliasesAsValuesAndStarsInTextStillRead() throws {
        let text = Self.valid.replacingOccurrences(of: "website: https://exemple.test", with: "website: &site https://exemple.test/mentions")
            .replacingOccurrences(of: "- url: https://exemple.test/mentions", with: "- url: *site")
            .replacingOccurrences(of: "name: Exemple", with: "name: \"Exemple *étoile* [2*3]\"")
        let platforms = try PlatformList.parse(text: text, file: "platforms.yml")
        #expect(platforms.first?.documents.first?.url == "https://exemple.test/mentions")
        #expect(platforms.first?.name == "Exemple *étoile* [2*3]")
    }

    @Test func providersRejectUnknownRunsOnAndSharedAliases() throws {
        let base = """
            providers:
              - id: a
                name: A Cloud
                aliases: [A Cloud SAS]
                country: FR
                usControlled: false
                runsOn: [b]
                hds: { status: certified }
                secNumCloud: { status: none }
                sources: [{ fact: identity, url: "https://a.test", date: 2026-11-22 }]
            """
        #expect(throws: InputError.self) { try ProviderList.parse(text: base, file: "p.yml") }
        do { _ = try ProviderList.parse(text: base, file: "p.yml") } catch { #expect(error.description.contains("runsOn names 'b'")) }
        let shared = base.replacingOccurrences(of: "runsOn: [b]", with: "runsOn: []") + "\n" + base
            .split(separator: "\n").dropFirst().joined(separator: "\n")
            .replacingOccurrences(of: "id: a", with: "id: b").replacingOccurrences(of: "name: A Cloud", with: "name: B Cloud")
            .replacingOccurrences(of: "runsOn: [b]", with: "runsOn: []")
        do {
            _ = try ProviderList.parse(text: shared, file: "p.yml")
            Issue.record("shared alias accepted")
        } catch {
            #expect(error.description.contains("alias 'A Cloud SAS' is also an alias of 'a'"))
        }
    }
}

@Suite struct RegistryTests {
    /// The clock these tests inject; each test also runs a thousand days before and after it, since the registries'
    /// dates below are written relative to the day the check is made.
    static let clock = Date(timeIntervalSince1970: 1_795_316_400)
    static let days = [0, -1_000, 1_000].map { TestDays.iso(clock, plus: $0) }

    /// The registries as they stand on `today`: OVH certified until later, Old Host expired long ago, Ghost unknown.
    struct Registries {
        let today: String
        var ovhValidUntil: String { Self.day(today, 220) }
        var oldExpired: String { Self.day(today, -660) }
        var beforeOldExpired: String { Self.day(today, -690) }

        var hds: String {
            """
            provider,name,scope,valid_until,source,as_of
            ovh,OVH SAS,"infrastructure, infogérance",\(ovhValidUntil),https://registry.test/hds,\(Self.day(today, -21))
            old,Old Host SAS,infogérance,\(oldExpired),https://registry.test/hds,\(Self.day(today, -21))
            ghost,Ghost SAS,infogérance,,https://registry.test/hds,\(Self.day(today, -21))
            """
        }
        var secNumCloud: String {
            """
            provider,offer,qualified_since,valid_until,source,as_of
            ovh,Hosted Private Cloud,\(Self.day(today, -1_786)),,https://registry.test/snc,\(Self.day(today, -21))
            """
        }
        var providers: String {
            """
            providers:
              - id: ovh
                name: OVHcloud
                aliases: [OVH SAS]
                country: FR
                usControlled: false
                hds: { status: certified }
                secNumCloud: { status: none }
                sources:
                  - { fact: identity, url: "https://ovh.test", date: \(today) }
                  - { fact: usControlled, url: "https://ovh.test", date: \(today) }
                  - { fact: hds, url: "https://ovh.test", date: \(today) }
              - id: old
                name: Old Host
                aliases: [Old Host SAS]
                country: FR
                usControlled: false
                hds: { status: certified }
                secNumCloud: { status: none }
                sources: [{ fact: identity, url: "https://old.test", date: \(today) }]
            """
        }

        private static func day(_ day: String, _ offset: Int) -> String { TestDays.iso(day, plus: offset) }

        func catalog(_ directory: TemporaryDirectory) throws -> ProviderCatalog {
            _ = try directory.write("hds.csv", hds)
            _ = try directory.write("secnumcloud.csv", secNumCloud)
            let path = try directory.write("providers.yml", providers)
            return try ProviderList.load(path: path).with(RegistryFiles.load(directory: directory.url.path))
        }
    }

    @Test(arguments: days)
    func registriesDecideCertificationAndExpiry(today: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registries = Registries(today: today)
        let catalog = try registries.catalog(directory)
        #expect(catalog.hdsCertification(of: "ovh", on: today).certified)
        #expect(catalog.hdsCertification(of: "ovh", on: today).entry?.validUntil == registries.ovhValidUntil)
        #expect(!catalog.hdsCertification(of: "old", on: today).certified, "expired on \(registries.oldExpired)")
        #expect(catalog.hdsCertification(of: "old", on: registries.beforeOldExpired).certified)
        #expect(catalog.secNumCloudQualification(of: "ovh", on: today).qualified, "the registry wins over providers.yml")
    }

    @Test(arguments: days)
    func knowledgeCheckFindsWhatIsWrong(today: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registries = Registries(today: today)
        let problems = KnowledgeCheck.problems(catalog: try registries.catalog(directory), on: today)
        #expect(problems.contains("providers.yml: ovh: no source for 'secNumCloud'"))
        #expect(problems.contains("providers.yml: old: no source for 'hds'"))
        #expect(problems.contains { $0.hasPrefix("hds.csv:3: old") && $0.contains("expired on \(registries.oldExpired)") })
        #expect(problems.contains("hds.csv:4: provider 'ghost' is not in providers.yml"))
        #expect(problems.contains("hds.csv: old: providers.yml says yes, the registry says no"))
        #expect(problems.contains("secnumcloud.csv: ovh: providers.yml says no, the registry says yes"))
    }

    @Test func shippedKnowledgePassesTheCheck() throws {
        let catalog = try ProviderList.load(path: Fixtures.inputs + "/providers.yml")
            .with(RegistryFiles.load(directory: Fixtures.inputs + "/registries"))
        // The shipped registries hold real dates: they are checked on the day the tests inject.
        #expect(KnowledgeCheck.problems(catalog: catalog, on: TestDays.iso(Self.clock)) == [])
    }

    @Test func badRegistryRowsNameTheLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("hds.csv", "provider,name,valid_until,source,as_of\novh,OVH SAS,30/06/2027,https://r.test,2026-11-01\n")
        do {
            _ = try RegistryFiles.load(directory: directory.url.path)
            Issue.record("bad date accepted")
        } catch {
            #expect(error.description.hasSuffix("hds.csv:2: valid_until: '30/06/2027' is not a date YYYY-MM-DD"))
        }
    }
}
