import Foundation
@testable import Renderer
import Testing

/// The site's Mustache engine against the specification's rules that our templates rely on.
@Suite struct TemplateEngineTests {
    func render(_ source: String, _ value: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try CompiledTemplate(source)]
        for (name, text) in partials { templates[name] = try CompiledTemplate(text) }
        return String(decoding: TemplateRenderer(templates: templates).render("main", value)!, as: UTF8.self)
    }

    let page = TemplateValue.record([
        "name": .text("A <b>&</b> \"B\" l'C"),
        "count": .int(3),
        "empty": .text(""),
        "yes": .bool(true),
        "no": .bool(false),
        "items": .list([.record(["label": .text("one")]), .record(["label": .text("two")])]),
        "none": .list([]),
        "site": .record(["root": .text("../"), "lang": .text("fr")]),
        "words": .list([.text("x"), .text("y")]),
    ])

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        #expect(try render("{{name}}", page) == "A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot; l'C")
        #expect(try render("{{{name}}}|{{&name}}", page) == "A <b>&</b> \"B\" l'C|A <b>&</b> \"B\" l'C")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}{{name}}", page) == "A <b>&</b> \"B\" l'C")
        #expect(try render("{{count}} {{missing}}.", page) == "3 .")
    }

    /// An apostrophe is left as it is in values, so no template may quote an attribute with apostrophes: a value
    /// there could close it.
    @Test func noTemplateQuotesAnAttributeWithApostrophes() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count > 10)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.range(of: #"=\s*'"#, options: .regularExpression) == nil, "\(name) quotes an attribute with apostrophes")
        }
    }

    @Test func sectionsFollowTruthiness() throws {
        #expect(try render("{{#items}}[{{label}}]{{/items}}", page) == "[one][two]")
        #expect(try render("{{#words}}{{.}},{{/words}}", page) == "x,y,")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{#none}}E{{/none}}{{^none}}!E{{/none}}", page) == "Y!N!E")
        #expect(try render("{{#empty}}E{{/empty}}{{^empty}}!E{{/empty}}{{#missing}}M{{/missing}}{{^missing}}!M{{/missing}}", page) == "!E!M")
        #expect(try render("{{#name}}<{{.}}>{{/name}}", page).hasPrefix("<A &lt;b&gt;"))
    }

    @Test func dottedNamesAndTheContextStack() throws {
        #expect(try render("{{site.root}}{{#items}}{{site.lang}}{{label}}{{/items}}", page) == "../fronefrtwo")
        #expect(try render("{{#site}}{{root}}{{count}}{{/site}}", page) == "../3", "names not in the section's record come from outer contexts")
        #expect(try render("{{site.missing.deeper}}|{{#site.lang}}{{.}}{{/site.lang}}", page) == "|fr")
    }

    @Test func standaloneTagLinesLeaveNoTrace() throws {
        let source = "Begin\n  {{#items}}\n- {{label}}\n  {{/items}}\n{{! a comment }}\nEnd\n"
        #expect(try render(source, page) == "Begin\n- one\n- two\nEnd\n")
        #expect(try render("| {{#yes}}in{{/yes}} |\n", page) == "| in |\n", "tags inside a line are not standalone")
        #expect(try render("{{#no}}\nhidden\n{{/no}}\r\nshown", page) == "shown")
        #expect(try render("{{^items}}\nnone\n{{/items}}", page) == "")
    }

    @Test func partialsRenderInTheCurrentContextWithTheirIndentation() throws {
        let partials = ["row": "<{{label}}>\n"]
        #expect(try render("{{#items}}{{> row}}{{/items}}", page, partials: partials) == "<one>\n<two>\n")
        #expect(try render("<ul>\n  {{> row}}\n</ul>", .record(["label": .text("x")]), partials: partials) == "<ul>\n  <x>\n</ul>")
    }

    @Test func syntaxErrorsNameTheLine() throws {
        for (source, line) in [("a\n{{#open}}\nb", 2), ("a\nb\n{{/close}}", 3), ("{{#a}}{{/b}}", 1), ("x\n{{name", 2), ("{{=<% %>=}}", 1)] {
            #expect(throws: CompiledTemplate.SyntaxError.self) { try CompiledTemplate(source) }
            do { _ = try CompiledTemplate(source) } catch { #expect(error.line == line, "\(source)") }
        }
    }

    @Test func viewsEncodeToTemplateValues() throws {
        struct Row: Encodable { var label: String; var note: String?; var tags: [String] }
        struct View: Encodable { var rows: [Row]; var count: Int; var flag: Bool }
        let value = try TemplateEncoder.encode(View(rows: [Row(label: "a", note: nil, tags: ["t1", "t2"])], count: 2, flag: true))
        #expect(try render("{{#rows}}{{label}}{{#note}}!{{/note}}{{^note}}-{{/note}}{{#tags}}{{.}}{{/tags}}{{/rows}}{{count}}{{#flag}}F{{/flag}}", value) == "a-t1t22F")
    }
}
