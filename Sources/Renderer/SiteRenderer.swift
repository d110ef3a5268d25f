import Foundation
import History
import Scorecard
import SovereigntyModel

/// Writes the static site through `Templates/`: in French at the root and in English under `en/`, with the
/// language-neutral files (style, data, captures, sitemap) once at the root.
public struct SiteRenderer: Sendable {
    /// Templates the site cannot be built without.
    public static let requiredTemplates = [
        "index.html", "index.md", "list.html", "platform.html", "platform.md", "methodology.html", "about.html", "changes.html",
        "changes.md", "feed.xml", "badge.svg", "sitemap.xml", "providers.html", "provider.html", "capture.html",
    ]
    /// Files copied as they are from the templates folder.
    public static let assets = ["style.css", "data/scorecards.schema.json"]

    private let templates: TemplateSet
    private let templatesPath: String
    private let strings: [Strings]
    /// Names the templates and strings as loaded: a capture view kept with other ones is not reused.
    private let fingerprint: String

    /// Loads every template and both strings files, and fails, naming the folder and the file, when one is missing
    /// or does not parse, or when a language lacks a key the other has or a template uses.
    public init(templatesPath: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templatesPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError("templates folder '\(templatesPath)' does not exist (use --templates)")
        }
        strings = try SiteLanguage.allCases.map { try Strings(language: $0, templatesPath: templatesPath) }
        try Strings.checkSameKeys(strings)
        templates = try TemplateSet(directory: templatesPath, strings: strings)
        for name in Self.requiredTemplates where templates.renderers[.fr]?.templates[name] == nil {
            throw RenderError("template '\(templatesPath)/\(name).mustache' is missing")
        }
        for asset in Self.assets where !FileManager.default.fileExists(atPath: "\(templatesPath)/\(asset)") {
            throw RenderError("asset '\(templatesPath)/\(asset)' is missing")
        }
        self.templatesPath = templatesPath
        fingerprint = CaptureViews.fingerprint(of: templatesPath)
    }

    /// Renders every file of the site into `directory`, which is created if needed.
    /// - Parameters:
    ///   - reusing: the published site and the digests it was rendered with: a platform whose digest is unchanged has
    ///     its files hard-linked from that site instead of rendered again.
    ///   - encoded: the scorecards' JSON as the crawl already encoded it, in the same order.
    /// - Returns: each platform's digest, and which platforms were rendered.
    @discardableResult
    public func render(
        _ scorecards: [PlatformScorecard], content: SiteContent, into directory: URL, reusing: PageReuse? = nil, encoded: EncodedScorecards? = nil
    ) throws -> RenderOutcome {
        let files = FileWriter(root: directory)
        let captures = Dictionary(content.captures.compactMap { capture in capture.path.map { ($0, capture) } }, uniquingKeysWith: { first, _ in first })
        // Each readable capture with its quotes marked, worked out once for both languages and kept between runs.
        let keptViews = content.captureViews ?? directory.appendingPathComponent(".capture-views")
        defer { if content.captureViews == nil { try? FileManager.default.removeItem(at: keptViews) } }
        var undated = content
        undated.generatedAt = ""  // a view says when its capture was made, not when the site was: it is the same every run
        undated.captures = []
        let viewContent = undated
        // One view per capture, at the root in the site's first language with the other's words beside them.
        let (words, other) = (strings[0], strings[strings.count > 1 ? 1 : 0])
        let views = try CaptureViews.prepare(
            content, quotes: CaptureMarks.quotes(in: scorecards), fingerprint: fingerprint, folder: keptViews
        ) { capture, path, marks in
            let view = ViewBuilder(escaping: .html, strings: words, content: viewContent, categorySlugs: [:])
                .capturePage(capture, path: path, marks: marks, other: other)
            return (view, { try self.render(view, "capture.html", words: words) })
        }
        let published = CaptureLinks(content.captures, views: views.views)
        let providers = ProviderDirectory(catalog: content.catalog, scorecards: scorecards)
        let platforms = try platformPages(
            scorecards, content: content, captures: published, providers: providers, reusing: reusing, alreadyEncoded: encoded, files: files)
        // Each language, and the language-neutral files, are one job; the jobs share the cores, each with its own
        // strings and writer.
        let results = LanguageResults(count: strings.count + 1)
        DispatchQueue.concurrentPerform(iterations: strings.count + 1) { index in
            results.store(index) {
                guard index < strings.count else {
                    return try writeSharedFiles(scorecards, content: content, captures: captures, views: views, into: FileWriter(root: directory))
                }
                return try render(
                    scorecards, content: content, language: strings[index], captures: published, providers: providers, platforms: platforms,
                    into: FileWriter(root: directory))
            }
        }
        let pages = try results.pages()
        if let base = content.baseURL {
            let urls = pages.filter { $0.hasSuffix(".html") }.sorted().map { SiteURL.absolute(base, $0) }
            try files.write("sitemap.xml", render(SitemapView(urls: urls), "sitemap.xml", words: strings[0]))
        }
        for words in strings where !words.missing.isEmpty {
            throw RenderError("\(words.file): no words for key(s) \(words.missing.sorted().joined(separator: ", "))")
        }
        return RenderOutcome(
            digests: Dictionary(uniqueKeysWithValues: platforms.map { ($0.card.id, $0.digest) }),
            rendered: platforms.filter { $0.reuseFrom == nil }.map { $0.card.id })
    }

    /// Each platform's page inputs, dated as its pages show them, with their digest, and the published site to link
    /// its files from when that digest is the one it was rendered with. Writes `data/scorecards.json` on the way: the
    /// digest hashes each scorecard as that file encodes it, so that it is encoded once (a batch at a time on every
    /// core, the file written as it goes, so that memory holds one batch of encodings, not the file).
    private func platformPages(
        _ scorecards: [PlatformScorecard], content: SiteContent, captures: CaptureLinks, providers: ProviderDirectory, reusing: PageReuse?,
        alreadyEncoded: EncodedScorecards?, files: FileWriter
    ) throws -> [PlatformPageInputs] {
        let categorySlugs = ViewBuilder.uniqueSlugs(scorecards.map(\.category))
        let changes = Dictionary(grouping: content.history.changes, by: \.platformID)
        let corrections = Dictionary(grouping: content.corrections, by: \.platformID)
        let languages = strings.map(\.language)
        let digester = PlatformPageDigest(fingerprint: fingerprint, content: content, languages: languages)
        let previousSite = reusing?.previousSite.path ?? ""
        var pages: [PlatformPageInputs] = []
        pages.reserveCapacity(scorecards.count)
        try files.write(SiteFiles.scorecards) { write in
            let document = ScorecardsDocument(generatedAt: content.generatedAt, ignoredRobots: content.ignoredRobots, platforms: scorecards)
            var stream = try ScorecardsStream(document)
            for start in stride(from: 0, to: scorecards.count, by: Self.batch) {
                let positions = start..<min(scorecards.count, start + Self.batch)
                let batch = Array(scorecards[positions])
                // As the crawl encoded them, when it kept them; else encoded here.
                let kept = try alreadyEncoded?.json(at: positions, ids: batch.map(\.id))
                let encoded = Array(batch.indices).concurrentMap(chunk: 16) { index in
                    Result { () throws -> (json: Data, page: PlatformPageInputs) in
                        let card = batch[index]
                        let json = try kept?[index] ?? ScorecardJSON.encode(card)
                        let history = content.history.platforms[card.id] ?? PlatformHistory()
                        let shown = history.pageCard(card)
                        let digest = digester.digest(
                            json: json, shown: shown, history: history, changes: changes[card.id] ?? [], corrections: corrections[card.id] ?? [],
                            categorySlug: categorySlugs[card.category] ?? "", providerSlugs: providers.slugs, captures: captures)
                        let reuse = reusing.flatMap { reuse in
                            reuse.digests[card.id] == digest && PlatformPageInputs.files(card.id, languages: languages).allSatisfy { path in
                                FileManager.default.fileExists(atPath: previousSite + "/" + path)
                            } ? reuse.previousSite : nil
                        }
                        return (json, PlatformPageInputs(card: shown, history: history, digest: digest, reuseFrom: reuse))
                    }
                }
                for result in encoded {
                    let (json, page) = try result.get()
                    try stream.append(json, emit: write)
                    pages.append(page)
                }
            }
            try stream.finish(emit: write)
            try write(Data([0x0A]))
        }
        return pages
    }

    /// Platforms encoded between two writes of `data/scorecards.json`.
    private static let batch = 256

    /// Style, data files but `scorecards.json` (`platformPages`), the index copy, the captures and their readable
    /// views: the same for every language.
    /// Returns the views' paths.
    private func writeSharedFiles(
        _ scorecards: [PlatformScorecard], content: SiteContent, captures: [String: Capture], views: CaptureViews, into files: FileWriter
    ) throws -> [String] {
        for asset in Self.assets {
            try files.write(asset, Data(contentsOf: URL(fileURLWithPath: "\(templatesPath)/\(asset)")))
        }
        try files.write("data/scorecards.csv", Data(DataFiles.scorecards(scorecards).utf8))
        try files.write("data/hosts.csv", Data(DataFiles.hosts(scorecards).utf8))
        try files.write("data/history.csv", Data(content.history.historyCSV().utf8))
        try files.write("data/changes.csv", Data(DataFiles.changes(content.history.changes).utf8))
        for path in captures.keys.sorted() {
            let capture = captures[path]!
            if let file = capture.file { try files.link(path, to: file) } else { try files.write(path, capture.body) }
        }
        let paths = views.views.keys.sorted()
        for path in paths { try files.link(path, to: views.views[path]!.file) }
        // Last, so that the index copy has the whole job's time to be written.
        if let index = content.indexCopy {
            try content.indexCopyReady?()
            try files.link(SiteFiles.indexCopy, to: index)
        }
        return paths
    }

    /// One language's pages; returns their paths from the site root.
    private func render(
        _ scorecards: [PlatformScorecard], content: SiteContent, language words: Strings, captures: CaptureLinks, providers: ProviderDirectory,
        platforms: [PlatformPageInputs], into files: FileWriter
    ) throws -> [String] {
        let categorySlugs = ViewBuilder.uniqueSlugs(scorecards.map(\.category))
        let html = ViewBuilder(escaping: .html, strings: words, content: content, categorySlugs: categorySlugs, providerSlugs: providers.slugs)
        let markdown = ViewBuilder(escaping: .markdown, strings: words, content: content, categorySlugs: categorySlugs)
        var written: [String] = []
        func write(_ path: String, _ view: some Encodable, _ template: String) throws {
            let full = words.language.folder + path
            try files.write(full, render(view, template, words: words))
            written.append(full)
        }
        try write("index.html", html.summary(scorecards), "index.html")
        try write("index.md", markdown.summary(scorecards), "index.md")
        for rule in Rubric.levels {
            try write("levels/\(rule.level.slug).html", html.levelPage(rule.level, scorecards), "list.html")
        }
        for category in ViewBuilder.categories(scorecards) {
            try write("categories/\(categorySlugs[category]!).html", html.categoryPage(category, scorecards), "list.html")
        }
        try write("methodology.html", html.methodology(), "methodology.html")
        try write("about.html", html.about(), "about.html")
        let htmlChanges = html.recentChangeViews()
        let markdownChanges = markdown.recentChangeViews()
        try write("changes.html", html.changes(htmlChanges.views, total: htmlChanges.total), "changes.html")
        try write("changes.md", markdown.changes(markdownChanges.views, total: markdownChanges.total), "changes.md")
        try write("feed.xml", html.changesFeed(htmlChanges.views, total: htmlChanges.total), "feed.xml")
        // A platform's own files carry no run date: on a night when nothing changed they are those of the night before.
        var (stableHTML, stableMarkdown) = (html, markdown)
        (stableHTML.stable, stableMarkdown.stable) = (true, true)
        let rendered = Set(platforms.lazy.filter { $0.reuseFrom == nil }.map(\.card.id))
        let htmlByPlatform = stableHTML.changeViews(of: rendered)
        let markdownByPlatform = stableMarkdown.changeViews(of: rendered)
        for platform in platforms {
            let (card, history) = (platform.card, platform.history)
            let paths = PlatformPageInputs.files(card.id, languages: [words.language])
            if let previous = platform.reuseFrom {
                let previousPath = previous.path
                for path in paths { try files.link(path, toPath: previousPath + "/" + path) }
                written += paths
                continue
            }
            let ownChanges = htmlByPlatform[card.id] ?? []
            try write("platforms/\(card.id).html", stableHTML.platform(card, history: history, captures: captures, changes: ownChanges), "platform.html")
            try write(
                "platforms/\(card.id).md",
                stableMarkdown.platform(card, history: history, captures: captures, changes: markdownByPlatform[card.id] ?? []), "platform.md")
            try write(
                "platforms/\(card.id).xml", stableHTML.platformFeed(card.id, name: card.name, views: ownChanges, since: history.unchangedSince),
                "feed.xml")
            try write("badges/\(card.id).svg", stableHTML.badge(card), "badge.svg")
        }
        try write("providers/index.html", html.providersIndex(providers), "providers.html")
        for entry in providers.entries {
            try write("providers/\(entry.slug).html", html.providerPage(entry, captures: captures), "provider.html")
        }
        return written
    }

    /// Stable JSON: sorted keys, so the same scorecards give the same bytes.
    public static func json(_ document: ScorecardsDocument) throws -> Data {
        var data = try document.encodedByPlatform()
        data.append(0x0A)
        return data
    }

    private func render(_ view: some Encodable, _ template: String, words: Strings) throws -> Data {
        guard let data = templates.renderers[words.language]?.render(template, try TemplateEncoder.encode(view)) else {
            throw RenderError("template '\(template)' is not loaded")
        }
        return data
    }
}

