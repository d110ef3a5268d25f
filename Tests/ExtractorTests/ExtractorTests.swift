@testable import Extractor
import Foundation
import InputFiles
import SovereigntyModel
import Testing
import TestSupport

/// libxml2 on real HTML pages that we wrote, modelled on the patterns of French legal notices.
@Suite struct ExtractorTests {
    let extractor: Extractor

    init() throws {
        extractor = Extractor(catalog: try ProviderList.load(path: Fixtures.providers))
    }

    func findings(_ page: String, charset: String? = "utf-8") throws -> DocumentFindings {
        extractor.extract(html: try Fixtures.page(page), charset: charset, url: "http://127.0.0.1/\(page)", fetchedAt: "2026-11-22T03:00:00Z")
    }

    func findings(html: String) -> DocumentFindings {
        extractor.extract(html: Data(html.utf8), charset: "utf-8", url: "http://127.0.0.1/inline", fetchedAt: "2026-11-22T03:00:00Z")
    }

    func hostRoles(_ findings: DocumentFindings) -> [String: [HostRole]] {
        Dictionary(findings.hosts.map { ($0.providerID ?? $0.asWritten, $0.roles) }, uniquingKeysWith: { $0 + $1 })
    }

    @Test func sentenceSplitByInlineTagsAndInvisibleCharacters() throws {
        let result = try findings("split-sentence.html")
        #expect(hostRoles(result) == ["clever-cloud": [.website, .healthData]])
        let quote = try #require(result.hosts.first?.evidence.first?.quote)
        #expect(quote.hasPrefix("Le site et les données sont hébergés par Clever Cloud SAS, certifié HDS"))
        #expect(!quote.contains("\u{00AD}") && !quote.contains("\u{200B}") && !quote.contains("\u{00A0}"))
        #expect(result.hds.first?.providerIDs == ["clever-cloud"])
    }

    /// Long paragraphs are scanned as two halves at once; a hosting sentence is found wherever it sits, the middle
    /// included, and paragraphs with nothing to find still count in the page's text length.
    @Test func hostingSentenceIsFoundAnywhereInALongParagraph() {
        let sentence = "Le site est hébergé par OVH SAS à Roubaix."
        // ASCII only, so that a cut at any byte leaves whole characters.
        let filler = "Les utilisateurs acceptent les presentes conditions generales d'utilisation du service. "
        let plain = "<p>" + String(repeating: filler, count: 30) + "</p>"
        let total = 2400
        for start in stride(from: total / 2 - sentence.utf8.count - 4, through: total / 2 + 4, by: 1) {
            let before = String(String(repeating: filler, count: 40).utf8.prefix(start))!
            let after = String(String(repeating: filler, count: 40).utf8.prefix(total - start - sentence.utf8.count))!
            let result = findings(html: "<html><body>\(plain)<p>\(before)\(sentence) \(after)</p>\(plain)</body></html>")
            #expect(result.hosts.map(\.providerID) == ["ovhcloud"], "sentence at byte \(start)")
            #expect(result.dataLocations.map(\.location) == [.france], "sentence at byte \(start)")
            #expect(result.textLength > 2 * plain.utf8.count, "sentence at byte \(start)")
        }
    }

    @Test func cookieBannerBrandsAreNotHosts() throws {
        let result = try findings("cookie-banner.html")
        #expect(result.hosts.map(\.providerID) == ["ovhcloud"])
    }

    @Test(arguments: [("latin1.latin1.html", "ISO-8859-1" as String?), ("latin1-meta.nocharset.html", nil)])
    func latin1Pages(page: String, charset: String?) throws {
        let result = try findings(page, charset: charset)
        let quote = try #require(result.hosts.first?.evidence.first?.quote)
        #expect(quote == "Le site et les données de santé sont hébergés par Clever Cloud SAS, hébergeur certifié HDS, à Nantes (France).")
        #expect(Set(result.dataLocations.map(\.location)) == [.france])
    }

