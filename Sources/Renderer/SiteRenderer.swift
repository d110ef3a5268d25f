import Foundation
import History
import Mustache
import Scorecard
import SovereigntyModel

/// Writes the static site through `Templates/`: in French at the root and in English under `en/`, with the
/// language-neutral files (style, data, captures, sitemap) once at the root.
public struct SiteRenderer: Sendable {
    /// Templates the site cannot be built without.
    public static let requiredTemplates = [
        "index.html", "index.md", "list.html", "platform.html", "platform.md", "methodology.html", "about.html", "changes.html",
        "changes.md", "feed.xml", "badge.svg", "sitemap.xml",
    ]
    /// Files copied as they are from the templates folder.
    public static let assets = ["style.css", "data/scorecards.schema.json"]

    private let library: MustacheLibrary
    private let templatesPath: String
    private let strings: [Strings]

    /// Loads every template and both strings files, and fails, naming the folder and the file, when one is missing
    /// or does not parse, or when a language lacks a key the other has.
    public init(templatesPath: String) async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templatesPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError("templates folder '\(templatesPath)' does not exist (use --templates)")
        }
        do {
            library = try await MustacheLibrary(directory: templatesPath)
        } catch let error as MustacheLibrary.ParserError {
            throw RenderError(
                "\(templatesPath)/\(error.filename):\(error.context.lineNumber):\(error.context.columnNumber): template syntax error: \(error.error)")
        }
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
            throw RenderError("template '\(templatesPath)/\(name).mustache' is missing")
        }
        for asset in Self.assets where !FileManager.default.fileExists(atPath: "\(templatesPath)/\(asset)") {
            throw RenderError("asset '\(templatesPath)/\(asset)' is missing")
        }
        strings = try SiteLanguage.allCases.map { try Strings(language: $0, templatesPath: templatesPath) }
        try Strings.checkSameKeys(strings)
        self.templatesPath = templatesPath
    }

    /// Renders every file of the site into `directory`, which is created if needed.
    public func render(_ scorecards: [PlatformScorecard], content: SiteContent, into directory: URL) throws {
        let files = FileWriter(root: directory)
        let captures = Dictionary(content.captures.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let published = Set(captures.keys)
        var pages: [String] = []
        for words in strings {
            pages += try render(scorecards, content: content, language: words, captures: published, into: files)
        }
        for asset in Self.assets {
            try files.write(asset, Data(contentsOf: URL(fileURLWithPath: "\(templatesPath)/\(asset)")))
        }
        try files.write(SiteFiles.scorecards, Self.json(ScorecardsDocument(generatedAt: content.generatedAt, ignoredRobots: content.ignoredRobots, platforms: scorecards)))
        try files.write("data/scorecards.csv", Data(DataFiles.scorecards(scorecards).utf8))
        try files.write("data/hosts.csv", Data(DataFiles.hosts(scorecards).utf8))
        try files.write("data/history.csv", Data(DataFiles.history(content.history.runs).utf8))
        if let index = content.indexCopy { try files.write(SiteFiles.indexCopy, Data(contentsOf: index)) }
        for path in captures.keys.sorted() { try files.write(path, captures[path]!.body) }
        if let base = content.baseURL {
            let urls = pages.filter { $0.hasSuffix(".html") }.sorted().map { SiteURL.absolute(base, $0) }
            try files.write("sitemap.xml", render(SitemapView(urls: urls), "sitemap.xml"))
        }
        for words in strings where !words.missing.isEmpty {
            throw RenderError("\(words.file): no words for key(s) \(words.missing.sorted().joined(separator: ", "))")
        }
    }

    /// One language's pages; returns their paths from the site root.
    private func render(
        _ scorecards: [PlatformScorecard], content: SiteContent, language words: Strings, captures: Set<String>, into files: FileWriter
    ) throws -> [String] {
        let html = ViewBuilder(escaping: .html, strings: words, content: content)
        let markdown = ViewBuilder(escaping: .markdown, strings: words, content: content)
        var written: [String] = []
        func write(_ path: String, _ view: Any, _ template: String) throws {
            let full = words.language.folder + path
            try files.write(full, render(view, template))
            written.append(full)
        }
        try write("index.html", html.summary(scorecards), "index.html")
        try write("index.md", markdown.summary(scorecards), "index.md")
        for rule in Rubric.levels {
            try write("levels/\(rule.level.slug).html", html.levelPage(rule.level, scorecards), "list.html")
        }
        for category in ViewBuilder.categories(scorecards) {
            try write("categories/\(ViewBuilder.slug(category)).html", html.categoryPage(category, scorecards), "list.html")
        }
        try write("methodology.html", html.methodology(), "methodology.html")
        try write("about.html", html.about(), "about.html")
        let changes = html.changes()
        try write("changes.html", changes, "changes.html")
        try write("changes.md", markdown.changes(), "changes.md")
        try write("feed.xml", changes, "feed.xml")
        for card in scorecards {
            try write("platforms/\(card.id).html", html.platform(card, captures: captures), "platform.html")
            try write("platforms/\(card.id).md", markdown.platform(card, captures: captures), "platform.md")
            try write("platforms/\(card.id).xml", html.platformFeed(card.id, name: card.name), "feed.xml")
            try write("badges/\(card.id).svg", html.badge(card), "badge.svg")
        }
        return written
    }

    /// Stable JSON: sorted keys, so the same scorecards give the same bytes.
    public static func json(_ document: ScorecardsDocument) throws -> Data {
        var data = try ScorecardJSON.encode(document)
        data.append(0x0A)
        return data
    }

    private func render(_ view: Any, _ template: String) throws -> Data {
        guard let text = library.render(view, withTemplate: template) else {
            throw RenderError("template '\(template)' is not loaded")
        }
        return Data(text.utf8)
    }
}

/// Paths of the data files other code and the README refer to.
public enum SiteFiles {
    public static let scorecards = "data/scorecards.json"
    public static let indexCopy = "data/archive-index.sqlite"
}

public struct RenderError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Writes files under a root folder, creating sub-folders.
struct FileWriter {
    let root: URL

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}
