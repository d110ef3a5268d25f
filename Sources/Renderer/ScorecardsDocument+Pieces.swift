import Foundation
import Scorecard

extension ScorecardsDocument {
    /// The bytes of `ScorecardJSON.encode(self)`, encoded one platform at a time and spliced into the document
    /// encoded without platforms: the encoder builds a tree of the whole value first, which for thousands of platforms
    /// costs several times the file in memory; a platform's tree is small.
    ///
    /// Splicing is exact because the pretty printer indents by two spaces a level, writes an empty array as `[`, an
    /// empty line and `]`, and never puts a raw line break inside a string; `ScorecardsJSONTests` checks it.
    func encodedByPlatform() throws -> Data {
        var bytes = Data()
        try encodeByPlatform { bytes.append($0) }
        return bytes
    }

    /// The same bytes handed over in pieces of about a megabyte, so that a writer never holds the whole file.
    func encodeByPlatform(_ emit: (Data) throws -> Void) throws {
        guard !platforms.isEmpty else { return try emit(ScorecardJSON.encode(self)) }
        var skeleton = self
        skeleton.platforms = []
        let frame = try ScorecardJSON.encode(skeleton)
        let empty = Data("\"platforms\" : [\n\n  ]".utf8)
        guard let slot = frame.range(of: empty) else { return try emit(ScorecardJSON.encode(self)) }
        var bytes = Data(frame[..<slot.lowerBound])
        bytes.append(contentsOf: "\"platforms\" : [\n".utf8)
        for (index, platform) in platforms.enumerated() {
            if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
            Self.append(try ScorecardJSON.encode(platform), indentedBy: 4, to: &bytes)
            if bytes.count >= 1 << 20 {
                try emit(bytes)
                bytes = Data()
            }
        }
        bytes.append(contentsOf: "\n  ]".utf8)
        bytes.append(frame[slot.upperBound...])
        try emit(bytes)
    }

    /// Appends pretty-printed JSON one level deeper: spaces after each line break, except on the empty line of an
    /// empty array or object, which the printer leaves empty.
    private static func append(_ json: Data, indentedBy spaces: Int, to bytes: inout Data) {
        let indent = [UInt8](repeating: 0x20, count: spaces)
        json.withUnsafeBytes { raw in
            let json = raw.bindMemory(to: UInt8.self)
            bytes.append(contentsOf: indent)
            var start = 0
            for index in json.indices where json[index] == 0x0A {
                bytes.append(UnsafeBufferPointer(rebasing: json[start...index]))
                start = index + 1
                if start < json.count && json[start] != 0x0A { bytes.append(contentsOf: indent) }
            }
            bytes.append(UnsafeBufferPointer(rebasing: json[start...]))
        }
    }
}