    /// A page's charset as browsers read it: a byte-order mark wins over the header, and the page's own `<meta>` is read
    /// before parsing even when an accented title comes first (libxml2 switching encodings there lost the page).
    @Test(arguments: ["UTF-16LE", "UTF-16BE", "UTF-8"])
    func byteOrderMarkWinsOverTheHeader(encoding: String) throws {
        let page = "<html><head><title>Mentions légales</title></head><body><p>Le site est hébergé par OVH SAS à Roubaix.</p></body></html>"
        let (mark, body): ([UInt8], Data) =
            switch encoding {
            case "UTF-16LE": ([0xFF, 0xFE], page.data(using: .utf16LittleEndian)!)
            case "UTF-16BE": ([0xFE, 0xFF], page.data(using: .utf16BigEndian)!)
            default: ([0xEF, 0xBB, 0xBF], Data(page.utf8))
            }
        let result = extractor.extract(html: Data(mark) + body, charset: "iso-8859-1", url: "http://127.0.0.1/bom", fetchedAt: "2026-11-22T03:00:00Z")
        #expect(result.hosts.map(\.providerID) == ["ovhcloud"], "\(encoding)")
        #expect(result.hosts.first?.evidence.first?.quote == "Le site est hébergé par OVH SAS à Roubaix.")
    }

    @Test func metaCharsetAfterAnAccentedTitleIsHonoured() {
        let page = "<html><head><title>Mentions légales</title><meta charset=\"UTF-8\"></head><body><p>Hébergeurs :<br>OVH (RCS Lille)<br>Amazon Cloud (EC2)</p></body></html>"
        let result = extractor.extract(html: Data(page.utf8), charset: nil, url: "http://127.0.0.1/meta", fetchedAt: "2026-11-22T03:00:00Z")
        #expect(Set(result.hosts.compactMap(\.providerID)) == ["ovhcloud", "aws"])
        #expect(result.hosts.allSatisfy { $0.roles == [.website] }, "a legal notice's host block names the website's hosts")
    }

    @Test func listOfProvidersAfterAHostingSentence() throws {
        let result = try findings("level-c.html")
        // Each item keeps what the introduction said ("le site est hébergé par") and adds its own role; a CDN is only a CDN.
        #expect(hostRoles(result) == ["scalingo": [.website, .application], "cloudflare": [.cdn], "ovhcloud": [.website]])
        #expect(result.hds.count == 1)
        #expect(result.hds.first?.namesHost == false)
        #expect(result.dataLocations.map(\.location) == [.europeanUnion])
    }

    /// "les hébergeurs certifiés HDS suivants :" announces the hosts; the certification's name is none of them.
    @Test func aCertificationBeforeAListIsNoHost() {
        let result = findings(html: """
            <h2>Hébergement</h2><p>Les données de santé sont hébergées chez les hébergeurs certifiés HDS suivants :</p>
            <ul><li>OVHcloud, à Roubaix (France)</li><li>Exemple Nuage SAS, à Lyon (France)</li></ul>
            """)
        #expect(result.hosts.map(\.asWritten).sorted() == ["Exemple Nuage SAS", "OVHcloud"], "\(result.hosts.map(\.asWritten))")
    }

    /// A ban on using the pages names no host, though its words say they are hosted somewhere.
    @Test func aBanOnScrapingThePagesNamesNoHost() {
        let result = findings(html: """
            <h2>Propriété intellectuelle</h2><p>Il est strictement interdit d'aspirer, de manière automatisée ou non, les annonces \
            des pages hébergées par Exemple Annonces, à l'aide de robots ou de tout autre outil.</p>
            <h2>Hébergement</h2><p>Le site est hébergé par OVH SAS, 2 rue Kellermann, 59100 Roubaix.</p>
            """)
        #expect(result.hosts.map { $0.providerID ?? $0.asWritten } == ["ovhcloud"], "\(result.hosts.map(\.asWritten))")
    }

