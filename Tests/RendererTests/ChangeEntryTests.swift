import Foundation
@testable import History
@testable import Renderer
import SovereigntyModel
import Testing

/// The changes page reads as events: one entry per platform and run, the level first and its direction in words,
/// hosts leaving and arriving below it, and days counted as people count them.
@Suite struct ChangeEntryTests {
    static let start = Date(timeIntervalSince1970: 1_795_316_400)

    func change(_ kind: Change.Kind, _ subject: String = "", before: String = "", after: String = "", since: Date, platform: String = "p") -> Change {
        Change(
            platformID: platform, platformName: "Plateforme \(platform)", kind: kind, subject: subject, before: before, after: after,
            since: Timestamp.string(since), confirmedAt: Timestamp.string(since), confirmedRunID: 2, beforeEvidence: [], afterEvidence: [])
    }

    func builder(_ language: SiteLanguage, changes: [Change], now: Date) throws -> ViewBuilder {
        var content = SiteContent(generatedAt: Timestamp.string(now))
        content.history = SiteHistory(changes: changes, confirmRuns: 1)
        return ViewBuilder(
            escaping: .html, strings: try Strings(language: language, templatesPath: SampleSite.templates), content: content,
            categorySlugs: [:])
    }

    @Test func oneEntryPerPlatformAndRunWithTheLevelFirst() throws {
        let later = Self.start.addingTimeInterval(86_400)
        let changes = [
            change(.hostAdded, "OVH SAS", since: later), change(.hostRemoved, "Clever Cloud SAS", since: later),
            change(.levelDown, before: "B", after: "D", since: later), change(.levelUp, before: "D", after: "B", since: later, platform: "q"),
            change(.hostAdded, "AWS", since: Self.start),
        ]
        let site = try builder(.fr, changes: changes, now: later)
        let groups = site.groups(site.changeViews())
        #expect(groups.count == 3, "p at the second run, q at the second run, p at the first")
        #expect(groups[0].items.map(\.kind) == ["levelDown", "hostRemoved", "hostAdded"])
        #expect(groups[0].direction == "down" && groups[0].directionWords == "Dégradation")
        #expect(groups[1].direction == "up" && groups[1].directionWords == "Amélioration")
        #expect(groups[2].direction == "neutral" && groups[2].directionWords.isEmpty)
        #expect(Set(groups.map(\.anchor)).count == 3)
        #expect(groups[0].items[1].detail == "Clever Cloud SAS n'est plus cité comme hébergeur")
        #expect(!groups[0].items[1].showsValues, "no « présent » / « absent » for a host")
        #expect(try builder(.en, changes: changes, now: later).changeViews()[1].detail == "Clever Cloud SAS is no longer named as a host")
    }

    @Test(arguments: [(0, nil, nil), (1, "(1 jour)", "(1 day)"), (2, "(2 jours)", "(2 days)")])
    func unreachableDocumentsCountTheirDaysInWords(days: Int, french: String?, english: String?) throws {
        let since = Self.start
        let now = since.addingTimeInterval(Double(days) * 86_400)
        let changes = [change(.documentUnreachable, "https://p.example.test/cgu", before: "ok", after: "unreachable", since: since)]
        let fr = try builder(.fr, changes: changes, now: now).changeViews()[0].summary
        let en = try builder(.en, changes: changes, now: now).changeViews()[0].summary
        #expect(fr.hasPrefix("Plateforme p : https://p.example.test/cgu injoignable depuis le "))
        #expect(!fr.contains("0 jour") && !en.contains("0 day"))
        if let french, let english {
            #expect(fr.hasSuffix(french) && en.hasSuffix(english), "\(fr) / \(en)")
        } else {
            #expect(!fr.contains("(") && !en.contains("("), "on the day itself no duration is said")
        }
        // The day in words, in the page's language, with the month's name from the strings file.
        let month = Int(Timestamp.string(since).dropFirst(5).prefix(2))!
        let strings = try Strings(language: .fr, templatesPath: SampleSite.templates)
        #expect(fr.contains(strings("months.\(DayWords.monthKeys[month - 1])")))
    }

    @Test func daysAreWrittenAsPeopleWriteThem() {
        let month = { (key: String) in key }
        #expect(DayWords.day("2026-03-01T03:00:00Z", reference: "2026-12-02", language: .fr, month: month) == "1er mar")
        #expect(DayWords.day("2026-03-01", reference: "2026-12-02", language: .en, month: month) == "1 mar")
        #expect(DayWords.day("2025-12-03", reference: "2026-01-02", language: .fr, month: month) == "3 dec 2025", "another year is said")
        #expect(DayWords.day("later", reference: "2026-01-02", language: .fr, month: month) == "later")
    }
}