/// The site now published and the digests of its platforms' page inputs (the manifest kept beside it).
public struct PageReuse: Sendable {
    public var previousSite: URL
    public var digests: [String: String]

    public init(previousSite: URL, digests: [String: String]) {
        self.previousSite = previousSite
        self.digests = digests
    }
}

/// What a rendering wrote of the platforms' own files.
public struct RenderOutcome: Sendable, Equatable {
    /// Each platform's page-input digest, by platform id: the manifest to keep beside the site.
    public var digests: [String: String]
    /// The platforms whose files were rendered (the others were linked from the published site), in ranking order.
    public var rendered: [String]
}

/// One platform's pages to write: its scorecard as the pages date it, its history of changes, and their digest.
struct PlatformPageInputs {
    var card: PlatformScorecard
    var history: PlatformHistory
    var digest: String
    /// The published site holding this platform's files, already rendered from the same digest.
    var reuseFrom: URL?

    /// A platform's own files in each language, from the site root.
    static func files(_ id: String, languages: [SiteLanguage]) -> [String] {
        languages.flatMap { language in
            ["platforms/\(id).html", "platforms/\(id).md", "platforms/\(id).xml", "badges/\(id).svg"].map { language.folder + $0 }
        }
    }
}

/// What each rendering job returned, filled from concurrent tasks.
private final class LanguageResults: @unchecked Sendable {
    private var results: [Result<[String], any Error>?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ work: () throws -> [String]) {
        let result = Result { try work() }
        lock.withLock { results[index] = result }
    }

