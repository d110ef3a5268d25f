import Archive
import Fetcher
import Foundation
import Renderer
import SovereigntyModel

/// The fetch → archive → extract steps for one document at a time, as the fetcher hands each over: the document
/// is rendered by a browser when asked for, appended to the run's archive, read on a core the fetch leaves free,
/// its capture kept, and its body let go. The run then holds what was read, never the bodies.
///
/// A document unchanged since its archived copy (a 304, or the same bytes again) is not read: the judge reuses the
/// findings kept with that copy.
final class DocumentStream: @unchecked Sendable {
    private let queue: BoundedQueue<FetchRecord>
    private let writer: ArchiveRunWriter
    private let reader: DocumentReader
    private let references: [String: DocumentReference]
    private let browserURLs: Set<String>
    private let browser: BrowserRenderer?
    private let captures: CaptureStore
    private let log: PipelineLog
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var readings: [String: DocumentSnapshot] = [:]
    private var unrendered = 0
    private var failure: Error?

    /// Starts `workers` threads (one per core by default) that take documents off a queue of a few per worker.
    init(
        writer: ArchiveRunWriter, reader: DocumentReader, references: [String: DocumentReference], browserURLs: Set<String>,
        browser: BrowserRenderer, captures: CaptureStore, log: PipelineLog, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.writer = writer
        self.reader = reader
        self.references = references
        self.browserURLs = browserURLs
        self.browser = browserURLs.isEmpty || !browser.isInstalled ? nil : browser
        self.captures = captures
        self.log = log
        queue = BoundedQueue(capacity: 4 * max(1, workers))
        for number in 0..<max(1, workers) {
            group.enter()
            let thread = Thread { [self] in
                while let record = queue.take() { take(record) }
                group.leave()
            }
            thread.name = "sovereignty.document-\(number)"
            thread.start()
        }
    }

    /// Hands one fetched document over; waits while the workers are behind (called on the fetcher's thread).
    func accept(_ record: FetchRecord) { queue.put(record) }

    /// Waits for the documents handed over, then returns what was read, by URL (the records without bodies).
    /// - Throws: the first archive error, which stops the run.
    func finish() async throws -> [String: DocumentSnapshot] {
        queue.close()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            group.notify(queue: .global()) { continuation.resume() }
        }
        return try lock.withLock {
            if let failure { throw failure }
            if unrendered > 0 {
                log("render: browser is asked for \(unrendered) document(s), but Chromium is not installed (apt-get install chromium): they are read as fetched")
            }
            return readings
        }
    }

    private func take(_ fetched: FetchRecord) {
        guard lock.withLock({ failure == nil }) else { return }
        var record = fetched
        let url = record.requestedURL
        if browserURLs.contains(url), record.failure == nil {
            if let browser {
                switch browser.render(record.finalURL) {
                case .success(let dom): record.rendered = dom
                case .failure(let failure): log.warning("[render] \(url): \(failure)", ["url": url])
                }
            } else {
                lock.withLock { unrendered += 1 }
            }
        }
        do {
            let appended = try writer.append(record)
            guard !appended.isRevisit, appended.record.succeeded, let reference = references[url] else { return }
            var snapshot = reader.read(reference, fetch: appended.record)
            if snapshot.findings != nil, let sha = record.sha256, !record.body.isEmpty || record.rendered != nil {
                _ = try captures.capture(sha256: sha, contentType: record.contentType, url: record.finalURL, rendered: record.rendered != nil) {
                    record.rendered ?? record.body
                }
            }
            snapshot.fetch = snapshot.fetch.withoutBody
            lock.withLock { readings[url] = snapshot }
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }
}
