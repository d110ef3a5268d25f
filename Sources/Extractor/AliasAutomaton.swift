/// Aho–Corasick over UTF-16 code units (ASCII each its own symbol, anything else one shared symbol):
/// finds every alias in a sentence in one pass, with positions that are `NSRange` offsets.
struct AliasAutomaton: Sendable {
    private static let symbolCount = 129
    private let transitions: [Int32]
    /// The pattern that ends at each state, or -1.
    private let terminal: [Int32]
    /// The next state down the failure chain that ends a pattern, or -1.
    private let outputLink: [Int32]
    private let lengths: [Int]

    @inline(__always)
    private static func symbol(_ unit: UInt16) -> Int { unit < 128 ? Int(unit) : 128 }

    init(patterns: [String]) {
        var goto: [[Int32]] = [[Int32](repeating: -1, count: Self.symbolCount)]
        var terminal: [Int32] = [-1]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for unit in pattern.utf16 {
                let symbol = Self.symbol(unit)
                if goto[state][symbol] < 0 {
                    goto[state][symbol] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: Self.symbolCount))
                    terminal.append(-1)
                }
                state = Int(goto[state][symbol])
            }
            if terminal[state] < 0 { terminal[state] = Int32(index) }
        }
        var failure = [Int](repeating: 0, count: goto.count)
        var outputLink = [Int32](repeating: -1, count: goto.count)
        var queue: [Int] = []
        for symbol in 0..<Self.symbolCount {
            if goto[0][symbol] < 0 { goto[0][symbol] = 0 } else { queue.append(Int(goto[0][symbol])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fallback = failure[state]
            outputLink[state] = terminal[fallback] >= 0 ? Int32(fallback) : outputLink[fallback]
            for symbol in 0..<Self.symbolCount {
                let next = goto[state][symbol]
                if next < 0 {
                    goto[state][symbol] = goto[fallback][symbol]
                } else {
                    failure[Int(next)] = state == 0 ? 0 : Int(goto[fallback][symbol])
                    queue.append(Int(next))
                }
            }
        }
        self.transitions = goto.flatMap { $0 }
        self.terminal = terminal
        self.outputLink = outputLink
        self.lengths = patterns.map { $0.utf16.count }
    }

    /// Every occurrence: the pattern's index and its UTF-16 range in `text`.
    func matches(in text: String) -> [(pattern: Int, location: Int, length: Int)] {
        var found: [(Int, Int, Int)] = []
        var state = 0
        var position = 0
        for unit in text.utf16 {
            state = Int(transitions[state &* Self.symbolCount &+ Self.symbol(unit)])
            position += 1
            var output = terminal[state] >= 0 ? state : Int(outputLink[state])
            while output >= 0 {
                let pattern = Int(terminal[output])
                found.append((pattern, position - lengths[pattern], lengths[pattern]))
                output = Int(outputLink[output])
            }
        }
        return found
    }
}
