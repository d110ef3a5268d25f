import Foundation

/// Words without which a regular expression cannot match, read from the expression itself: every match of
/// `heberg|\bhosted\b|\bstored\s+(?:by|with)` holds "heberg", "hosted" or "stored". Looking for a few words in a
/// sentence's bytes costs a small part of running ICU over it, and most sentences a pattern is asked about hold none
/// of them (the way code search and RE2 filter texts with the literals of an expression).
///
/// Only the syntax the Extractor's patterns use is understood (literals, escaped signs, classes, groups, alternation,
/// quantifiers, `\b \s \d \w`, anchors and lookarounds); anything else gives no words, and the pattern always runs.
struct RegexLiterals: Sendable, Equatable {
    /// UTF-8 of the words, none inside another.
    let words: [[UInt8]]
    /// The words for one pass over a text, when they are many.
    private let index: WordIndex?

    /// Up to this many words, each is looked for alone (memchr is fast on a few); beyond, `WordIndex` is used.
    static let wordsSearchedAlone = 2

    /// Nil when the expression names no word every match holds (or uses syntax not understood here).
    init?(pattern: String) {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.atEnd,
            let factors = node.exact ?? node.factors, !factors.contains(""), factors.allSatisfy({ $0.unicodeScalars.count >= 2 })
        else { return nil }
        // A text holding "serveurs" holds "serveur": only the shorter is looked for.
        let sorted = factors.sorted { $0.utf8.count < $1.utf8.count }
        var kept: [String] = []
        for word in sorted where !kept.contains(where: { UTF8Bytes.contains(word, $0) }) { kept.append(word) }
        words = kept.map { Array($0.utf8) }
        index = words.count > Self.wordsSearchedAlone ? WordIndex(words.map { ($0, 0) }) : nil
    }

    /// Strings one of which every match of the expression starts with, past its zero-width assertions (`\b`,
    /// lookarounds): "(?:envoye|transmis)e?s?\s+par" starts with "envoye" or "transmis". A match can start only where
    /// one of them is, so ICU need be tried only there (`MatchStarts`). Nil when the expression may start otherwise
    /// (with a class of many characters, an optional part, a repetition that may be empty) or is not understood here.
    static func matchStarts(of pattern: String) -> [String]? {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.atEnd, let starts = node.starts, !starts.isEmpty, !starts.contains("")
        else { return nil }
        return starts.sorted()
    }

    /// The top-level alternatives of an expression ("a|(?:b|c)d" gives "a" and "(?:b|c)d"), or nil when it has one or
    /// its syntax is not understood here.
    static func alternatives(of pattern: String) -> [String]? {
        let scalars = Array(pattern.unicodeScalars)
        var parser = Parser(scalars)
        guard parser.parseAlternation() != nil, parser.atEnd, parser.topLevelBars.count > 0 else { return nil }
        let bounds = [-1] + parser.topLevelBars + [scalars.count]
        return zip(bounds, bounds.dropFirst()).map { String(String.UnicodeScalarView(scalars[($0 + 1)..<$1])) }
    }

