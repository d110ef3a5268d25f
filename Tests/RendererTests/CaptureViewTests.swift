import Foundation
@testable import Renderer
import SovereigntyModel
import Testing

/// Evidence a reader can check: a quote's link opens the text the extractor read, at the marked sentence.
@Suite struct CaptureViewTests {
    @Test func quotesAreMarkedAndOnlyTheFirstOccurrenceCarriesTheAnchor() {
        let quote = "Les données sont hébergées par OVH SAS."
        let inner = "OVH SAS"
        let marks = CaptureMarks(
            [ReadableBlock(text: "Titre", isHeading: true), ReadableBlock(text: "Avant. \(quote) Après. \(quote)", isHeading: false)],
            quotes: [quote, inner, "Absente de la page."])
        let segments = marks.blocks[1].segments
        #expect(marks.blocks[0].heading && marks.blocks[0].segments == [.init(text: "Titre", mark: false)])
        #expect(segments.filter(\.mark).map(\.text) == [quote, quote], "the longer quote wins over the one inside it")
        #expect(segments.compactMap(\.id) == [CaptureMarks.anchor(quote)])
        #expect(segments.map(\.text).joined() == "Avant. \(quote) Après. \(quote)", "no word lost or added")
        #expect(marks.anchors == [CaptureMarks.anchor(quote)], "a quote not in the text gets no anchor to land on")
        #expect(CaptureMarks.anchor(quote) == CaptureMarks.anchor(quote) && CaptureMarks.anchor(quote) != CaptureMarks.anchor(inner))
        #expect(CaptureMarks.anchor(quote).count == 18 && CaptureMarks.anchor(quote).hasPrefix("q-"))
    }

    @Test(arguments: ["", "en/"])
    func aQuoteLinksToItsMarkedSentenceInTheReadableCopy(folder: String) throws {
        let (cards, content) = try SampleSite.build()
        let site = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: site) }
        let quote = SampleSite.quote("OVH SAS")
        let anchor = CaptureMarks.anchor(quote)
        let platform = try SampleSite.read(site, folder + "platforms/souverain.html")
        #expect(platform.contains("<a href=\"../captures/\(SampleSite.digest).html#\(anchor)\">"))
        let view = try SampleSite.read(site, folder + "captures/\(SampleSite.digest).html")
        #expect(view.contains("<h2>Hébergement</h2>"))
        #expect(view.contains("<p>Préambule. <mark id=\"\(anchor)\">\(quote)</mark> Fin.</p>"))
        #expect(view.contains("<a href=\"\(folder.isEmpty ? "../" : "../../")captures/\(SampleSite.digest).txt\" download>"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("captures/\(SampleSite.digest).txt").path), "the raw copy stays")
    }
}
