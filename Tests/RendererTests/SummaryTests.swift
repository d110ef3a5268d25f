import Foundation
@testable import Renderer
import Scorecard
import Testing

/// The summary answers the question at a glance: counts, a chart of the levels with its numbers and a text
/// alternative, US exposure as an icon and words, and rows that become cards on a phone.
@Suite struct SummaryTests {
    @Test func theHeadlineCountsWhatMatters() throws {
        let (cards, _) = try SampleSite.build()
        let figures = SummaryFigures(cards)
        let rated = cards.filter { $0.level != .unrated }
        #expect(figures.total == cards.count && figures.assessed == rated.count && figures.notAssessed == 1)
        #expect(figures.usReachable == rated.count { $0.cloudActExposed == true } && figures.usReachable == 2, "two platforms on AWS")
        #expect(figures.secNumCloud == rated.count { $0.secNumCloud.status == "qualified" })
        #expect(figures.hdsNamed == rated.count { $0.hds.status == "certified-host-named" } && figures.hdsNamed >= 1)
        #expect(figures.byLevel.map(\.count).reduce(0, +) == cards.count)
        #expect(figures.byLevel.last?.level == .unrated && figures.byLevel.last?.count == 1)
    }

    @Test func theChartDrawsEveryLevelWithItsNumber() {
        let chart = LevelChart(
            [("A+", "a-plus", "w", 0), ("B", "b", "w", 1), ("D", "d", "w", 400)], describe: { level, _, count in "\(level)=\(count)" })
        #expect(chart.bars.map(\.width) == [0, 3, LevelChart.barSpace], "empty level: no bar; one platform still shows; largest fills")
        #expect(chart.bars.map(\.count) == [0, 1, 400])
        #expect(Set(chart.bars.map(\.y)).count == 3 && chart.height == 3 * LevelChart.rowHeight)
        #expect(chart.bars.allSatisfy { $0.countX > chart.barX + $0.width - 1 && $0.countX < chart.width })
        #expect(chart.description == "A+=0 ; B=1 ; D=400")
    }

    @Test(arguments: [("index.html", "En bref", "exposé au droit américain"), ("en/index.html", "At a glance", "exposed to US law")])
    func theSummaryPageShowsFiguresChartAndExposure(page: String, heading: String, exposed: String) throws {
        let (cards, content) = try SampleSite.build()
        let site = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: site) }
        let html = try SampleSite.read(site, page)
        let band = html.components(separatedBy: "<section class=\"headline\"")[1].components(separatedBy: "</section>")[0]
        #expect(band.contains(heading))
        #expect(band.contains("<strong>\(SummaryFigures(cards).usReachable)</strong>"))
        // The chart: an image with a title and a description that says every level's count, numbers drawn on it.
        #expect(band.contains("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\""))
        let description = band.components(separatedBy: "<desc id=\"chart-desc\">")[1].components(separatedBy: "</desc>")[0]
        for rule in Rubric.levels { #expect(description.contains(rule.level.badge)) }
        #expect(band.components(separatedBy: "class=\"chart-count\"").count - 1 == Rubric.levels.count)
        // Exposure: the words, with a class whose icon the stylesheet draws (no markup for screen readers to skip).
        #expect(html.contains("<span class=\"exposure exposure-yes\">\(exposed)</span>"))
        // Cards on a phone: every cell names its column, and the hosts link to their provider.
        #expect(html.contains("data-label="))
        #expect(!html.contains("{{") && !html.contains("}}"))
    }
}
