import Foundation
@testable import Renderer
import Testing

/// What a hostile page or a hand-edited file could do to the site, caught where it enters.
@Suite struct SiteSafetyTests {
    @Test func markdownLinksCannotBeClosedByAnAddress() {
        let hostile = "https://x.test/a><script>alert(1)</script>|\"b\" c"
        let link = TextEscaping.markdown.link(hostile)
        #expect(!link.contains("<") && !link.contains(">") && !link.contains("|") && !link.contains("\"") && !link.contains(" "))
        #expect(link.hasPrefix("https://x.test/a%3E%3Cscript%3E"))
        #expect(TextEscaping.markdown.link("https://x.test/p?q=1&r=%20#top") == "https://x.test/p?q=1&r=%20#top", "plain addresses are kept")
        #expect(TextEscaping.html.link(hostile) == hostile, "HTML attributes are escaped by the template engine")
    }

    @Test func capturesAreNamedOnlyByAHexDigest() {
        let body = Data("x".utf8)
        let digest = String(repeating: "ab", count: 32)
        #expect(Capture(sha256: digest, contentType: "text/html", body: body, url: "https://x.test").path == "captures/\(digest).txt.gz")
        #expect(Capture(sha256: digest, contentType: "application/pdf", body: body, url: "https://x.test").path == "captures/\(digest).pdf")
        #expect(Capture(sha256: digest, contentType: "text/html", body: body, url: "https://x.test", rendered: true).path == "captures/\(digest)-rendered.txt.gz")
        for bad in ["../../etc/passwd", String(repeating: "A", count: 64), String(repeating: "a", count: 63), ""] {
            #expect(Capture(sha256: bad, contentType: nil, body: body, url: "https://x.test").path == nil, "\(bad)")
        }
    }

    @Test func slugsAreUniqueAndPlain() {
        let slugs = ViewBuilder.uniqueSlugs(["Santé", "sante", "téléconsultation", "日本", "appointments"])
        #expect(Set(slugs.values).count == 5)
        #expect(slugs["téléconsultation"] == "teleconsultation")
        #expect(slugs.values.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } })
    }

    @Test func templateEditsThatWouldLoopOrCrashAreRefused() throws {
        #expect(throws: CompiledTemplate.SyntaxError.self) { try CompiledTemplate("{{..}}") }
        let looping = ["a": try CompiledTemplate("{{> b}}"), "b": try CompiledTemplate("x{{> a}}"), "c": try CompiledTemplate("{{> c}}")]
        #expect(TemplateSet.partialCycle(looping) == ["a", "b", "a"])
        #expect(TemplateSet.partialCycle(["a": try CompiledTemplate("{{> b}}"), "b": try CompiledTemplate("leaf")]) == nil)
    }

    @Test func standalonePartialIndentsItsLinesNotItsValues() throws {
        let templates = ["main": try CompiledTemplate("\\\n  {{> partial}}\n/\n"), "partial": try CompiledTemplate("|\n{{{content}}}\n|\n")]
        let output = TemplateRenderer(templates: templates).render("main", .record(["content": .text("<\n->")]))!
        #expect(String(decoding: output, as: UTF8.self) == "\\\n  |\n  <\n->\n  |\n/\n")
    }
}
