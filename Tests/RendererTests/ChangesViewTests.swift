import Foundation
import History
@testable import Renderer
import Testing

/// The changes page and feed stay bounded while every change stays on its platform's feed; days are counted right.
@Suite struct ChangesViewTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates").path

    func builder(generatedAt: String) throws -> ViewBuilder {
        ViewBuilder(
            escaping: .html, strings: try Strings(language: .fr, templatesPath: Self.templates), content: SiteContent(generatedAt: generatedAt),
            categorySlugs: [:])
    }

    /// `count` changes of one platform, newest first, one a day back from `newest`.
    func views(_ count: Int, newest: Int = 0) -> [RunChangeView] {
        (0..<count).map { age in
            let day = Date(timeIntervalSince1970: 1_795_316_400 - Double((newest + age) * 86_400))
            let date = ISO8601DateFormatter().string(from: day)
            return RunChangeView(
                id: "tag:x:\(age)", anchor: "change-\(age)", platformID: "p", platformName: "P", kind: "hostAdded", summary: "s", detail: "d", showsValues: false, subject: "h\(age)", before: "absent",
                after: "présent", since: date, sinceDay: String(date.prefix(10)), confirmedAt: date, beforeEvidence: [], afterEvidence: [],
                hasEvidence: false, hasBeforeEvidence: false, hasAfterEvidence: false)
        }
    }

    @Test func theChangesPageShowsThreeMonthsAndTheFeedTheNewestHundred() throws {
        let site = try builder(generatedAt: "2026-11-22T03:00:00Z")
        let all = views(200)
        let page = site.changes(all)
        #expect(page.changes.count == ViewBuilder.recentDays + 1, "changes confirmed 0…90 days before the run")
        #expect(page.truncation?.contains("\(ViewBuilder.recentDays + 1) changements les plus récents sur 200") == true)
        #expect(site.changesFeed(all).changes.map(\.id) == all.prefix(ViewBuilder.feedLimit).map(\.id))
        #expect(site.platformFeed("p", name: "P", views: all, since: nil).changes.count == 200, "a platform's own feed keeps all its changes")

        let recent = site.changes(views(3))
        #expect(recent.changes.count == 3 && recent.truncation == nil)
        #expect(site.changes(views(ViewBuilder.pageLimit + 10, newest: 0).map { view in
            var same = view
            same.confirmedAt = "2026-11-22T03:00:00Z"
            return same
        }).changes.count == ViewBuilder.pageLimit)
    }

    @Test func aDocumentURLKeepsItsTagIDAndOnlyWhatATagCannotHoldIsEncoded() {
        let url = "https://x.example/cgu?v=2&l=fr%C3%A9"
        #expect(TextEscaping.percentEncoded(url, keeping: ViewBuilder.tagBytes) == url)
        #expect(TextEscaping.percentEncoded("OVH SAS#1 «x»", keeping: ViewBuilder.tagBytes) == "OVH%20SAS%231%20%C2%ABx%C2%BB")
    }

    @Test func daysAreCountedAcrossMonthsYearsAndLeapDays() {
        #expect(ViewBuilder.days(from: "2026-11-01T23:59:59Z", to: "2026-11-22T00:00:00Z") == 21)
        #expect(ViewBuilder.days(from: "2024-02-28T00:00:00Z", to: "2024-03-01T00:00:00Z") == 2)
        #expect(ViewBuilder.days(from: "2025-12-31T12:00:00Z", to: "2026-01-01T00:00:00Z") == 1)
        #expect(ViewBuilder.dayNumber("1970-01-01") == 0 && ViewBuilder.dayNumber("2000-03-01") == 11_017)
        #expect(ViewBuilder.days(from: "later", to: "2026-11-22") == 0 && ViewBuilder.days(from: "2026-11-23", to: "2026-11-22") == 0)
    }
}

/// The site-wide page and feed are built from the newest changes only, and say the same as from all of them.
@Suite struct RecentChangeViewsTests {
    @Test func theNewestChangesGiveTheSamePageAndFeedAsAllOfThem() throws {
        let now = ChangeEntryTests.start.addingTimeInterval(Double(ViewBuilder.pageLimit) * 3_600)
        // Newest first, one an hour back from the run: more than the page shows, all within three months.
        let changes = (0..<(ViewBuilder.pageLimit + 40)).map { age in
            ChangeEntryTests().change(.hostAdded, "H\(age)", since: now.addingTimeInterval(-Double(age) * 3_600), platform: "p\(age % 7)")
        }
        let site = try ChangeEntryTests().builder(.fr, changes: changes, now: now)
        let all = site.changeViews()
        let recent = site.recentChangeViews()
        #expect(recent.views.count == ViewBuilder.pageLimit && recent.total == changes.count)
        let (whole, newest) = (site.changes(all), site.changes(recent.views, total: recent.total))
        #expect(newest.changes.map(\.id) == whole.changes.map(\.id) && newest.groups.map(\.anchor) == whole.groups.map(\.anchor))
        #expect(newest.truncation == whole.truncation && whole.truncation != nil)
        #expect(site.changesFeed(recent.views, total: recent.total).changes.map(\.id) == site.changesFeed(all).changes.map(\.id))
        #expect(site.changeViews(of: ["p3"])["p3"]?.map(\.id) == all.filter { $0.platformID == "p3" }.map(\.id), "a platform's own, in order")
        #expect(site.changeViews(of: ["p3"]).keys.sorted() == ["p3"])
    }
}