    /// False only when no word is in the text: then the expression cannot match it.
    func mayMatch(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            if let index { return index.owners(in: bytes, moreThan: 0) != 0 }
            return words.contains { word in word.withUnsafeBufferPointer { UTF8Bytes.contains(bytes, $0) } }
        } ?? true
    }

    /// What is known of the strings a part of the expression matches.
    struct Info {
        /// Every string it can match, when they are few.
        var exact: Set<String>?
        /// Strings one of which is inside every match (nil: nothing known).
        var factors: Set<String>?
        /// Strings one of which every match starts with ([""]: the part matches no character, as an assertion; nil:
        /// nothing known). Its exact strings say it when they are known.
        var prefix: Set<String>? = nil

        /// What every match starts with: its exact strings when none is empty (or it is only zero-width), else `prefix`.
        var starts: Set<String>? {
            if let exact, !exact.contains("") || exact == [""] { return exact }
            return prefix
        }

        static let empty = Info(exact: [""], factors: nil)
        static let unknown = Info(exact: nil, factors: nil)
        /// At most this many strings are enumerated.
        static let limit = 64

        /// The best-known words for the whole match: its exact strings, else its factors.
        var required: Set<String>? { exact ?? factors }
    }

    /// A recursive-descent reader of the expression, giving `Info` for each part.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        /// Where the "|" outside any group are.
        var topLevelBars: [Int] = []
        private var depth = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { position == scalars.count }
        private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        mutating func parseAlternation() -> Info? {
            var branches: [Info] = []
            guard let first = parseConcatenation() else { return nil }
            branches.append(first)
            while current == "|" {
                if depth == 0 { topLevelBars.append(position) }
                position += 1
                guard let next = parseConcatenation() else { return nil }
                branches.append(next)
            }
            if branches.count == 1 { return branches[0] }
            var exact: Set<String>? = []
            var factors: Set<String>? = []
            for branch in branches {
                if let branchExact = branch.exact, let union = exact { exact = union.union(branchExact) } else { exact = nil }
                if let required = branch.required, let union = factors { factors = union.union(required) } else { factors = nil }
            }
            if let count = exact?.count, count > Info.limit { exact = nil }
            if factors?.contains("") == true { factors = nil }
            var prefix: Set<String>? = []
            for branch in branches {
                if let starts = branch.starts, let union = prefix { prefix = union.union(starts) } else { prefix = nil }
            }
            if let count = prefix?.count, count > Info.limit { prefix = nil }
            return Info(exact: exact, factors: factors, prefix: prefix)
        }

        /// A sequence: the exact strings of each run of exact parts, and the factors of the other parts, are each a
        /// set one of which every match holds; the longest-worded such set is kept.
        mutating func parseConcatenation() -> Info? {
            var run: Set<String>? = [""]
            var allExact = true
            var candidates: [Set<String>] = []
            // The strings the match starts with: the leading parts of fixed strings one after the other (some
            // perhaps empty), followed, when one of them is empty, by what the next part starts with.
            var prefix: Set<String>? = [""]
            var prefixOpen = true
            while let scalar = current, scalar != "|", scalar != ")" {
                guard let piece = parseQuantified() else { return nil }
                if prefixOpen, let current = prefix {
                    if let exact = piece.exact, current.count * exact.count <= Info.limit {
                        prefix = Self.product(current, exact)
                    } else {
                        // Fixed strings that may be empty ("(?:ab)?") leave the start to this part.
                        if current.contains("") {
                            prefix = piece.starts.flatMap { current.count * $0.count <= Info.limit ? Self.product(current, $0) : nil }
                        }
                        prefixOpen = false
                    }
                }
                if let exact = piece.exact {
                    let product = (run ?? [""]).count * exact.count
                    if product <= Info.limit, let current = run {
                        run = Set(current.flatMap { prefix in exact.map { prefix + $0 } })
                    } else {
                        if let current = run { candidates.append(current) }
                        run = exact
                        allExact = false
                    }
                } else {
                    if let current = run { candidates.append(current) }
                    if let factors = piece.factors { candidates.append(factors) }
                    run = nil
                    allExact = false
                }
            }
            if let current = run { candidates.append(current) }
            let useful = candidates.filter { !$0.contains("") && !$0.isEmpty }
            let best = useful.max { score($0) < score($1) }
            return Info(exact: allExact ? run : nil, factors: best, prefix: prefix)
        }

        /// Every string of `first` followed by every string of `second`.
        private static func product(_ first: Set<String>, _ second: Set<String>) -> Set<String> {
            Set(first.flatMap { start in second.map { start + $0 } })
        }

        /// Longer words filter better; fewer of them cost less to look for.
        private func score(_ words: Set<String>) -> (Int, Int) {
            (words.map { $0.unicodeScalars.count }.min() ?? 0, -words.count)
        }

        mutating func parseQuantified() -> Info? {
            guard let atom = parseAtom() else { return nil }
            guard let scalar = current else { return atom }
            var info: Info
            switch scalar {
            case "?":
                position += 1
                info = Info(exact: atom.exact.map { $0.union([""]) }, factors: nil)
            case "*":
                position += 1
                info = .unknown
            case "+":
                position += 1
                info = Info(exact: nil, factors: atom.required, prefix: atom.starts)
            case "{":
                guard let minimum = parseInterval() else { return nil }
                info = minimum == 0 ? .unknown : Info(exact: nil, factors: atom.required, prefix: atom.starts)
            default:
                return atom
            }
            // Lazy and possessive forms match the same strings.
            if current == "?" || current == "+" { position += 1 }
            return info
        }

        /// `{m}`, `{m,}` or `{m,n}`: returns m.
        private mutating func parseInterval() -> Int? {
            position += 1
            var digits = ""
            while let scalar = current, ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                position += 1
            }
            guard let minimum = Int(digits) else { return nil }
            while let scalar = current, scalar != "}" {
                guard scalar == "," || ("0"..."9").contains(scalar) else { return nil }
                position += 1
            }
            guard current == "}" else { return nil }
            position += 1
            return minimum
        }

        mutating func parseAtom() -> Info? {
            guard let scalar = current else { return nil }
            position += 1
            switch scalar {
            case "(":
                var lookaround = false
                if current == "?" {
                    let next = position + 1 < scalars.count ? scalars[position + 1] : " "
                    if next == ":" {
                        position += 2
                    } else if next == "=" || next == "!" {
                        position += 2
                        lookaround = true
                    } else if next == "<", position + 2 < scalars.count, scalars[position + 2] == "=" || scalars[position + 2] == "!" {
                        position += 3
                        lookaround = true
                    } else {
                        return nil  // flags, named groups, comments, atomic groups
                    }
                }
                depth += 1
                guard let inner = parseAlternation(), current == ")" else { return nil }
                depth -= 1
                position += 1
                return lookaround ? .empty : inner  // a lookaround matches no characters of its own
            case "[":
                return parseClass()
            case "\\":
                guard let escaped = current else { return nil }
                position += 1
                switch escaped {
                case "b", "B", "A", "z", "Z", "G": return .empty
                case "s", "S", "d", "D", "w", "W": return .unknown
                default:
                    guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
                    return Info(exact: [String(escaped)], factors: nil)
                }
            case "^", "$":
                return .empty
            case ".":
                return .unknown
            case ")", "|", "?", "*", "+", "{", "}", "]":
                return nil
            default:
                guard scalar != "#", !scalar.properties.isWhitespace || scalar == " " else { return nil }
                return Info(exact: [String(scalar)], factors: nil)
            }
        }

        /// A bracket class: its characters when they are few and plain, else any character.
        private mutating func parseClass() -> Info? {
            var negated = false
            if current == "^" {
                negated = true
                position += 1
            }
            var members: Set<String>? = []
            guard current != "]" else { return nil }
            while let scalar = current, scalar != "]" {
                position += 1
                var member = scalar
                if scalar == "[" { return nil }  // nested sets and POSIX classes
                if scalar == "\\" {
                    guard let escaped = current else { return nil }
                    position += 1
                    if "sSdDwWpP".unicodeScalars.contains(escaped) {
                        if escaped == "p" || escaped == "P" { return nil }
                        members = nil
                        continue
                    }
                    guard escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
                    member = escaped
                }
                if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                    // A range: many characters, told apart no further.
                    position += 1
                    guard let end = current, end != "\\", end != "[" else { return nil }
                    position += 1
                    _ = end
                    members = nil
                    continue
                }
                members?.insert(String(member))
            }
            guard current == "]" else { return nil }
            position += 1
            guard !negated, let members, !members.isEmpty, members.count <= 8 else { return .unknown }
            return Info(exact: members, factors: nil)
        }
    }
}

