@testable import Extractor
import Foundation
import Testing
import TestSupport

/// The page's charset declaration is read on its bytes; the answer is the one of the same rules over the decoded,
/// lower-cased text (`declaredCharsetAsText`), on the declarations pages write and on random heads around them.
@Suite struct CharsetDeclarationTests {
    static func same(_ head: Data) -> Bool {
        CharsetSniffer.declaredCharset(head) == CharsetSniffer.declaredCharsetAsText(head)
    }

    @Test(arguments: [
        "<meta charset=\"utf-8\">", "<META CHARSET=UTF-8>", "<meta charset = 'ISO-8859-1' >", "<meta charset=>", "<meta charset>",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">", "<meta content=\"text/html;charset=Shift_JIS\">",
        "<title>Charset</title><meta charset=\"latin1\">", "charset=\"\" charset=utf-8", "<meta charset=\"utf-8é\">", "<meta charset=é>",
        "<meta charset=\"İso-8859-1\">", "<meta charset=\"ut\u{212A}\">", "<meta charset=\"x\u{301}\">", "<meta charset\u{301}=utf-8>",
        "<meta charset=\u{301}utf-8>", "<p>no declaration</p>", "", "CHARSETcharset=koi8-r", "<meta charset=\"utf-8\r\n\">",
    ])
    func declaration(_ head: String) {
        #expect(Self.same(Data(head.utf8)), "\(head)")
        #expect(Self.same(Data(("<title>Données de santé</title>" + head).utf8)), "\(head)")
    }

    @Test func declarationBeyondTheFirst4KB() {
        let page = Data((String(repeating: "x", count: 4090) + "<meta charset=\"iso-8859-1\">").utf8)
        #expect(CharsetSniffer.declaredCharset(page) == nil)
        #expect(Self.same(page))
        // A name cut by the 4 KB limit in the middle of a character.
        let cut = Data((String(repeating: "x", count: 4082) + "charset=ab\u{E9}cd").utf8)
        #expect(Self.same(cut))
    }

    @Test(arguments: 0..<400) func randomHead(_ seed: UInt64) {
        var random = SplitMix(state: seed)
        let pieces = [
            "charset", "CharSet", "chars", "et", "=", " ", "  ", "\"", "'", "utf-8", "UTF-8", "iso-8859-1", "windows_1252", "x.y:z", "é", "É",
            "\u{301}", "\u{212A}", "İ", "ß", "٣", "<meta ", ">", ";", "\t", "\r\n", "\n", "content=", "text/html", "😀",
        ]
        var bytes = Data()
        for _ in 0..<(3 + Int(random.next() % 20)) {
            if random.next() % 17 == 0 {
                bytes.append(random.pick([0xFF, 0xC3, 0x80, 0xE2]))
            } else {
                bytes.append(contentsOf: random.pick(pieces).utf8)
            }
        }
        #expect(Self.same(bytes), "\(String(decoding: bytes, as: UTF8.self))")
    }
}
