@testable import Extractor
import Foundation
import InputFiles
import SovereigntyModel
import Testing
import TestSupport

/// What a reader does not see is not evidence: a hosting sentence inside a script, a style or a comment is never read,
/// however the page writes them, and the visible text around them is read as usual. Each page is read with the
/// reader's skip of script and style bodies and without it, with the same blocks.
@Suite struct SkippedTextTests {
    let extractor: Extractor

    init() throws {
        extractor = Extractor(catalog: try ProviderList.load(path: Fixtures.providers))
    }

    /// The providers found on a page, and its visible text; checks that skipping bodies changes no block.
    func read(_ html: String, charset: String? = "utf-8") -> (hosts: Set<String>, text: String) {
        let bytes = Data(html.utf8)
        #expect(
            HTMLTextReader.blocks(html: bytes, charset: charset, keepAllText: true, skipsRawText: true)
                == HTMLTextReader.blocks(html: bytes, charset: charset, keepAllText: true, skipsRawText: false))
        let findings = extractor.extract(html: bytes, charset: charset, url: "http://127.0.0.1/page", fetchedAt: "2026-11-22T03:00:00Z")
        return (Set(findings.hosts.map { $0.providerID ?? $0.asWritten }), extractor.visibleText(html: bytes, charset: charset))
    }

    static let visible = "<h2>Hébergement</h2><p>Le site est hébergé par Scaleway SAS, à Paris.</p>"

    @Test func scriptBodyWithClosingTagsOfOtherElements() {
        let page = """
            <html><body><div><p>Mentions légales</p>
            <script>document.write("</div><p>Le site est hébergé par OVH SAS.</p></div>"); var s = '</p></div></body>';</script>
            </div>\(Self.visible)</body></html>
            """
        let (hosts, text) = read(page)
        #expect(hosts == ["scaleway"])
        #expect(!text.contains("OVH") && !text.contains("document.write") && text.contains("Mentions légales"))
    }

    @Test(arguments: [
        "<script>var notice = \"Le site est hébergé par OVH SAS.\";</script>",
        "<script type=\"application/ld+json\">{\"description\": \"Le site est hébergé par OVH SAS.\"}</script>",
        "<style>/* Le site est hébergé par OVH SAS. */ p::after { content: \"hébergé par OVH SAS\" }</style>",
        "<!-- Le site est hébergé par OVH SAS. -->",
        "<!-- <p>Le site est hébergé par OVH SAS.</p> -->",
        "<script>//<![CDATA[\nvar notice = \"Le site est hébergé par OVH SAS.\";\n//]]></script>",
        "<style><![CDATA[ /* Le site est hébergé par OVH SAS. */ ]]></style>",
        "<SCRIPT>var notice = \"Le site est hébergé par OVH SAS.\";</SCRIPT>",
        "<Script TYPE=\"text/javascript\">var notice = \"<p>Le site est hébergé par OVH SAS.</p>\";</sCrIpT >",
        "<STYLE MEDIA=\"screen\">/* Le site est hébergé par OVH SAS. */</STYLE>",
        "<noscript><p>Le site est hébergé par OVH SAS.</p></noscript>",
        "<template><p>Le site est hébergé par OVH SAS.</p></template>",
    ])
    func hiddenHostingSentence(_ hidden: String) {
        for page in [
            "<html><head>\(hidden)</head><body>\(Self.visible)</body></html>",
            "<html><body><p>Début.</p>\(hidden)\(Self.visible)</body></html>",
            "<html><body>\(Self.visible)<p>Fin.\(hidden) Suite.</p></body></html>",
        ] {
            let (hosts, text) = read(page)
            #expect(hosts == ["scaleway"], "\(page)")
            #expect(!text.contains("OVH"), "\(page)")
        }
    }

    /// An unterminated script or style runs to the end of the page: what follows it is inside it, and the page before it
    /// is read; no crash, and no hosting sentence read from the body.
    @Test(arguments: ["script", "style", "SCRIPT"]) func unterminatedRawTextElement(_ name: String) {
        for ending in ["", "</\(name)", "</", "<", "</\(name)x>"] {
            let page = "<html><body>\(Self.visible)<\(name)>var notice = \"Le site est hébergé par OVH SAS.\";\(ending)"
            let (hosts, text) = read(page)
            #expect(hosts == ["scaleway"], "\(page)")
            #expect(!text.contains("OVH"), "\(page)")
        }
    }

    /// A script body read by libxml2 (it starts with "<", which the skip leaves to libxml2) is dropped all the same.
    @Test func scriptBodyStartingWithATag() {
        let (hosts, text) = read("<html><body><script><p>Le site est hébergé par OVH SAS.</p></script>\(Self.visible)</body></html>")
        #expect(hosts == ["scaleway"])
        #expect(!text.contains("OVH"))
    }

    /// The same pages in ISO-8859-1 (libxml2 decodes them; the skip is only for UTF-8 and leaves them to libxml2).
    @Test func latin1Page() {
        let page = "<html><body><script>var s = \"Le site est hébergé par OVH SAS.\";</SCRIPT>\(Self.visible)</body></html>"
        let bytes = page.data(using: .isoLatin1)!
        let findings = extractor.extract(html: bytes, charset: "iso-8859-1", url: "http://127.0.0.1/page", fetchedAt: "2026-11-22T03:00:00Z")
        #expect(Set(findings.hosts.map { $0.providerID ?? $0.asWritten }) == ["scaleway"])
        #expect(
            HTMLTextReader.blocks(html: bytes, charset: "iso-8859-1", keepAllText: true, skipsRawText: true)
                == HTMLTextReader.blocks(html: bytes, charset: "iso-8859-1", keepAllText: true, skipsRawText: false))
    }
}