    /// Access from the US that "cannot be ruled out", and the Data Privacy Framework's notice of requests by public
    /// authorities, disclose exposure and say the data may leave the EU, beside the EU servers the page names.
    @Test func accessFromAbroadPlacesTheDataOutsideTheEUToo() {
        let reach = findings(html: """
            <h2>Destinataires</h2><p>Nos données sont hébergées par Exemple Nuage SAS sur des serveurs situés dans l'Union européenne. \
            Sa maison mère étant établie aux États-Unis, un accès aux données depuis les États-Unis ne peut être exclu.</p>
            """)
        #expect(Set(reach.dataLocations.map(\.location)) == [.europeanUnion, .outsideEU], "\(reach.dataLocations.map(\.location))")
        #expect(reach.exposureDisclosures.count == 1)
        let framework = findings(html: """
            <h2>Transferts</h2><p>Nous pouvons être tenus de communiquer des informations reçues dans le cadre du Data Privacy \
            Framework en réponse à des demandes légitimes d'autorités publiques.</p>
            """)
        #expect(framework.dataLocations.map(\.location) == [.outsideEU] && framework.exposureDisclosures.count == 1)
    }

    @Test func genericClausesAndAnalyticsAreNotHosts() throws {
        #expect(try findings("level-e.html").hosts.isEmpty)
    }

    @Test func brandOnlyHostAndDisclosedExposure() throws {
        let result = try findings("privacy-aws.html")
        #expect(hostRoles(result) == ["aws": [.healthData]])
        #expect(result.hosts.first?.asWritten == "AWS")
        #expect(result.exposureDisclosures.count == 1)
        #expect(result.dataLocations.map(\.location) == [.europeanUnion], "a parent company's seat is not a data location")
    }

    /// A name glued to the word before it by PDF extraction is still found; the same letters inside a longer
    /// upper-case name are another company's name.
    @Test func aNameInsideAnUpperCaseWordIsNotTheProvider() {
        let glued = findings(html: "<p>Le site est hébergé parOVH, 2 rue Kellermann, Roubaix.</p>")
        #expect(glued.hosts.map(\.providerID) == ["ovhcloud"])
        let inside = findings(html: "<p>Le site est hébergé par NUAGEOVH SAS, 3 rue des Exemples, Lyon.</p>")
        #expect(!inside.hosts.contains { $0.providerID == "ovhcloud" }, "\(inside.hosts)")
    }

    @Test func unknownProviderKeptAsWrittenWithCountry() throws {
        let result = try findings("xss-host.html")
        let host = try #require(result.hosts.first)
        #expect(host.providerID == nil)
        #expect(host.asWritten.hasPrefix("Evil<script>alert"))
        #expect(host.country == "US")
    }

    @Test func endToEndAndNoKeysAreZeroKnowledgeClaims() throws {
        #expect(try findings("level-a-plus.html").zeroKnowledge.count == 1)
        let atRest = findings(html: "<p>Les données sont chiffrées au repos avec AES-256 par notre hébergeur.</p>")
        #expect(atRest.zeroKnowledge.isEmpty)
        let denied = findings(html: "<p>Les messages ne sont pas chiffrés de bout en bout.</p>")
        #expect(denied.zeroKnowledge.isEmpty)
    }

    struct SecNumCloudCase: Sendable, CustomTestStringConvertible {
        var sentence: String
        var kind: SecNumCloudMention.Kind
        var testDescription: String { sentence }
    }

    @Test(arguments: [
        SecNumCloudCase(sentence: "OVH SAS ne détient pas, à ce jour, la qualification SecNumCloud.", kind: .denied),
        SecNumCloudCase(sentence: "Notre hébergeur n'est pas qualifié SecNumCloud.", kind: .denied),
        SecNumCloudCase(sentence: "La qualification SecNumCloud de notre hébergeur est en cours.", kind: .inProgress),
        SecNumCloudCase(sentence: "Nous visons la qualification SecNumCloud prochainement.", kind: .inProgress),
        SecNumCloudCase(sentence: "Les données sont hébergées chez OVH SAS sur une offre qualifiée SecNumCloud.", kind: .claimed),
    ])
    func secNumCloudNegativeAndFutureAreNotClaims(_ example: SecNumCloudCase) {
        let result = findings(html: "<h2>Hébergement</h2><p>\(example.sentence)</p>")
        #expect(result.secNumCloud.map(\.kind) == [example.kind])
    }

