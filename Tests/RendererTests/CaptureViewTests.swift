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
        // One view per capture, at the root, for both languages.
        #expect(platform.contains("<a href=\"\(folder.isEmpty ? "../" : "../../")captures/\(SampleSite.digest).html#\(anchor)\">"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("en/captures").path))
        #expect(
            platform.contains("<a href=\"\(folder.isEmpty ? "../" : "../../")captures/\(SampleSite.digest).txt.gz\">\(SampleSite.digest.prefix(12))…</a>"),
            "the documents table links the raw copy by its short digest")
        let view = try SampleSite.read(site, "captures/\(SampleSite.digest).html")
        #expect(view.contains("<h2>Hébergement</h2>"))
        #expect(view.contains("<p>Préambule. <mark id=\"\(anchor)\">\(quote)</mark> Fin.</p>"))
        #expect(view.contains("<a href=\"../captures/\(SampleSite.digest).txt.gz\" download>"))
        #expect(view.contains("Copie archivée <span lang=\"en\">· Archived copy</span>"), "the other language's words beside the site's")
        #expect(view.contains("<p class=\"lede\">Le texte de la page tel que nous l'avons lu"), "a short page is shown whole, and says so")
        #expect(!view.contains("Grille d'évaluation") && !view.contains("<nav"), "no footer or menu repeated in every view: the brand and the other language link home")
        #expect(!view.contains("<time"), "a view says nothing of the run that published it: it is the same every night")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("captures/\(SampleSite.digest).txt.gz").path), "the raw copy stays")
    }

    @Test func aViewIsKeptOnceAndReusedWithoutReadingItsTextAgain() throws {
        var (cards, content) = try SampleSite.build()
        let kept = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: kept) }
        content.captureViews = kept
        let text = content.captures[0].text
        content.captures[0].text = nil
        content.captures[0].readable = true
        let reads = Counter()
        content.captureText = { _ in
            reads.add()
            return text
        }
        let first = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: first) }
        content.generatedAt = "2030-01-01T00:00:00Z"  // another night: every page changes but the view
        let second = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: second) }
        #expect(reads.count == 1, "the text is read for the first site only")
        let path = "captures/\(SampleSite.digest).html"
        #expect(try SampleSite.read(first, path) == SampleSite.read(second, path))
        #expect(try SampleSite.read(second, path).contains("id=\"\(CaptureMarks.anchor(SampleSite.quote("OVH SAS")))\""))
        #expect(try SampleSite.read(second, "platforms/souverain.html").contains("#\(CaptureMarks.anchor(SampleSite.quote("OVH SAS")))"), "the anchors are kept too")
    }

    /// A kept view is named by a digest of its page as the template reads it: the same value gives the same digest in
    /// any run, and values that differ only in how their parts are cut or typed give different ones.
    @Test func theDigestOfATemplateValueIsItsContentsOnly() {
        let value = TemplateValue.record(["a": .text("x"), "b": .list([.int(1), .bool(true)]), "c": .record([:])])
        let same = TemplateValue.record(["c": .record([:]), "b": .list([.int(1), .bool(true)]), "a": .text("x")])
        #expect(value.digest == same.digest)
        #expect(value.digest.count == 64)
        let others: [TemplateValue] = [
            .text("ab"), .list([.text("a"), .text("b")]), .list([.text("ab")]), .text("1"), .int(1), .bool(true),
            .record(["a": .text("b")]), .record(["ab": .text("")]), .list([]), .record([:]), .text(""),
        ]
        #expect(Set(others.map(\.digest)).count == others.count)
    }

    /// The index copy may still be being written when rendering starts (the crawl exports it meanwhile): the site
    /// publishes it once it is ready, whole.
    @Test func theIndexCopyIsPublishedOnceReady() throws {
        var (cards, content) = try SampleSite.build()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("index.sqlite.gz")
        content.indexCopy = copy
        content.indexCopyReady = { try Data("written late".utf8).write(to: copy) }
        let site = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try SampleSite.read(site, "data/archive-index.sqlite.gz") == "written late")
    }
}

