@testable import Extractor
import Foundation
import Testing
import TestSupport

/// The reader moves libxml2 over script and style bodies instead of letting it read them: the blocks it gives must
/// be exactly those of a full read, on our pages, on the real pages of `../shared/corpus-real` when present, and on
/// pages made of the constructs that decide where libxml2 thinks a body starts and ends.
@Suite struct RawTextSkipTests {
    static func sameBlocks(_ html: Data, charset: String?) -> Bool {
        HTMLTextReader.blocks(html: html, charset: charset, keepAllText: true, skipsRawText: true)
            == HTMLTextReader.blocks(html: html, charset: charset, keepAllText: true, skipsRawText: false)
    }

    @Test func skipIsOnWithLibXML2_2_9() {
        // The tests below prove nothing when the skip is off: they run on the libxml2 the skip was written for.
        #expect(HTMLTextReader.canSkipRawText == LibXML2Version.text.hasPrefix("2.9."))
    }

    static let fixturePages: [URL] = {
        let folders = [Fixtures.pages, Fixtures.packageRoot.appendingPathComponent("Tests/Accuracy/Fixtures"),
                       Fixtures.packageRoot.appendingPathComponent("Tests/Accuracy/Gaps")]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".html") }.sorted()
                .map { folder.appendingPathComponent($0) }
        }
    }()

    @Test(arguments: fixturePages) func fixturePage(_ url: URL) throws {
        let html = try Data(contentsOf: url)
        for charset in [nil, "utf-8", "iso-8859-1"] { #expect(Self.sameBlocks(html, charset: charset), "\(url.lastPathComponent), \(charset ?? "no charset")") }
    }

    @Test func realPages() throws {
        let root = Fixtures.packageRoot.appendingPathComponent("../shared/corpus-real").standardized
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }  // not on this machine
        let files = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }
        for file in files {
            let html = try Data(contentsOf: root.appendingPathComponent(file))
            #expect(Self.sameBlocks(html, charset: nil), "\(file)")
        }
    }

    /// Hand-made cases: each pairs a script or style with what could make libxml2 read its body otherwise.
    static let cases: [String] = [
        "<p>avant</p><script>var a = '<p>caché</p>';</script><p>après</p>",
        "<p>a<script type=\"text/javascript\">x</SCRIPT>b</p>",
        "<p>a<ScRiPt>if (a</b) {}</script >b</p>",
        "<p>a<script>x</scriptx>visible?</script>c</p>",
        "<p>a<script>x</scriptx><style>y</script>visible</style>z</p>",
        "<p>a<script></p>b</script>c</p>",
        "<p>a<script><p>b</p></script>c</p>",
        "<p>a<script/>b</script>c</p>",
        "<p>a<script title='x>y'>z</script>c</p>",
        "<p>a<script title=\"</script>\">z</script>c</p>",
        "<!-- <script> --> <p>visible</p> <!-- </script> -->",
        "<p>a<!-- <script>x --> b</script>c</p>",
        "<p>a<![CDATA[<script>]]>b</script>c</p>",
        "<p>a<? <script>x?>b</script>c</p>",
        "<p>a<?pi <script>?>b</script>c</p>",
        "<!DOCTYPE html PUBLIC \"<script>\" \"x\"><p>a</p><script>b</script><p>c</p>",
        "<p>a<script>b",
        "<p>a<script>b</scr",
        "<p>a<style>p { color: red }</style>b<style></style>c<style> </style>d</p>",
        "<p>a<style media=\"screen\">x</style\n>b</p>",
        "<p>a<script>x\u{0}y</script>b</p>",
        "<p>é<script>é – ü 😀</script>ü</p>",
        "<html><head><meta charset=\"iso-8859-1\"><script>é</script></head><body><p>é</p><script>x</script><p>à</p></body></html>",
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><script>é</script>é</body></html>",
        "<p>a<script>x</script><script>y</script><style>z</style>b</p>",
        "<table><tr><td>a<script>x</script></td><td>b</td></tr></table>",
        "<svg><style>.a{}</style><text>t</text></svg><p>after</p>",
        "<select><option>o<script>x</script></option></select><p>p</p>",
        "<div hidden><script>x</script>h</div><p>v</p>",
        "<p>a<script>\n</script>b</p>",
        "<p>a<script>x</sCrIpT\t junk>b</p>",
    ]

    @Test(arguments: cases) func handMade(_ page: String) {
        for bytes in [Data(page.utf8), Data(page.utf8) + Data([0xFF]), Data([0xEF, 0xBB, 0xBF]) + Data(page.utf8)] {
            for charset in [nil, "utf-8", "iso-8859-1"] { #expect(Self.sameBlocks(bytes, charset: charset), "\(charset ?? "no charset")") }
        }
    }

    /// Random pages of the same constructs, bytes that are not UTF-8 included.
    @Test(arguments: 0..<400) func randomPage(_ seed: UInt64) {
        var random = SplitMix(state: seed)
        let pieces = [
            "<script>", "</script>", "<SCRIPT type=\"a>b\">", "<script src='x'/>", "</scriptx>", "</ScRiPt >", "<style>", "</style>",
            "<STYLE media=print>", "</stylesheet>", "<p>", "</p>", "<div class=\"cookie-banner\">", "</div>", "<h2>", "</h2>", "<br>",
            "<!--", "-->", "--!>", "<!DOCTYPE html>", "<!doctype x PUBLIC \"a>b\" 'c'>", "<?pi x>", "<? x>", "<a href=\"x>y\">",
            "<a title='<script>'>", "<p title=<script>>", "</a>", "<", "</", ">", "\"", "'", "&amp;", "&", "<![CDATA[", "]]>",
            "<_x>", "<a \"b>", "<a =b>", "<td>", "<tr>", "<table>", "</table>", "<meta charset=\"iso-8859-1\">", "\u{0}",
            " hébergé par OVH SAS ", " données de santé ", "é", "😀", "\n", " ", "texte", "var x = 1 < 2;", "a { color: red }",
        ]
        var bytes = Data()
        for _ in 0..<(20 + Int(random.next() % 60)) {
            if random.next() % 23 == 0 {
                bytes.append(random.pick([0xFF, 0xC3, 0x80, 0xE2, 0x1B]))
            } else {
                bytes.append(contentsOf: random.pick(pieces).utf8)
            }
        }
        for charset in [nil, "utf-8"] { #expect(Self.sameBlocks(bytes, charset: charset), "\(String(decoding: bytes, as: UTF8.self))") }
    }
}