    /// Every job's pages, or the first job's error.
    func pages() throws -> [String] {
        try results.flatMap { try $0!.get() }
    }
}

/// Paths of the data files other code and the README refer to.
public enum SiteFiles {
    public static let scorecards = "data/scorecards.json"
    public static let indexCopy = "data/archive-index.sqlite.gz"
}

public struct RenderError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Writes files under a root folder, creating sub-folders. Plain writes, no sync per file: the site is built in a
/// staging folder and swapped in whole, so a crash never publishes a half-written file.
final class FileWriter {
    let root: URL
    /// The root's path: files' paths are joined as text, thousands a run (`URL`'s path operations cost more than the
    /// link or write they name).
    private let rootPath: String
    private var folders: Set<Substring> = []

    init(root: URL) {
        self.root = root
        rootPath = root.path
    }

    func write(_ path: String, _ data: Data) throws {
        try write(path) { write in try write(data) }
    }

    /// Writes a file from the pieces `produce` hands to the function it is given, in order.
    func write(_ path: String, _ produce: ((Data) throws -> Void) throws -> Void) throws {
        let file = try place(path)
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw RenderError("cannot create \(file): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try produce { data in try Self.write(data, to: descriptor, at: file) }
    }

    private static func write(_ data: Data, to descriptor: Int32, at file: String) throws {
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw RenderError("cannot write \(file): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Publishes a file kept elsewhere under `path`: a hard link (no second copy on disk), or a copy when the two
    /// folders are on different file systems.
    func link(_ path: String, to file: URL) throws {
        try link(path, toPath: file.path)
    }

    func link(_ path: String, toPath file: String) throws {
        if Foundation.link(file, try place(path)) == 0 { return }
        try write(path, Data(contentsOf: URL(fileURLWithPath: file)))
    }

    /// The full path of a file under the root, its folder created the first time one of its files is written.
    private func place(_ path: String) throws -> String {
        let file = rootPath + "/" + path
        let folder = file[..<(file.lastIndex(of: "/") ?? file.endIndex)]
        if !folders.contains(folder) {
            try FileManager.default.createDirectory(atPath: String(folder), withIntermediateDirectories: true)
            folders.insert(folder)
        }
        return file
    }
}
