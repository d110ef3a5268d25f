@testable import Extractor
import Foundation
import Testing
import TestSupport

/// The sniffer reads a page's head as bytes: it must answer as reading it as lower-cased text does.
@Suite struct CharsetSnifferTests {
    /// The way the sniffer answered before it read bytes.
    static func reference(_ html: Data) -> String? {
        let text = String(decoding: html.prefix(4096), as: UTF8.self).lowercased()
        if text.contains("charset=") || text.contains("charset =") || text.contains("<?xml") { return nil }
        return String(data: html, encoding: .utf8) != nil ? "UTF-8" : nil
    }

    static let cases: [String] = [
        "<meta charset=\"utf-8\">", "<META CHARSET=UTF-8>", "<meta http-equiv=\"Content-Type\" content=\"text/html; Charset =iso-8859-1\">",
        "<?XML version=\"1.0\"?><html>", "<p>no declaration, é</p>", "<meta charset=\u{301}\"utf-8\">", "\u{600}charset=x",
        "\u{212A}charset=x", "charset\u{301}=x", "<?xml\u{308} ?>", "<p>É</p>charset=", "charset=", "",
    ]

    @Test(arguments: cases) func handMade(_ text: String) {
        for html in [Data(text.utf8), Data(text.utf8) + Data([0xC3]), Data(String(repeating: "a", count: 4093).utf8) + Data(text.utf8)] {
            #expect(CharsetSniffer.encoding(header: nil, html: html) == Self.reference(html))
        }
    }

    @Test(arguments: 0..<300) func random(_ seed: UInt64) {
        var random = SplitMix(state: seed)
        let pieces = ["charset", "CharSet", "=", " =", " ", "<?xml", "<?XmL", "<meta ", "é", "\u{301}", "\u{200D}", "\u{600}", "K", "\u{212A}", "x"]
        var html = Data()
        for _ in 0..<(Int(random.next() % 12)) {
            if random.next() % 9 == 0 { html.append(random.pick([0xFF, 0xC3, 0x80])) } else { html.append(contentsOf: random.pick(pieces).utf8) }
        }
        #expect(CharsetSniffer.encoding(header: nil, html: html) == Self.reference(html), "\(Array(html))")
    }
}
