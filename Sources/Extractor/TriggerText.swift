/// The kinds of finding a piece of text may hold, from its trigger words. 64 bits: a rule whose pattern costs on
/// every sentence of a broad group can have a narrower group of its own.
struct TriggerSet: OptionSet, Sendable {
    let rawValue: UInt64
    static let hosting = TriggerSet(rawValue: 1 << 0)
    static let messaging = TriggerSet(rawValue: 1 << 1)
    static let certification = TriggerSet(rawValue: 1 << 2)
    static let encryption = TriggerSet(rawValue: 1 << 3)
    static let exposure = TriggerSet(rawValue: 1 << 4)
    static let locationContext = TriggerSet(rawValue: 1 << 5)
    static let place = TriggerSet(rawValue: 1 << 6)
    /// Words of hosting headings and labels.
    static let heading = TriggerSet(rawValue: 1 << 7)
    /// Words of each role, so that only the role patterns that can match are run.
    static let roleWebsite = TriggerSet(rawValue: 1 << 8)
    static let roleData = TriggerSet(rawValue: 1 << 9)
    static let roleApplication = TriggerSet(rawValue: 1 << 10)
    static let roleBackup = TriggerSet(rawValue: 1 << 11)
    static let roleKeys = TriggerSet(rawValue: 1 << 12)
    static let roleCDN = TriggerSet(rawValue: 1 << 13)
    static let roleMessaging = TriggerSet(rawValue: 1 << 14)
    /// Words of legal pages: a page without any is not the document (maintenance, login, error page).
    static let legal = TriggerSet(rawValue: 1 << 15)
    /// Words each location pattern needs, so that a sentence runs only the patterns that can match.
    static let franceWords = TriggerSet(rawValue: 1 << 16)
    static let europeWords = TriggerSet(rawValue: 1 << 17)
    static let outsideWords = TriggerSet(rawValue: 1 << 18)
    /// Words the filters of a host sentence need: when a sentence has none, the filter cannot match.
    static let roleNoiseWords = TriggerSet(rawValue: 1 << 19)
    static let distractorWords = TriggerSet(rawValue: 1 << 20)
    static let editorWords = TriggerSet(rawValue: 1 << 21)
    static let negationWords = TriggerSet(rawValue: 1 << 22)
    static let conditionalWords = TriggerSet(rawValue: 1 << 23)
    static let ownershipWords = TriggerSet(rawValue: 1 << 24)
    /// Any word that may deny, condition or reassign a provider's mention.
    static let formerWords = TriggerSet(rawValue: 1 << 25)
    static let franceMoreWords = TriggerSet(rawValue: 1 << 26)
    /// Words of pages that stand in for a document: maintenance, error, login and consent pages.
    static let maintenancePage = TriggerSet(rawValue: 1 << 27)
    static let errorPage = TriggerSet(rawValue: 1 << 28)
    static let loginPage = TriggerSet(rawValue: 1 << 29)
    static let consentPage = TriggerSet(rawValue: 1 << 30)
    /// Words of a sentence that names the operator (its controller, its publisher): such a block's text is kept, for
    /// a page that says the operator keeps the data itself (`OperatorName`).
    static let operatorWords = TriggerSet(rawValue: 1 << 31)
    /// Words of the operator's own machines ("nos serveurs", "par nos soins"): `own-infrastructure` runs only on them,
    /// not on every sentence with a hosting word (they are hosting words too, see `Rules.triggerGroups`).
    static let ownServerWords = TriggerSet(rawValue: 1 << 32)
    /// Words of the rarer exposure rules (access from abroad that cannot be ruled out, the Data Privacy Framework's
    /// notice): they run only on these, not on every sentence with a word of `exposure` ("hors", "étranger").
    static let exposureMoreWords = TriggerSet(rawValue: 1 << 33)
    /// Words that forbid a use of the site ("interdit", "you may not"): `use-restriction` runs only on them.
    static let prohibitionWords = TriggerSet(rawValue: 1 << 34)
    static let placeholder: TriggerSet = [.maintenancePage, .errorPage, .loginPage, .consentPage]
    static let denialWords: TriggerSet = [.negationWords, .conditionalWords, .ownershipWords, .formerWords]
    static let role: TriggerSet = [.roleWebsite, .roleData, .roleApplication, .roleBackup, .roleKeys, .roleCDN, .roleMessaging]

