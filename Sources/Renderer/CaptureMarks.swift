import Scorecard
import SovereigntyModel

/// Where the quotes sit in a capture's text: each block cut into plain and marked pieces, the first occurrence of
/// each quote carrying its anchor, so that a quote's link lands on its sentence. Pure.
struct CaptureMarks {
    struct Segment: Encodable, Equatable {
        var text: String
        var mark: Bool
        var id: String?
    }

    struct Block: Encodable, Equatable {
        var heading: Bool
        var segments: [Segment]
        /// Stands for blocks left out of a view (see `CaptureExcerpt`), with no text of its own.
        var omission = false

        static let omissionMarker = Block(heading: false, segments: [], omission: true)
    }

    let blocks: [Block]
    /// Anchors of the quotes found in the text: a link gets its `#anchor` only when the sentence is there to land on.
    let anchors: Set<String>

    init(_ text: [ReadableBlock], quotes: Set<String>) {
        // Longest first, so that a quote inside a longer one does not cut it.
        let wanted = quotes.filter { !$0.isEmpty }.sorted { ($0.count, $0) > ($1.count, $1) }
        var anchored: Set<String> = []
        blocks = text.map { block in
            var found: [(range: Range<String.Index>, quote: String)] = []
            for quote in wanted {
                var start = block.text.startIndex
                while let range = block.text.range(of: quote, range: start..<block.text.endIndex) {
                    if !found.contains(where: { $0.range.overlaps(range) }) { found.append((range, quote)) }
                    start = range.upperBound
                }
            }
            found.sort { $0.range.lowerBound < $1.range.lowerBound }
            var segments: [Segment] = []
            var position = block.text.startIndex
            for (range, quote) in found {
                if position < range.lowerBound { segments.append(Segment(text: String(block.text[position..<range.lowerBound]), mark: false)) }
                let id = Self.anchor(quote)
                segments.append(Segment(text: String(block.text[range]), mark: true, id: anchored.insert(id).inserted ? id : nil))
                position = range.upperBound
            }
            if position < block.text.endIndex { segments.append(Segment(text: String(block.text[position...]), mark: false)) }
            return Block(heading: block.isHeading, segments: segments)
        }
        anchors = anchored
    }

    /// A quote's anchor: `q-` and the FNV-1a hash of its words, the same from one rendering to the next.
    static func anchor(_ quote: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in quote.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "q-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Every sentence the scorecards quote, by the address it was read at.
    static func quotes(in scorecards: [PlatformScorecard]) -> [String: Set<String>] {
        var quotes: [String: Set<String>] = [:]
        for card in scorecards {
            let evidence = card.hosts.flatMap(\.evidence) + card.hds.evidence + card.secNumCloud.evidence + card.zeroKnowledge.evidence
                + card.dataLocationEvidence.map(\.evidence) + card.exposureDisclosures + card.conflicts.flatMap(\.evidence)
            for item in evidence { quotes[item.url, default: []].insert(item.quote) }
        }
        return quotes
    }
}
