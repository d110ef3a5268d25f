import Foundation
@testable import Renderer
import Scorecard
import Testing

/// A newcomer offline, and a site published without a contact or a public source: the pages say what happened and
/// what to do.
@Suite struct FirstRunTests {
    @Test func theNoticeNamesTheMostCommonReasonOnlyWhenNothingWasRead() throws {
        let (cards, _) = try SampleSite.build()
        let unread = cards.filter { $0.level == .unrated }
        #expect(NothingReadNotice(cards, failureReasons: ["dns": 1]) == nil, "some documents were read")
        let notice = try #require(NothingReadNotice(unread + unread, failureReasons: ["refused": 2, "dns": 2, "timeout": 1]))
        #expect(notice.reason == "dns" && notice.count == 2 && notice.total == 2, "a tie goes to the first name, so the run always says the same")
        #expect(NothingReadNotice([], failureReasons: ["dns": 1]) == nil)
    }

    @Test func theSummarySaysWhyInTheReadersLanguageWithTheRightNumber() throws {
        var (cards, content) = try SampleSite.build()
        cards = cards.filter { $0.level == .unrated }
        content.failureReasons = ["dns": 1]
        let site = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: site) }
        let french = try SampleSite.read(site, "index.html")
        #expect(french.contains("Raison la plus fréquente (1 document) : le nom du site n'a pas pu être résolu"))
        let english = try SampleSite.read(site, "en/index.html")
        #expect(english.contains("Most common reason (1 document): the site's name could not be resolved"))
    }

    @Test func repositoryPathsLinkToThePublicSourceWhenGiven() throws {
        var (cards, content) = try SampleSite.build()
        content.registries = [RegistrySource(kind: .hds, file: "Inputs/registries/hds.csv", registry: nil)]
        let plain = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: plain) }
        #expect(try SampleSite.read(plain, "about.html").contains("<code>Inputs/corrections.yml</code>"))
        #expect(try SampleSite.read(plain, "about.html").contains("make run CONTACT=https://"), "no contact: the page says how to set one")

        content.sourceURL = "https://code.example/sovereignty/blob/main"
        content.contact = "mailto:ecrire@example.org"
        let linked = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: linked) }
        for page in ["about.html", "en/about.html"] {
            let about = try SampleSite.read(linked, page)
            #expect(about.contains("<a href=\"https://code.example/sovereignty/blob/main/Inputs/corrections.yml\"><code>Inputs/corrections.yml</code></a>"))
            #expect(about.contains("<a href=\"mailto:ecrire@example.org\">") && !about.contains("CONTACT="))
        }
        let methodology = try SampleSite.read(linked, "methodology.html")
        #expect(methodology.contains("href=\"https://code.example/sovereignty/blob/main/Inputs/registries/hds.csv\""))
        #expect(methodology.contains("href=\"https://code.example/sovereignty/blob/main/Inputs/providers.yml\""))
    }
}
