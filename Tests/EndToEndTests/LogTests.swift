import Foundation
import Logging
import Pipeline
import Testing

/// Log lines as a log collector reads them.
@Suite struct LogTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    func logger(_ format: LogFormat, into lines: Lines) -> Logger {
        Logger(label: "test") { _ in
            var handler = LineLogHandler(format: format)
            handler.write = { lines.add($0) }
            handler.now = { Date(timeIntervalSince1970: 1_795_316_400) }
            return handler
        }
    }

    @Test func jsonLinesAreOneObjectEach() throws {
        let lines = Lines()
        var logger = logger(.json, into: lines)
        logger[metadataKey: "run"] = "3"
        logger.info("fetched \"12\" documents\nin 2 s", metadata: ["platform": "doctolib"])
        let line = try #require(lines.all.first)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == [
            "time": "2026-11-22T03:00:00Z", "level": "info", "message": "fetched \"12\" documents\nin 2 s", "platform": "doctolib", "run": "3",
        ])
    }

    @Test func plainLinesCarryTimeLevelAndMessage() {
        let lines = Lines()
        logger(.plain, into: lines).warning("robots.txt ignored")
        #expect(lines.all == ["2026-11-22T03:00:00Z warning robots.txt ignored"])
    }
}
