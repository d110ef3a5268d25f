import Foundation
import Testing
import TestSupport

@testable import Archive

/// Lines written through zlib come back one at a time, whatever their length; a file cut short ends early, never
/// with half a line, and a plain file reads as it is.
@Suite struct GzipLinesTests {
    @Test func linesComeBackAsWrittenAndACutFileEndsAtItsLastWholeLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("lines.gz")
        let long = Data(String(repeating: "é{\"quote\":\"x\"}", count: 40_000).utf8)  // several read chunks
        let lines = [Data("first".utf8), Data(), long, Data("last".utf8)]
        let writer = try GzipLineWriter(path: path)
        for line in lines { try writer.write(line) }
        try writer.finish()
        let compressed = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(compressed.count < long.count / 10 && compressed.prefix(2) == Data([0x1f, 0x8b]))

        func read(_ path: String) throws -> [Data] {
            let reader = try #require(GzipLineReader(path: path))
            var read: [Data] = []
            while let line = reader.next() { read.append(line) }
            return read
        }
        #expect(try read(path) == lines)

        // Cut inside the stream: the lines before the cut, never a partial one.
        let cut = directory.path("cut.gz")
        try compressed.prefix(compressed.count / 2).write(to: URL(fileURLWithPath: cut))
        let partial = try read(cut)
        #expect(partial.count < lines.count && partial == Array(lines.prefix(partial.count)))

        let plain = directory.path("plain.txt")
        try Data("one\ntwo\nthree-without-newline".utf8).write(to: URL(fileURLWithPath: plain))
        #expect(try read(plain) == [Data("one".utf8), Data("two".utf8)])
        #expect(GzipLineReader(path: directory.path("absent.gz")) == nil)
    }
}
