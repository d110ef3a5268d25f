import Foundation
@testable import Renderer
import Testing

/// A table wider than the screen scrolls inside its own box: that box must be reachable by keyboard and say what it holds.
@Suite struct ScrollContainerTests {
    @Test func everyScrollContainerIsFocusableAndLabelled() throws {
        let (cards, content) = try SampleSite.build()
        let site = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: site) }
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }
        var containers = 0
        for page in pages {
            let html = try SampleSite.read(site, page)
            for opening in html.components(separatedBy: "<div class=\"table-wrap\"").dropFirst() {
                containers += 1
                let tag = opening.prefix { $0 != ">" }
                #expect(tag.contains(" tabindex=\"0\"") && tag.contains(" role=\"region\""), "\(page): \(tag)")
                let label = tag.components(separatedBy: "aria-label=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
                #expect(label.count > 5, "\(page): a scroll container without a label")
            }
        }
        #expect(containers > pages.count, "the ranking, the platform tables and the data files all scroll in a box")
    }
}