    /// A heading is the legal notice's host block as a label is: the bare company paragraph under "Hébergeur" is the
    /// site's host (LCEN art. 6), and a heading that names what is hosted keeps that role.
    @Test func aHostHeadingOverABareCompanyNamesTheSitesHost() {
        let bare = findings(html: "<h2>Hébergeur</h2><p>OVH SAS, 2 rue Exemple, 59100 Roubaix, RCS Lille 000 000 000.</p>")
        #expect(hostRoles(bare) == ["ovhcloud": [.website]])
        let named = findings(html: "<h2>Hébergement des données de santé</h2><p>OVH SAS, 2 rue Exemple, 59100 Roubaix, RCS Lille 000 000 000.</p>")
        #expect(hostRoles(named) == ["ovhcloud": [.healthData]])
        let sentence = findings(html: "<h2>Hébergement</h2><p>Notre prestataire d'hébergement est OVH SAS.</p>")
        #expect(hostRoles(sentence) == ["ovhcloud": [.website]])
        let passing = findings(html: "<h2>Hébergement</h2><p>L'offre retenue est couverte par le certificat HDS d'OVH SAS.</p>")
        #expect(hostRoles(passing) == ["ovhcloud": [.unspecified]])
    }

    @Test func hdsDeniedIsNotAClaim() {
        let result = findings(html: "<p>Le site est hébergé par OVH SAS, qui n'est pas certifié HDS.</p>")
        #expect(result.hds.isEmpty)
        #expect(result.hosts.map(\.providerID) == ["ovhcloud"])
    }

    @Test(arguments: ["level-a-plus.html", "level-a.html", "level-b.html", "level-c.html", "level-d.html", "privacy-aws.html", "cookie-banner.html", "split-sentence.html"])
    func everyQuoteIsVerbatimPageText(page: String) throws {
        let html = try Fixtures.page(page)
        let text = extractor.visibleText(html: html, charset: "utf-8").replacingOccurrences(of: "\n", with: " ")
        let result = try findings(page)
        let evidence = result.hosts.flatMap(\.evidence) + result.hds.map(\.evidence) + result.secNumCloud.map(\.evidence)
            + result.zeroKnowledge + result.dataLocations.map(\.evidence) + result.exposureDisclosures
        #expect(!evidence.isEmpty)
        for item in evidence {
            #expect(!item.quote.isEmpty && item.quote.count <= Evidence.maximumQuoteLength)
            #expect(text.contains(item.quote), "not verbatim: \(item.quote)")
            #expect(item.fetchedAt == "2026-11-22T03:00:00Z")
        }
    }

    @Test func longSentenceIsCutAroundTheHost() {
        let filler = String(repeating: "conformément aux dispositions applicables en vigueur ", count: 12)
        let result = findings(html: "<p>Le site est hébergé, \(filler), par OVH SAS, \(filler).</p>")
        let quote = result.hosts.first?.evidence.first?.quote ?? ""
        #expect(quote.count <= Evidence.maximumQuoteLength)
        #expect(quote.contains("OVH SAS"))
    }

