import Fetcher
import Foundation
import Logging
import SovereigntyModel

/// How the tool talks while it runs: plain lines, or JSON lines for log collectors; and, on a terminal, a progress line.
public enum LogFormat: String, Sendable, CaseIterable {
    case plain
    case json
}

/// Writes log records one line each, to standard error unless told otherwise.
public struct LineLogHandler: LogHandler {
    public var format: LogFormat
    /// Where lines go; standard error by default.
    public var write: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    public var now: @Sendable () -> Date = { Date() }
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    public init(format: LogFormat) {
        self.format = format
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let time = Timestamp.string(now())
        let line: String
        switch format {
        case .plain:
            line = "\(time) \(event.level) \(event.message)"
        case .json:
            var fields: [String: String] = ["time": time, "level": "\(event.level)", "message": "\(event.message)"]
            for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { fields[key] = "\(value)" }
            let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        Console.clearProgress()
        write(line)
    }
}

/// The progress line, on a terminal only; redrawn in place, cleared before each log line.
public enum Console {
    static let isTerminal = isatty(STDERR_FILENO) == 1
    private static let lock = NSLock()
    nonisolated(unsafe) private static var shown = false

    public static func progress(_ progress: FetchProgress) {
        guard isTerminal else { return }
        let rate = progress.elapsed > 0 ? Double(progress.done) / progress.elapsed : 0
        let text = String(format: "\r\u{1B}[2Kfetch: %d/%d documents, %d failed, %.1f/s", progress.done, progress.total, progress.failed, rate)
        lock.lock()
        shown = progress.done < progress.total
        FileHandle.standardError.write(Data((progress.done < progress.total ? text : text + "\n").utf8))
        lock.unlock()
    }

    static func clearProgress() {
        guard isTerminal else { return }
        lock.lock()
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        shown = false
        lock.unlock()
    }
}

/// The logger a command uses, and the pipeline's log closure on top of it.
public func makeLogger(_ format: LogFormat) -> Logger {
    Logger(label: "sovereignty") { _ in LineLogHandler(format: format) }
}

/// What the pipeline says while it runs: a line at its level, with fields a log collector can index
/// (`platform`, `url`, `reason` for a failed fetch).
public struct PipelineLog: Sendable {
    public enum Level: Sendable {
        case info
        case warning
    }

    private let sink: @Sendable (Level, String, [String: String]) -> Void

    public init(_ sink: @escaping @Sendable (Level, String, [String: String]) -> Void) {
        self.sink = sink
    }

    public static let silent = PipelineLog { _, _, _ in }

    /// Lines through a swift-log logger, metadata included.
    public static func logger(_ logger: Logger) -> PipelineLog {
        PipelineLog { level, message, metadata in
            logger.log(level: level == .warning ? .warning : .info, "\(message)", metadata: metadata.mapValues { .string($0) })
        }
    }

    func callAsFunction(_ message: String) { sink(.info, message, [:]) }

    func warning(_ message: String, _ metadata: [String: String] = [:]) { sink(.warning, message, metadata) }
}
