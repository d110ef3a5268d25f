import Foundation
import Scorecard

extension ScorecardsDocument {
    /// The bytes of `ScorecardJSON.encode(self)`, encoded one platform at a time (`ScorecardsStream`).
    func encodedByPlatform() throws -> Data {
        var bytes = Data()
        var stream = try ScorecardsStream(self)
        for platform in platforms { try stream.append(ScorecardJSON.encode(platform)) { bytes.append($0) } }
        stream.finish { bytes.append($0) }
        return bytes
    }
}

/// Writes `ScorecardJSON.encode(document)` from each platform's own `ScorecardJSON.encode(platform)`, handed over in
/// order, and hands its bytes on in pieces of about a megabyte: the encoder builds a tree of the whole value first,
/// which for thousands of platforms costs several times the file in memory; a platform's tree is small. The renderer
/// hashes each platform's encoding too (`PlatformPageDigest`), so a platform is encoded once.
///
/// Splicing is exact because the pretty printer indents by two spaces a level, writes an empty array as `[`, an
/// empty line and `]`, and never puts a raw line break inside a string; `ScorecardsJSONTests` checks it.
struct ScorecardsStream {
    /// The document without its platforms, after the slot where they go.
    private let tail: Data
    private var bytes: Data
    private var count = 0
    /// Without platforms the document is written whole and there is no slot.
    private let empty: Bool

    init(_ document: ScorecardsDocument) throws {
        var skeleton = document
        skeleton.platforms = []
        let frame = try ScorecardJSON.encode(skeleton)
        empty = document.platforms.isEmpty
        guard !empty else {
            (bytes, tail) = (frame, Data())
            return
        }
        guard let slot = frame.range(of: Data("\"platforms\" : [\n\n  ]".utf8)) else {
            throw RenderError("\(SiteFiles.scorecards): the JSON encoder no longer writes an empty list of platforms as expected")
        }
        bytes = Data(frame[..<slot.lowerBound])
        bytes.append(contentsOf: "\"platforms\" : [\n".utf8)
        tail = Data("\n  ]".utf8) + frame[slot.upperBound...]
    }

    /// The next platform's `ScorecardJSON.encode(platform)`; `emit` is handed a piece when one is ready.
    mutating func append(_ json: Data, emit: (Data) throws -> Void) rethrows {
        precondition(!empty, "a document without platforms was given one")
        if count > 0 { bytes.append(contentsOf: ",\n".utf8) }
        count += 1
        Self.append(json, indentedBy: 4, to: &bytes)
        if bytes.count >= 1 << 20 {
            try emit(bytes)
            bytes = Data()
        }
    }

    /// Hands over the rest of the document.
    mutating func finish(emit: (Data) throws -> Void) rethrows {
        bytes.append(tail)
        try emit(bytes)
        bytes = Data()
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
