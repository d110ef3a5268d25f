import Foundation
import History
import Mustache
import Scorecard

/// Writes the static site: summary, one page per platform, methodology, and the JSON data, through `Templates/`.
public struct SiteRenderer: Sendable {
    /// Templates the site cannot be built without.
    public static let requiredTemplates = [
        "index.html", "index.md", "platform.html", "platform.md", "methodology.html", "changes.html", "changes.md", "feed.xml",
    ]
    /// Files copied as they are from the templates folder.
    public static let assets = ["style.css"]

    private let library: MustacheLibrary
    private let templatesPath: String

    /// Loads every template and fails, naming the folder and the file, when one is missing or does not parse.
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
        self.templatesPath = templatesPath
    }

    /// Renders every file of the site into `directory`, which is created if needed.
    /// - Parameter ignoredRobots: the crawl did not obey robots.txt; every page says so.
    /// - Parameter history: the changes confirmed up to this run, newest first, and how many runs confirm one.
    public func render(
        _ scorecards: [PlatformScorecard], history: SiteHistory = SiteHistory(), generatedAt: String, ignoredRobots: Bool = false,
        into directory: URL
    ) throws {
        let html = ViewBuilder(escaping: .html, generatedAt: generatedAt, ignoredRobots: ignoredRobots)
        let markdown = ViewBuilder(escaping: .markdown, generatedAt: generatedAt, ignoredRobots: ignoredRobots)
        let files = FileWriter(root: directory)
        try files.write("index.html", render(html.summary(scorecards), "index.html"))
        try files.write("index.md", render(markdown.summary(scorecards), "index.md"))
        try files.write("methodology.html", render(html.methodology(), "methodology.html"))
        let changes = html.changes(history.changes, confirmRuns: history.confirmRuns)
        try files.write("changes.html", render(changes, "changes.html"))
        try files.write("changes.md", render(markdown.changes(history.changes, confirmRuns: history.confirmRuns), "changes.md"))
        try files.write("feed.xml", render(changes, "feed.xml"))
        for card in scorecards {
            try files.write("platforms/\(card.id).html", render(html.platform(card), "platform.html"))
            try files.write("platforms/\(card.id).md", render(markdown.platform(card), "platform.md"))
        }
        for asset in Self.assets {
            try files.write(asset, Data(contentsOf: URL(fileURLWithPath: "\(templatesPath)/\(asset)")))
        }
        try files.write(
            "data/scorecards.json",
            Self.json(ScorecardsDocument(generatedAt: generatedAt, ignoredRobots: ignoredRobots, platforms: scorecards)))
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

/// What the site shows of past runs.
public struct SiteHistory: Sendable {
    public var changes: [Change]
    public var confirmRuns: Int

    public init(changes: [Change] = [], confirmRuns: Int = 2) {
        self.changes = changes
        self.confirmRuns = confirmRuns
    }
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