/// Many words looked for in one pass over a text, each word standing for an owner (an alternative of an expression,
/// 0 to 63): a bit set of the first two bytes of the words passes over most places, and the words whose first two
/// bytes are at a place are compared there in full. Looking for each word alone would go over the text once per word.
///
/// When the shortest word has m bytes, only every (m - 1)th place is looked at (a block of two bytes, as Wu and Manber
/// do): each of the first m - 1 pairs of bytes of a word stands for it, at its offset, and whatever place a word is
/// at, one of those pairs is at a place looked at.
struct WordIndex: Sendable, Equatable {
    /// Each word (at least two bytes) with its owner.
    private let words: [(bytes: [UInt8], owner: Int)]
    private let pairs: [UInt64]
    /// The words by a small hash of each of their first `step` pairs of bytes (`bucket`), in their order:
    /// `entries[bucketStarts[b]..<bucketStarts[b + 1]]` are the words of bucket b, so a place whose pair is set compares
    /// only those (a list of places has hundreds), each told by that pair, kept beside it, before its bytes (all in
    /// `bytes`, one after the other) are read. Fewer buckets than pair bits: every expression has an index, and they
    /// all stay small.
    private let bucketStarts: [Int32]
    private let entries: [Entry]
    private let bytes: [UInt8]
    /// The distance between the places looked at: the shortest word's length less one.
    private let step: Int
    private static let pairBits = 4096
    private static let bucketCount = 256

