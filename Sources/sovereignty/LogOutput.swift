import ArgumentParser
import Fetcher
import Foundation
import Logging

/// How the tool talks while it runs: plain lines, or JSON lines for log collectors; and, on a terminal, a progress line.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case plain
    case json
}

/// Writes log records to standard error, one line each.
struct LineLogHandler: LogHandler {
    var format: LogFormat
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let time = Date().formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
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
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// The progress line, on a terminal only; redrawn in place, cleared before each log line.
enum Console {
    static let isTerminal = isatty(STDERR_FILENO) == 1
    private static let lock = NSLock()
    nonisolated(unsafe) private static var shown = false

    static func progress(_ progress: FetchProgress) {
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
func makeLogger(_ format: LogFormat) -> Logger {
    Logger(label: "sovereignty") { _ in LineLogHandler(format: format) }
}