    /// The kinds that can give a finding by themselves.
    static let findings: TriggerSet = [.hosting, .messaging, .certification, .encryption, .exposure, .exposureMoreWords]
    /// Words of any exposure rule: `readExposure` runs on a sentence that has some.
    static let anyExposure: TriggerSet = [.exposure, .exposureMoreWords]

    /// A location needs both a data word and a place.
    var wantsLocation: Bool { contains(.locationContext) && contains(.place) }
    var isEmpty: Bool { rawValue == 0 }
}

/// A cheap first look at text, before any regular expression: one pass of an Aho–Corasick automaton over its
/// UTF-8 bytes, lower-cased, accents removed and punctuation read as spaces (so " ue " finds the word).
///
/// Most sentences of a legal page say nothing about hosting; they are passed over at close to memory speed.
enum Triggers {
    /// All trigger kinds, for a sentence or a heading.
    static func scan(_ text: String) -> TriggerSet {
        automaton.scan(text)
    }

    /// The same for a piece of a text (a sentence of a block), read where it is.
    static func scan(_ text: Substring) -> TriggerSet {
        text.utf8.withContiguousStorageIfAvailable { automaton.scan($0) } ?? automaton.scan(String(text))
    }

    /// The kinds that decide whether a block is read at all (findings, locations, legal text): nearly every byte of
    /// a page goes through this one, so it leaves out the words only headings and sentences need.
    static func scanBlock(_ text: String) -> TriggerSet {
        blockAutomaton.scan(text)
    }

    static func scanBlock(_ bytes: UnsafeBufferPointer<UInt8>) -> TriggerSet {
        blockAutomaton.scan(bytes)
    }

    /// The kinds `scanBlock` looks for (findings, locations, legal text, stand-in pages): `scan` finds them too, with
    /// the same words.
    static let blockKinds: TriggerSet = [
        .hosting, .messaging, .certification, .encryption, .exposure, .exposureMoreWords, .locationContext, .place, .legal, .maintenancePage, .errorPage,
        .loginPage, .consentPage, .operatorWords,
    ]

    /// The words `scanBlock` looks for, in every block of a page: the block kinds' words, from the rules (`Rules`).
    static let blockWords = Rules.triggerGroups.filter { blockKinds.contains($0.0) }

    private static let automaton = TriggerAutomaton(Rules.triggerGroups)
    private static let blockAutomaton = TriggerAutomaton(blockWords)
}

/// Aho–Corasick over a small alphabet (letters, any digit, space, "-", "'", other), with the trigger kinds as outputs.
///
/// It reads page text as it comes, before normalisation: every run of spaces and punctuation reads as one space,
/// and invisible characters (soft hyphens, zero-width spaces, controls) are passed over, both in the table itself
/// (a space after a space, and an invisible character anywhere, lead back to the same state). So the raw text of a
/// block and its normalised text give the same triggers, and most blocks need never be normalised.
///
/// The table is sized for the cache: 32 classes of 16-bit entries, one 64-byte line per state. Digits share one
/// class, so "1111-8" also fires on other numbers of that shape: a trigger only lets the patterns run.
struct TriggerAutomaton: Sendable {
    private static let classShift = 5
    private static let classCount = 1 << classShift
    private static let outputFlag: UInt16 = 0x8000
    private let transitions: [UInt16]
    private let outputs: [UInt64]
    /// Length in symbols of the partial word each state stands for: how far back a match in progress began.
    private let depths: [UInt8]

    /// Alphabet class of a folded byte: space 0, a–z 1…26, digits 27, "-" 28, "'" 29, anything else 30.
    @inline(__always)
    private static func classOf(_ byte: UInt8) -> Int {
        switch byte {
        case 0x61...0x7A: Int(byte - 0x61) + 1
        case 0x30...0x39: 27
        case 0x2D: hyphen
        case 0x27: apostrophe
        case 0x20: 0
        default: other
        }
    }

    private static let space = 0
    private static let hyphen = 28
    private static let apostrophe = 29
    private static let other = 30
    /// Invisible characters: every state leads to itself.
    private static let invisible = 31
    /// Below this many bytes for each half, splitting a text in two costs more than it gains.
    private static let bytesPerChain = 64