/// A view shows the passages that hold a quote, not the whole page: the page stays whole in the raw copy.
@Suite struct CaptureExcerptTests {
    /// A long page we write: three sections of ten paragraphs, the quote in the middle of the second.
    static func longPage(quote: String) -> [ReadableBlock] {
        ["Éditeur", "Hébergement", "Cookies"].flatMap { section in
            [ReadableBlock(text: section, isHeading: true)] + (0..<10).map { index in
                ReadableBlock(text: section == "Hébergement" && index == 5 ? "Avant. \(quote) Après." : "\(section), alinéa \(index).", isHeading: false)
            }
        }
    }

    @Test func aLongPageShowsTheQuotedBlockAndItsNeighboursUnderTheirHeading() {
        let quote = SampleSite.quote("OVH SAS")
        let excerpt = CaptureExcerpt(CaptureMarks(Self.longPage(quote: quote), quotes: [quote]))
        let shown = excerpt.blocks.map { $0.omission ? "…" : $0.segments.map(\.text).joined() }
        #expect(shown == ["…", "Hébergement", "…", "Hébergement, alinéa 4.", "Avant. \(quote) Après.", "Hébergement, alinéa 6.", "…"])
        #expect(excerpt.omitted)
        #expect(excerpt.blocks.flatMap(\.segments).compactMap(\.id) == [CaptureMarks.anchor(quote)], "the anchor is in the view")
    }

    @Test func neighboursStayInTheQuotedSectionAndAShortPageIsWhole() {
        let quote = "Les données sont hébergées en France."
        let page = [
            ReadableBlock(text: "Un", isHeading: true), ReadableBlock(text: "Fin de la première section.", isHeading: false),
            ReadableBlock(text: "Deux", isHeading: true), ReadableBlock(text: quote, isHeading: false),
            ReadableBlock(text: "Trois", isHeading: true), ReadableBlock(text: "Autre chose.", isHeading: false),
        ]
        let excerpt = CaptureExcerpt(CaptureMarks(page, quotes: [quote]))
        #expect(excerpt.blocks.map { $0.omission ? "…" : $0.segments.map(\.text).joined() } == ["…", "Deux", quote, "…"])
        let short = CaptureExcerpt(CaptureMarks(Array(page[2...3]), quotes: [quote]))
        #expect(!short.omitted && short.blocks.count == 2, "nothing left out, no marker")
        let absent = CaptureExcerpt(CaptureMarks(page, quotes: ["Absente de la page."]))
        #expect(absent.blocks == [.omissionMarker] && absent.omitted)
    }

    @Test func theViewOfALongPageShowsTheQuotedSectionMarksTheOmissionsAndLinksTheRawCopy() throws {
        var (cards, content) = try SampleSite.build()
        let quote = SampleSite.quote("OVH SAS")
        content.captures[0].text = Self.longPage(quote: quote)
        let site = try SampleSite.render(cards, content)
        defer { try? FileManager.default.removeItem(at: site) }
        let anchor = CaptureMarks.anchor(quote)
        let view = try SampleSite.read(site, "captures/\(SampleSite.digest).html")
        #expect(view.contains("<h2>Hébergement</h2>"))
        #expect(view.contains("<p>Avant. <mark id=\"\(anchor)\">\(quote)</mark> Après.</p>"))
        #expect(view.contains("<p>Hébergement, alinéa 4.</p>") && view.contains("<p>Hébergement, alinéa 6.</p>"))
        #expect(!view.contains("Cookies") && !view.contains("Éditeur, alinéa") && !view.contains("Hébergement, alinéa 0."), "far-away text left out")
        #expect(view.contains("<p class=\"omission\">[… passage omis] · <span lang=\"en\">[… passage omitted]</span></p>"))
        #expect(view.contains("<p class=\"lede\">Seuls les passages qui contiennent une phrase citée (surlignée), tels que nous les avons lus ; la page entière est dans la copie brute. <span lang=\"en\">· Only the passages"))
        #expect(view.components(separatedBy: "<a href=\"../captures/\(SampleSite.digest).txt.gz\" download>").count == 2, "the raw copy linked once")
        let platform = try SampleSite.read(site, "platforms/souverain.html")
        #expect(platform.contains("captures/\(SampleSite.digest).html#\(anchor)\""), "the quote's link still lands on its sentence")
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func add() { lock.withLock { value += 1 } }
}
