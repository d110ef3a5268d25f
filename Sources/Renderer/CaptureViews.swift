import Crypto
import Foundation
import SovereigntyModel

/// The readable views of the captures, each worked out once. A view depends only on its capture's bytes, the quotes
/// marked in it, the templates and the language, never on the run's date: it is kept in `SiteContent.captureViews`
/// (the archive) under a digest of all it depends on, and hard-linked into every site that shows it. A rerun then
/// reads no capture and writes no view again, and memory holds one capture's text at a time, never all of them.
struct CaptureViews {
    /// One view as the site publishes it.
    struct View {
        /// `captures/<sha256>.html`, from the site's root.
        var path: String
        /// Anchors of the quotes found in the text: a link gets its `#anchor` only when the sentence is there.
        var anchors: Set<String>
        /// The kept page.
        var file: URL
    }

    /// The views by path.
    let views: [String: View]

    /// Finds each view kept in `folder`, and works out and keeps those missing. Only a capture some quote was read
    /// from has a view: the quote's link is the way to it (a document's own row links its raw capture).
    /// - Parameters:
    ///   - fingerprint: names the templates and strings, so that a view kept with others is not reused.
    ///   - page: the page of one view, `marks` nil for the page without its text (what its digest is of).
    static func prepare(
        _ content: SiteContent, quotes: [String: Set<String>], fingerprint: String, folder: URL,
        page: @escaping @Sendable (Capture, String, CaptureMarks?) throws -> (view: CapturePageView, data: () throws -> Data)
    ) throws -> CaptureViews {
        // Two addresses that served the same bytes share a view: the quotes of both are marked in it.
        var order: [String] = []
        var wanted: [String: (capture: Capture, quotes: Set<String>)] = [:]
        for capture in content.captures {
            guard let path = capture.textPath, let quoted = quotes[capture.url], !quoted.isEmpty else { continue }
            if wanted[path] == nil {
                order.append(path)
                wanted[path] = (capture, [])
            }
            wanted[path]!.quotes.formUnion(quoted)
        }
        guard !order.isEmpty else { return CaptureViews(views: [:]) }
        let (paths, specs) = (order, wanted)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let results = Results(count: paths.count)
        let textVersion = content.captureTextVersion
        let readText = content.captureText
        // Paths joined as text: thousands of views a run, where `URL`'s path operations cost more than the look-up.
        let folderPath = folder.path
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results.store(index) {
                let path = paths[index]
                let (capture, quotes) = specs[path]!
                let sortedQuotes = quotes.sorted()
                let textKey = digest(
                    ["text", textVersion, capture.sha256, capture.rendered ? "rendered" : "", capture.charset ?? ""] + sortedQuotes)
                let anchorsFile = folderPath + "/\(textKey).anchors"
                let bare = try page(capture, path, nil)
                // The page without its text, as the template reads it.
                let key = digest(["view", CaptureExcerpt.version, fingerprint, textKey, try TemplateEncoder.encode(bare.view).digest])
                let file = folderPath + "/\(key).html"
                if FileManager.default.fileExists(atPath: file), let anchors = FileManager.default.contents(atPath: anchorsFile) {
                    let lines = String(decoding: anchors, as: UTF8.self).split(separator: "\n")
                    return View(path: path, anchors: Set(lines.map(String.init)), file: URL(fileURLWithPath: file))
                }
                guard let text = capture.text ?? readText?(capture) else { return nil }
                let marks = CaptureMarks(text, quotes: quotes)
                // The anchors first: a view found kept always has its anchors beside it.
                try keep(Data(marks.anchors.sorted().joined(separator: "\n").utf8), at: URL(fileURLWithPath: anchorsFile))
                try keep(page(capture, path, marks).data(), at: URL(fileURLWithPath: file))
                return View(path: path, anchors: marks.anchors, file: URL(fileURLWithPath: file))
            }
        }
        var views: [String: View] = [:]
        for view in try results.values() { if let view { views[view.path] = view } }
        return CaptureViews(views: views)
    }

    /// A file written under a temporary name and renamed, so that a run killed meanwhile never leaves half a view
    /// that a later run would take for a whole one.
    private static func keep(_ data: Data, at file: URL) throws {
        let scratch = file.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part")
        try data.write(to: scratch)
        guard rename(scratch.path, file.path) == 0 else {
            let problem = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: scratch)
            throw RenderError("cannot keep the capture view \(file.path): \(problem)")
        }
    }

    /// SHA-256 of the parts, separated so that no two lists of parts give the same bytes.
    static func digest(_ parts: [String]) -> String {
        Hex.string(SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8)))
    }

    /// SHA-256 of every file under a folder, names and bytes, in name order: what the site's look depends on.
    static func fingerprint(of folder: String) -> String {
        var hash = SHA256()
        let names = ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []).sorted()
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            hash.update(data: Data(name.utf8))
            hash.update(data: Data([0]))
            hash.update(data: data)
        }
        return Hex.string(hash.finalize())
    }
}

/// Each view's outcome, filled from concurrent tasks.
private final class Results: @unchecked Sendable {
    private var results: [Result<CaptureViews.View?, any Error>?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ work: () throws -> CaptureViews.View?) {
        let result = Result { try work() }
        lock.withLock { results[index] = result }
    }

    func values() throws -> [CaptureViews.View?] { try results.map { try $0!.get() } }
}