    init(_ groups: [(TriggerSet, [String])]) {
        var goto: [[Int32]] = [[Int32](repeating: -1, count: Self.classCount)]
        var output: [UInt64] = [0]
        var depth: [UInt8] = [0]
        var endsWithSpace: [Bool] = [false]
        for (kind, words) in groups {
            for word in words {
                var state = 0
                var previous = -1
                for byte in word.utf8 {
                    let symbol = Self.classOf(byte)
                    precondition(!(symbol == Self.space && previous == Self.space), "trigger word with two spaces: \(word)")
                    previous = symbol
                    if goto[state][symbol] < 0 {
                        goto[state][symbol] = Int32(goto.count)
                        goto.append([Int32](repeating: -1, count: Self.classCount))
                        output.append(0)
                        depth.append(UInt8(clamping: Int(depth[state]) + 1))
                        endsWithSpace.append(symbol == Self.space)
                    }
                    state = Int(goto[state][symbol])
                }
                output[state] |= kind.rawValue
            }
        }
        // Breadth-first: failure links, completed into a dense transition table.
        var failure = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for symbol in 0..<Self.classCount {
            if goto[0][symbol] < 0 { goto[0][symbol] = 0 } else { queue.append(Int(goto[0][symbol])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            output[state] |= output[failure[state]]
            for symbol in 0..<Self.classCount {
                let next = goto[state][symbol]
                if next < 0 {
                    goto[state][symbol] = goto[failure[state]][symbol]
                } else {
                    failure[Int(next)] = Int(goto[failure[state]][symbol])
                    queue.append(Int(next))
                }
            }
        }
        // A space always leads to a state that ends with one (no word holds two spaces): a second space stays there.
        // An invisible character leaves every state as it was.
        for state in goto.indices {
            if endsWithSpace[state] { goto[state][Self.space] = Int32(state) }
            goto[state][Self.invisible] = Int32(state)
        }
        // Each entry is the next state, its top bit set when that state has an output: most steps then need no
        // second table.
        precondition(goto.count < Int(Self.outputFlag), "too many trigger words for 16-bit states")
        transitions = goto.flatMap { row in
            row.map { next in UInt16(next) | (output[Int(next)] != 0 ? Self.outputFlag : 0) }
        }
        outputs = output
        depths = depth
    }

    func scan(_ text: String) -> TriggerSet {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    /// One pass over UTF-8 bytes: ASCII through a class table, Latin-1 letters folded, curly quotes and dashes read
    /// as their ASCII forms, Unicode spaces as spaces; any other character is "other".
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> TriggerSet {
        transitions.withUnsafeBufferPointer { table in
            outputs.withUnsafeBufferPointer { outputs in
                depths.withUnsafeBufferPointer { depths in
                    Self.asciiClass.withUnsafeBufferPointer { asciiClass in
                        Self.latin1Class.withUnsafeBufferPointer { latin1Class in
                            TriggerSet(
                                rawValue: Self.run(
                                    bytes, table.baseAddress!, outputs.baseAddress!, depths.baseAddress!, asciiClass.baseAddress!,
                                    latin1Class.baseAddress!))
                        }
                    }
                }
            }
        }
    }

    /// The scanning loop, on raw pointers with its state in locals: it runs over nearly every byte of every page.
    ///
    /// Each step waits for the table entry the previous step chose, so a long text is scanned as two halves at once:
    /// two chains of loads overlap. The second half starts afresh at the middle; the first runs on past the middle
    /// until every word it has begun started there or later, where the second half saw it whole.
    private static func run(
        _ bytes: UnsafeBufferPointer<UInt8>, _ table: UnsafePointer<UInt16>, _ outputs: UnsafePointer<UInt64>,
        _ depths: UnsafePointer<UInt8>, _ asciiClass: UnsafePointer<UInt8>, _ latin1Class: UnsafePointer<UInt8>
    ) -> UInt64 {
        var found: UInt64 = 0
        @inline(__always) func step(_ state: Int, _ symbol: Int) -> Int {
            let entry = table[state &<< classShift | symbol]
            let next = Int(entry & ~outputFlag)
            if entry & outputFlag != 0 { found |= outputs[next] }
            return next
        }
        let base = bytes.baseAddress
        let count = bytes.count
        /// The class of the character at `index`, moving `index` past it.
        @inline(__always) func symbol(_ index: inout Int) -> Int {
            let byte = base![index]
            if byte < 0x80 {
                index &+= 1
                return Int(asciiClass[Int(byte)])
            } else if byte == 0xC3 && index + 1 < count {
                let symbol = Int(latin1Class[Int(base![index + 1] & 0x3F)])
                index &+= 2
                return symbol
            }
            return otherSymbol(base!, count, &index)
        }
        /// The first half's chain goes on past the middle until the word it is in began there or later, where the
        /// second half saw it whole.
        @inline(__always) func finish(_ state: Int, from start: Int) {
            var state = state
            var index = start
            var read = 0  // symbols read past the middle, a run of spaces counting once, invisible ones not at all
            var afterSpace = false
            while index < count {
                let symbol = symbol(&index)
                state = step(state, symbol)
                if symbol != invisible && !(symbol == space && afterSpace) { read += 1 }
                if symbol != invisible { afterSpace = symbol == space }
                if Int(depths[state]) < read { return }
            }
            _ = step(state, space)
        }
        let start = step(0, space)  // a space before the text
        if count >= 2 * bytesPerChain {
            var middle = count / 2
            while middle < count && base![middle] & 0xC0 == 0x80 { middle += 1 }  // not inside a character
            var (first, second) = (start, 0)
            var (index, secondIndex) = (0, middle)
            while index < middle && secondIndex < count {
                first = step(first, symbol(&index))
                second = step(second, symbol(&secondIndex))
            }
            while index < middle { first = step(first, symbol(&index)) }
            while secondIndex < count { second = step(second, symbol(&secondIndex)) }
            _ = step(second, space)
            finish(first, from: index)
        } else {
            var (state, index) = (start, 0)
            while index < count { state = step(state, symbol(&index)) }
            _ = step(state, space)
        }
        return found
    }

    /// The class of a character that is neither ASCII nor a Latin-1 letter: invisible characters are passed over;
    /// hyphens, dashes and apostrophes read as `Folded` reads them; any other sign that is not a letter (no-break
    /// space, « », “ ”, …, •, €, emoji) reads as a space, as `\b` in a pattern sees it; letters of other scripts are
    /// "other". Moves `index` past it.
    private static func otherSymbol(_ base: UnsafePointer<UInt8>, _ count: Int, _ index: inout Int) -> Int {
        let byte = base[index]
        let width = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1, count - index)
        defer { index &+= width }
        let second = width > 1 ? base[index + 1] : 0
        let third = width > 2 ? base[index + 2] : 0
        switch (byte, second) {
        case (0xC2, 0xAD): return invisible  // soft hyphen
        case (0xC2, 0xAA), (0xC2, 0xB5), (0xC2, 0xBA): return other  // ª µ º are letters
        case (0xC2, 0x80...0xBF): return space  // no-break space, C1 controls, « » ° § and the other signs
        case (0xCA, 0xBC): return apostrophe  // modifier letter apostrophe
        case (0xE2, 0x80):
            switch third {
            case 0x98, 0x99: return apostrophe
            case 0x90...0x94: return hyphen  // hyphens and dashes
            case 0x8B...0x8D: return invisible  // zero-width space and joiners
            default: return space  // spaces, separators, quotes, bullets, ellipsis
            }
        case (0xE2, 0x81): return third == 0xA0 ? invisible : space  // word joiner; punctuation, medium space
        case (0xE2, _): return space  // symbols, arrows, mathematical signs, boxes
        case (0xE1, 0x9A): return third == 0x80 ? space : other
        case (0xE3, 0x80): return third == 0x80 ? space : other
        case (0xEF, 0xBB): return third == 0xBF ? invisible : other  // byte-order mark
        case (0xF0, _): return space  // emoji and other signs beyond the basic plane
        default: return other
        }
    }

    /// Alphabet class of each ASCII byte, upper case folded to lower; punctuation and white space read as a space,
    /// control characters are invisible.
    private static let asciiClass: [UInt8] = (0..<128).map { byte in
        switch byte {
        case 0x41...0x5A: UInt8(classOf(UInt8(byte) + 32))
        case 0x61...0x7A, 0x30...0x39, 0x2D, 0x27: UInt8(classOf(UInt8(byte)))
        case 0x00...0x08, 0x0E...0x1F, 0x7F: UInt8(invisible)
        default: UInt8(space)
        }
    }

    /// Class of U+00C0–U+00FF folded to ASCII, by the second UTF-8 byte's low six bits (C3 80 … C3 BF).
    private static let latin1Class: [UInt8] = latin1.map { UInt8(classOf($0)) }

    /// U+00C0–U+00FF folded to ASCII, indexed by the second UTF-8 byte's low six bits (C3 80 … C3 BF).
    private static let latin1: [UInt8] = Array("aaaaaaaceeeeiiii" + "dnooooo ouuuuy  " + "aaaaaaaceeeeiiii" + "dnooooo ouuuuy y").map {
        $0.asciiValue!
    }
}
