import Foundation
@testable import Renderer
import SovereigntyModel
import Testing

/// A platform's history as a picture and in words: level and score at each run, runs of one day told apart by time,
/// an unrated run as a gap; one sentence quoted once under its host.
@Suite struct TimelineTests {
    @Test func runsOfOneDayAreToldApartByTheirTime() {
        let start = SampleSite.start
        let dates = [start, start.addingTimeInterval(3_600), start.addingTimeInterval(86_400)].map(Timestamp.string)
        let labels = RunLabels.labels(dates)
        #expect(labels[0] != labels[1] && labels[0].hasPrefix(String(dates[0].prefix(10))) && labels[0].count == 16)
        #expect(labels[0].hasSuffix(String(dates[0].dropFirst(11).prefix(5))))
        #expect(labels[2] == String(dates[2].prefix(10)), "a day with one run is just the day")
        let sameMinute = RunLabels.labels([start, start.addingTimeInterval(7)].map(Timestamp.string))
        #expect(sameMinute[0] != sameMinute[1] && sameMinute[0].count == 19, "runs of one minute show their seconds")
    }

    @Test func theChartLeavesAGapForAnUnratedRunAndPutsBetterScoresHigher() {
        let chart = TimelineChart(
            [("B", "b", 70, "d1"), ("D", "d", 30, "d2"), ("–", "unrated", nil, "d3"), ("A", "a", 85, "d4")], describe: { "\($0) \($1) \($2)" })
        #expect(chart.points.map(\.rated) == [true, true, false, true])
        #expect(chart.points[0].y! < chart.points[1].y! && chart.points[3].y! < chart.points[0].y!)
        #expect(chart.line.components(separatedBy: "M").count - 1 == 2 && chart.line.contains("L"), "two segments around the gap")
        #expect(chart.points.map(\.x) == chart.points.map(\.x).sorted() && chart.width > chart.points.last!.x)
        #expect(chart.description == "d1 B 70 ; d2 D 30 ; d3 – – ; d4 A 85")
    }

    @Test(arguments: ["", "en/"])
    func thePlatformPageDrawsItsTimelineAndQuotesEachSentenceOnce(folder: String) throws {
        let start = SampleSite.start
        let (cards, content) = try SampleSite.build(runDates: [start, start.addingTimeInterval(3_600)])
        let site = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: site) }
        let page = try SampleSite.read(site, folder + "platforms/bascule.html")
        let figure = try #require(page.components(separatedBy: "<figure class=\"timeline-chart\">").dropFirst().first?.components(separatedBy: "</figure>").first)
        #expect(figure.contains("<svg role=\"img\" aria-labelledby=\"timeline-title timeline-desc\""))
        #expect(figure.contains("tabindex=\"0\""), "a long history scrolls inside a box the keyboard reaches")
        let time = String(Timestamp.string(start.addingTimeInterval(3_600)).dropFirst(11).prefix(5))
        #expect(figure.contains(time) && page.components(separatedBy: time).count > 2, "the chart and the table both give the time")
        #expect(figure.components(separatedBy: "class=\"point-label\"").count - 1 == 2)
        // The AWS host's sentence supports two roles: it is quoted once.
        let hosts = try #require(page.components(separatedBy: "<section aria-labelledby=\"hebergeurs\">").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(hosts.components(separatedBy: SampleSite.quote("Amazon Web Services EMEA")).count - 1 == 1)
    }
}