    /// One paragraph naming a provider thousands of times, with or without full stops ("S.A.S." is not the end of a
    /// sentence): every mention used to look at the whole sentence again (8 000 "hébergé chez Amazon Web Services, "
    /// took 30 s). Four times the text must take well under sixteen times as long; the bound is loose, for a busy
    /// machine.
    @Test(.timeLimit(.minutes(1)), arguments: [("hébergé chez Amazon Web Services, ", 2_000, "aws"), ("hébergé chez OVH SAS. ", 1_000, "ovhcloud")])
    func mentionDenseParagraphIsReadInLinearTime(_ phrase: String, _ count: Int, _ provider: String) throws {
        func timed(_ repeats: Int) -> (DocumentFindings, Double) {
            let html = "<html><body><p>" + String(repeating: phrase, count: repeats) + "</p></body></html>"
            let start = DispatchTime.now().uptimeNanoseconds
            let result = findings(html: html)
            return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        _ = timed(count / 10)  // warm up
        let (small, smallSeconds) = timed(count)
        let (large, largeSeconds) = timed(4 * count)
        #expect(small.hosts.map(\.providerID) == [provider] && large.hosts.map(\.providerID) == [provider])
        #expect(largeSeconds < 8 * smallSeconds + 1, "\(count)×: \(smallSeconds) s, \(4 * count)×: \(largeSeconds) s")
    }

    @Test func overlongSentenceIsCutIntoPiecesAtClauseEnds() {
        let clause = "les données sont hébergées chez un prestataire établi en France"
        let sentence = (0..<100).map { "\(clause) \($0)" }.joined(separator: "; ") + ", " + String(repeating: "x", count: 3_000)
        let text = Substring(sentence)
        let pieces = SentenceSplitter.pieces(of: text.startIndex..<text.endIndex, in: text, maximumLength: 1_000)
        #expect(pieces.count > 5)
        #expect(pieces.allSatisfy { text.utf8[$0].count <= 1_000 })
        #expect(pieces.prefix(5).allSatisfy { text[$0].hasSuffix(";") }, "cut after a clause while there is one")
        #expect(pieces.map { String(text[$0]) }.joined().filter { $0 != " " } == sentence.filter { $0 != " " }, "no character lost or added")
        let short = Substring(clause)
        #expect(SentenceSplitter.pieces(of: short.startIndex..<short.endIndex, in: short, maximumLength: 1_000) == [short.startIndex..<short.endIndex])
    }

    @Test func flattenedListItemsAreSentencesOfTheirOwn() {
        let line = "Exemples : * Nous gardons vos préférences dans des cookies. * Nous envoyons un e-mail de confirmation. • Nous stockons vos albums. 3 * 4 = 12. Voir p. * note"
        #expect(SentenceSplitter.sentences(in: line) == [
            "Exemples : * Nous gardons vos préférences dans des cookies.", "* Nous envoyons un e-mail de confirmation.",
            "• Nous stockons vos albums.", "3 * 4 = 12.", "Voir p. * note",
        ])
        // Read whole, the e-mail of one item would give the cloud of the other a messaging role.
        let found = findings(html: "<p>Exemples : * Vos dossiers sont stockés chez OVHcloud en France. * Nous vous envoyons un e-mail de confirmation.</p>")
        #expect(hostRoles(found) == ["ovhcloud": [.healthData]])
    }

    @Test func hostilePagesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let random = Data((0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let deep = String(repeating: "<div>", count: 100_000) + "hébergé par OVH SAS" + String(repeating: "</div>", count: 100_000)
        let truncated = "<html><body><h2>Hébergement</h2><p>Le site est hébergé par OVH S"
        for input in [Data(), random, Data(deep.utf8), Data(truncated.utf8), Data([0xFF, 0xFE, 0x00, 0x3C])] {
            _ = extractor.extract(html: input, charset: nil, url: "http://127.0.0.1/x", fetchedAt: "2026-11-22T03:00:00Z")
        }
        let bogusCharset = extractor.extract(html: Data("<p>Le site est hébergé par OVH SAS.</p>".utf8), charset: "x-unknown-charset", url: "u", fetchedAt: "t")
        #expect(bogusCharset.hosts.map(\.providerID) == ["ovhcloud"])
    }
}

/// Each sentence behind a host keeps the roles it gives that host, once, however many mentions quote it.
@Suite struct EvidenceRoleTests {
    private func mention(_ roles: [HostRole], _ quotes: [String]) -> HostFinding {
        HostFinding(
            providerID: "ovh", asWritten: "OVH SAS", roles: roles, country: "FR", parentCountry: nil, address: nil,
            evidence: quotes.map { Evidence(url: "https://a.test/legal", quote: $0, section: nil, fetchedAt: "t") })
    }

    @Test func aSentenceQuotedByTwoMentionsCarriesBothRoles() {
        let merged = HostFinding.merge([
            mention([.website], ["Le site est hébergé par OVH SAS."]),
            mention([.healthData], ["Le site est hébergé par OVH SAS.", "Les données de santé sont chez OVH SAS."]),
            mention([.unspecified], ["Les données de santé sont chez OVH SAS."]),
        ])
        #expect(merged.count == 1)
        #expect(merged[0].evidence.map(\.quote) == ["Le site est hébergé par OVH SAS.", "Les données de santé sont chez OVH SAS."])
        #expect(merged[0].evidence.map(\.roles) == [[.website, .healthData], [.healthData]])
        // Merged again (a platform's documents), the tags stand and nothing repeats.
        let again = HostFinding.merge(merged + merged)
        #expect(again[0].evidence == merged[0].evidence)
    }
}
