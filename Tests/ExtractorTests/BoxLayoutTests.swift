@testable import Extractor
import Testing

/// pdftotext's bbox XHTML read without a tree parse: the words, their boxes, and the text pdftotext would print.
@Suite struct BoxLayoutTests {
    static func word(_ x: Double, _ text: String, y: Double = 100, width: Double = 20) -> String {
        #"<word xMin="\#(x)" yMin="\#(y)" xMax="\#(x + width)" yMax="\#(y + 10)">\#(text)</word>"#
    }

    static func document(_ pages: [[[String]]]) -> String {
        // The head carries the PDF's title: its words are not page text.
        var xhtml = #"<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Titre &amp; co</title>"#
            + #"<meta name="Producer" content="x"/></head><body><doc>"#
        for page in pages {
            xhtml += #"<page width="595.000000" height="842.000000">"#
            for flow in page {
                xhtml += #"<flow><block xMin="10.000000" yMin="90.000000" xMax="500.000000" yMax="300.000000">"#
                for line in flow { xhtml += #"<line xMin="10" yMin="100" xMax="500" yMax="110">"# + line + "</line>" }
                xhtml += "</block></flow>"
            }
            xhtml += "</page>"
        }
        return xhtml + "</doc></body></html>"
    }

    @Test func wordsCarryTheirBoxesAndDecodedText() throws {
        let layout = BoxLayout(xhtml: Self.document([[[Self.word(72.5, "R&amp;D") + Self.word(100, "&lt;b&gt; &quot;x&quot; &apos;y&apos; &#233;")]]]))
        #expect(layout.pages.count == 1)
        let block = try #require(layout.pages.first?.flows.first?.blocks.first)
        #expect(block.xMin == 10 && block.yMin == 90 && block.xMax == 500 && block.yMax == 300)
        let words = try #require(block.lines.first?.words)
        #expect(words.map(\.text) == ["R&D", "<b> \"x\" 'y' é"])
        #expect(words[0].xMin == 72.5 && words[0].xMax == 92.5 && words[0].yMin == 100 && words[0].yMax == 110)
    }

    @Test func numbersAsPrintfWritesThem() {
        let layout = BoxLayout(xhtml: Self.document([[[#"<word xMin="-12.250000" yMin="0.000000" xMax="3.000000" yMax="1.500000">a</word>"#]]]))
        let word = layout.pages[0].flows[0].blocks[0].lines[0].words[0]
        #expect(word.xMin == -12.25 && word.yMin == 0 && word.xMax == 3 && word.yMax == 1.5)
    }

    /// Each flow's lines then an empty line, a form feed after each page, as `pdftotext` prints its text.
    @Test func textIsPrintedAsPdftotextPrintsIt() {
        let layout = BoxLayout(xhtml: Self.document([
            [[Self.word(10, "Un") + Self.word(35, "titre")], [Self.word(10, "Une") + Self.word(35, "ligne"), Self.word(10, "deux")]],
            [],
            [[Self.word(10, "fin")]],
        ]))
        #expect(layout.text == "Un titre\n\nUne ligne\ndeux\n\n\u{0C}\u{0C}fin\n\n\u{0C}")
    }

    /// Words that touch (a change of font inside "(Doctolib)") are one piece of text; a gap of a space is a space.
    @Test func wordsThatTouchAreNotSpaced() {
        let layout = BoxLayout(xhtml: Self.document([[[Self.word(10, "(Doctolib", width: 40) + Self.word(50, ")", width: 5) + Self.word(58, "SAS")]]]))
        #expect(layout.text == "(Doctolib) SAS\n\n\u{0C}")
    }

    /// A line ending in a hyphen runs on into the next line of its flow without it, as pdftotext runs it on; the last
    /// line of a flow keeps its hyphen.
    @Test func hyphenatedLinesRunOn() {
        let layout = BoxLayout(xhtml: Self.document([[[Self.word(10, "héber-"), Self.word(10, "gement"), Self.word(10, "fin-")]]]))
        #expect(layout.text == "hébergement\nfin-\n\n\u{0C}")
    }

    @Test func anythingButBboxXHTMLReadsAsNoPages() {
        #expect(BoxLayout(xhtml: "").pages.isEmpty)
        #expect(BoxLayout(xhtml: "<html><head><title>x</title></head></html>").pages.isEmpty)
        #expect(BoxLayout(xhtml: "<doc><page><flow><block><line><word").pages.count == 1)
    }

    /// Page furniture: a page number in any of its usual forms is one; a line of prose is not.
    @Test func pageNumbers() {
        for line in ["3", "Page 3", "page 3 / 12", "3 sur 12", "- 3 -", "Page 3 of 12", "PAGE 3 SUR 12", "٣"] {
            #expect(PlainTextReader.isPageNumber(line), "\(line)")
        }
        for line in ["", "Page", "page de garde", "Article 3", "3.", "12 rue de la Paix", "Offre 2024", "sur 3 ans", "Le 3"] {
            #expect(!PlainTextReader.isPageNumber(line), "\(line)")
        }
    }

    /// A table cell's text loses its zero-width spaces and its outer white space, and nothing else.
    @Test func cellTextIsCleaned() {
        #expect(BoxTable.cleaned("1.\u{200B}") == "1.")
        #expect(BoxTable.cleaned(" Hébergeur\u{A0}") == "Hébergeur")
        #expect(BoxTable.cleaned("OVH SAS") == "OVH SAS")
        #expect(BoxTable.cleaned("Île-de-France") == "Île-de-France")
        #expect(BoxTable.cleaned("\u{200B}").isEmpty)
    }

    @Test func lengthsAreCountedUpToTheirLimit() {
        #expect(PlainTextReader.length(of: "", upTo: 45) == 0)
        #expect(PlainTextReader.length(of: "données", upTo: 45) == 7)
        #expect(PlainTextReader.length(of: String(repeating: "é", count: 40), upTo: 45) == 40)
        #expect(PlainTextReader.length(of: String(repeating: "é", count: 80), upTo: 45) == 45)
    }

    @Test func shapeStandsForDigits() {
        #expect(PlainTextReader.shape("Page 12 / 40") == "Page ## / ##")
        #expect(PlainTextReader.shape("Conditions générales – 2024") == "Conditions générales – ####")
        #expect(PlainTextReader.shape("Version ٣") == "Version #")
        #expect(PlainTextReader.shape("sans chiffre") == "sans chiffre")
    }
}
