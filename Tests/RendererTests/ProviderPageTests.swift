import Foundation
@testable import Renderer
import Scorecard
import SovereigntyModel
import Testing

/// "Which services put health data at AWS?": a page per provider, with who controls it, what the registries say,
/// and every service that names it with its role and the sentence; every host name links there.
@Suite struct ProviderPageTests {
    @Test(arguments: [("", "exposé au droit américain", "Services qui le nomment"), ("en/", "exposed to US law", "Services that name it")])
    func eachProviderHasAPageListingTheServicesThatNameIt(folder: String, exposed: String, servicesHeading: String) throws {
        let (cards, content) = try SampleSite.build()
        let site = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: site) }
        let index = try SampleSite.read(site, folder + "providers/index.html")
        #expect(index.contains("<a href=\"aws.html\">Amazon Web Services</a>") && index.contains("<a href=\"ovh.html\">OVHcloud</a>"))
        let aws = try SampleSite.read(site, folder + "providers/aws.html")
        #expect(aws.contains("Amazon.com, Inc. (US)") && aws.contains("\">\(exposed)</span>") && aws.contains(servicesHeading))
        let users = cards.filter { $0.hosts.contains { $0.provider == "aws" } }
        #expect(users.count == 2)
        for card in users {
            #expect(aws.contains("<a href=\"../platforms/\(card.id).html\">\(card.name)</a>"))
        }
        #expect(!aws.contains("platforms/souverain.html"), "a service that does not name AWS is not listed")
        // One sentence, once per service, however many roles it supports.
        let quote = SampleSite.quote("Amazon Web Services EMEA")
        #expect(aws.components(separatedBy: "<blockquote lang=\"fr\">\(quote)</blockquote>").count - 1 == users.count)
        // Where our knowledge comes from, with its date.
        let ovh = try SampleSite.read(site, folder + "providers/ovh.html")
        #expect(ovh.contains("<a href=\"https://ovh.example.test/legal\">https://ovh.example.test/legal</a>"))
        // Host names link to their provider from the ranking and from the platform page.
        #expect(try SampleSite.read(site, folder + "index.html").contains("<a href=\"providers/aws.html\">Amazon Web Services</a>"))
        #expect(try SampleSite.read(site, folder + "platforms/expose.html").contains("<h3><a href=\"../providers/aws.html\">Amazon Web Services</a>"))
        #expect(try SampleSite.read(site, folder + "about.html").contains("href=\"providers/index.html\""), "in the navigation of every page")
    }

    @Test func aSentenceReadTwiceIsOneQuoteWithTwoSources() throws {
        let site = ViewBuilder(
            escaping: .html, strings: try Strings(language: .fr, templatesPath: SampleSite.templates), content: SiteContent(generatedAt: "x"),
            categorySlugs: [:])
        let sentence = SampleSite.quote("OVH SAS")
        let evidence = [
            Evidence(url: "https://a.test/cgu", quote: sentence, section: nil, fetchedAt: "t1"),
            Evidence(url: "https://a.test/other", quote: "Autre phrase.", section: nil, fetchedAt: "t1"),
            Evidence(url: "https://a.test/mentions", quote: sentence, section: "Hébergement", fetchedAt: "t1"),
        ]
        let quotes = site.quotes(evidence, captures: CaptureLinks([]))
        #expect(quotes.map(\.quote) == [sentence, "Autre phrase."])
        #expect(quotes[0].sources.map(\.url) == ["https://a.test/cgu", "https://a.test/mentions"])
    }

    /// A sentence shown once says every role it gives the host, gathered from each place it was read.
    @Test func aQuoteSaysEveryRoleItSupports() throws {
        let site = ViewBuilder(
            escaping: .html, strings: try Strings(language: .en, templatesPath: SampleSite.templates), content: SiteContent(generatedAt: "x"),
            categorySlugs: [:])
        let sentence = SampleSite.quote("OVH SAS")
        let evidence = [
            Evidence(url: "https://a.test/cgu", quote: sentence, section: nil, fetchedAt: "t1", roles: [.healthData]),
            Evidence(url: "https://a.test/mentions", quote: sentence, section: nil, fetchedAt: "t1", roles: [.website, .unspecified]),
            Evidence(url: "https://a.test/other", quote: "Autre phrase.", section: nil, fetchedAt: "t1"),
        ]
        let quotes = site.quotes(evidence, captures: CaptureLinks([]))
        let words = try Strings(language: .en, templatesPath: SampleSite.templates)
        let both = [HostRole.website, .healthData].map { words("roles.\($0.rawValue)") }.joined(separator: ", ")
        #expect(quotes[0].sentenceRoles == both)
        #expect(quotes[1].sentenceRoles == nil, "evidence that is not a host's names no role")
        // Under a host whose roles the page already states, a sentence that gives exactly those says nothing more.
        #expect(site.quotes(evidence, captures: CaptureLinks([]), besides: both)[0].sentenceRoles == nil)
        #expect(site.quotes(evidence, captures: CaptureLinks([]), besides: words("roles.website"))[0].sentenceRoles == both)
    }
}