    private struct Entry: Sendable {
        let first: UInt8
        let second: UInt8
        let owner: UInt8
        /// Where the pair is in the word.
        let offset: UInt8
        let start: Int32
        let count: Int32
    }

    init(_ words: [([UInt8], Int)]) {
        precondition(words.allSatisfy { $0.0.count >= 2 && (0..<64).contains($0.1) }, "words of two bytes or more, owners 0 to 63")
        self.words = words.map { (bytes: $0.0, owner: $0.1) }
        let step = min(words.map { $0.0.count - 1 }.min() ?? 1, Int(UInt8.max))
        self.step = step
        var pairs = [UInt64](repeating: 0, count: Self.pairBits / 64)
        var starts = [Int32](repeating: 0, count: Self.bucketCount + 1)
        for (word, _) in words {
            for offset in 0..<step {
                let hash = Self.pairHash(word[offset], word[offset + 1])
                pairs[hash >> 6] |= 1 << UInt64(hash & 63)
                starts[Self.bucket(word[offset], word[offset + 1]) + 1] += 1
            }
        }
        self.pairs = pairs
        for bucket in 0..<Self.bucketCount { starts[bucket + 1] += starts[bucket] }
        var next = starts
        var entries = [Entry?](repeating: nil, count: words.count * step)
        var bytes: [UInt8] = []
        for (word, owner) in words {
            for offset in 0..<step {
                let (first, second) = (word[offset], word[offset + 1])
                let bucket = Self.bucket(first, second)
                entries[Int(next[bucket])] = Entry(
                    first: first, second: second, owner: UInt8(owner), offset: UInt8(offset), start: Int32(bytes.count), count: Int32(word.count))
                next[bucket] += 1
            }
            bytes += word
        }
        bucketStarts = starts
        self.entries = entries.map { $0! }
        self.bytes = bytes
    }

    static func == (left: WordIndex, right: WordIndex) -> Bool {
        left.words.map(\.bytes) == right.words.map(\.bytes) && left.words.map(\.owner) == right.words.map(\.owner)
    }

    @inline(__always)
    private static func pairHash(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) << 6 ^ Int(second)) & (pairBits - 1)
    }

    @inline(__always)
    private static func bucket(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) &* 31 &+ Int(second)) & (bucketCount - 1)
    }

    /// The owners of the words the text holds, as a bit set; the pass stops once more than `limit` are known.
    func owners(in text: UnsafeBufferPointer<UInt8>, moreThan limit: Int) -> UInt64 {
        guard let start = text.baseAddress, text.count >= 2 else { return 0 }
        let count = text.count
        var found: UInt64 = 0
        var foundCount = 0
        return pairs.withUnsafeBufferPointer { pairs in
            bucketStarts.withUnsafeBufferPointer { bucketStarts in
                entries.withUnsafeBufferPointer { entries in
                    bytes.withUnsafeBufferPointer { bytes in
                        for index in stride(from: 0, to: count - 1, by: step) {
                            let first = start[index]
                            let second = start[index + 1]
                            let hash = Self.pairHash(first, second)
                            guard pairs[hash >> 6] & (1 << UInt64(hash & 63)) != 0 else { continue }
                            let bucket = Self.bucket(first, second)
                            for slot in Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1]) {
                                let entry = entries[slot]
                                let bit: UInt64 = 1 << UInt64(entry.owner)
                                let wordStart = index - Int(entry.offset)
                                guard entry.first == first, entry.second == second, found & bit == 0, wordStart >= 0,
                                    Int(entry.count) <= count - wordStart,
                                    memcmp(start + wordStart, bytes.baseAddress! + Int(entry.start), Int(entry.count)) == 0
                                else { continue }
                                found |= bit
                                foundCount += 1
                                if foundCount > limit { return found }
                            }
                        }
                        return found
                    }
                }
            }
        }
    }
}
