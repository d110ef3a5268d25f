@testable import Extractor
import Foundation
import Testing
import TestSupport

/// A pattern is not run on a text that holds none of its words: the words must be in every match.
@Suite struct RegexLiteralsTests {
    static let expectations: [(pattern: String, words: Set<String>?)] = [
        (#"heberg|\bhosted\b|\bstored\s+(?:by|with)"#, ["heberg", "hosted", "stored"]),
        (#"\bsur\s+(?:un|des|les)\s+serveurs?\b"#, ["serveur"]),
        (#"heberge(?:e|s|es)?\b|hebergement|stock"#, ["heberge", "stock"]),
        (#"(?:(?<!serveurs )(?<!donnees )de la societe|filiale d[eu']|du groupe)\s*$"#, ["de la societe", "filiale de", "filiale du", "filiale d'", "du groupe"]),
        (#"\beu\b(?!-)|region europe(?![-\w])"#, ["eu"]),
        (#"cles? de (?:chiffrement|dechiffrement)|\bkms\b"#, ["cle de chiffrement", "cles de chiffrement", "cle de dechiffrement", "cles de dechiffrement", "kms"]),
        (#"(?:a|in)\s+(?:paris|lyon)\b"#, ["paris", "lyon"]),
        (#"[^.]{0,60}(?:donnees de sante|\bhds\b)"#, ["donnees de sante", "hds"]),
        (#"hebergement\s+(?:[a-z' ]{0,60}?\s)?(?:est|sont)"#, ["hebergement"]),
        (#"a|bc"#, nil),  // a one-letter word filters nothing
        (#"x*|abc"#, nil),  // matches the empty string
        (#"(?i)abc"#, nil),  // flags are not understood
        (#"\p{L}abc"#, nil),  // property classes are not understood
        (#"[\p{L}]abc"#, nil),
        (#"\d{5}\s+[a-z]"#, nil),
        (#"(?:ab)+cd"#, ["ab"]),
        (#"(?:ab){2,3}|xyz"#, ["ab", "xyz"]),
        (#"[ab]c"#, ["ac", "bc"]),
    ]

    @Test(arguments: 0..<expectations.count) func wordsOf(_ index: Int) {
        let (pattern, words) = Self.expectations[index]
        #expect(RegexLiterals(pattern: pattern).map { Set($0.words.map { String(decoding: $0, as: UTF8.self) }) } == words, "\(pattern)")
    }

    static let startExpectations: [(pattern: String, starts: [String]?)] = [
        (#"(?:envoye|transmis)e?\s+par"#, ["envoye", "envoyee", "transmis", "transmise"]),
        (#"\be-?mail\s"#, ["e-mail", "email"]),
        (#"(?:ab)?c\s"#, ["abc", "c"]),
        (#"(?:ab)?\s"#, nil),
        (#"\bsent\s+(?:by|via)"#, ["sent"]),
        (#"(?<!data )\bresid(?:ez|ant)\b"#, ["residant", "residez"]),
        (#"[«"]\s*nous"#, ["\"", "«"]),
        (#"(?:ab)+c"#, ["ab"]),
        (#"(?:,\s*)?x"#, nil),  // may start with the optional part or without it
        (#"x*abc"#, nil),
        (#"a|\s+b"#, nil),
        (#"^\s*(?:envoi|sms)"#, nil),
        (#"(?:a|)\sb"#, nil),
        (#"[a-z]+ing"#, nil),
    ]

    @Test(arguments: 0..<startExpectations.count) func matchStartsOf(_ index: Int) {
        let (pattern, starts) = Self.startExpectations[index]
        #expect(RegexLiterals.matchStarts(of: pattern) == starts, "\(pattern)")
    }

    /// Tried only where its first strings are, anchored there, a pattern finds what ICU finds on the whole text: after
    /// characters of two UTF-16 units (an emoji) and of two UTF-8 bytes, with few places and with many.
    @Test func matchStartsFindWhatTheWholeExpressionFinds() {
        let pattern = FoldedRegex(folded: #"(?:envoye|transmis)e?s?\s+(?:par|via)|\bsent\s+by"#)
        let texts = [
            "😀 Données transmises par X, envoyées via Y.", "é😀é transmis, transmis, transmis, transmis, transmis par Z 😀 sent by W",
            "Rien de transmis ici.", "envoye par", "😀😀 sent by", "transmis transmis transmis transmis transmis transmis",
        ]
        let reference = pattern.reference
        for text in texts {
            let folded = Folded(text)
            let whole = NSRange(location: 0, length: folded.length)
            #expect(pattern.firstRange(in: folded) == reference.firstMatch(in: folded.folded, range: whole)?.range, "\(text)")
            #expect(pattern.allMatches(in: folded) == reference.matches(in: folded.folded, range: whole).map(\.range), "\(text)")
        }
    }

    /// The one-pass search of many words finds a word exactly when looking for each alone does: at the start, at the
    /// end, overlapping another, cut off by the end of the text; and, with only long words (only every few places
    /// looked at), at every offset from the start.
    @Test(arguments: [["heberg", "stock", "serveur", "hebergement", "st", "ur"], ["heberg", "stock", "serveur", "hebergement"], ["donnees de sante", "hds"]])
    func wordIndexFindsWhatEachWordAloneFinds(_ list: [String]) {
        let words = list.map { Array($0.utf8) }
        let index = WordIndex(words.enumerated().map { ($1, $0) })
        var texts = ["", "h", "heberg", "xheber", "les serveu", "stock", "a st", "réhébergé", "serveurs heberges", "u", "ur", "xxur", "hds", "hd"]
        for word in list { texts += (0..<8).flatMap { shift in [String(repeating: "x", count: shift) + word, String(repeating: "é", count: shift) + word + "y"] } }
        texts += ["les donnees de sant", "stoc k", "serveu r heberg"]
        for text in texts {
            var expected: UInt64 = 0
            for (owner, word) in words.enumerated() where UTF8Bytes.contains(text, String(decoding: word, as: UTF8.self)) {
                expected |= 1 << UInt64(owner)
            }
            var text = text
            #expect(text.withUTF8 { index.owners(in: $0, moreThan: 64) } == expected, "\(text)")
            #expect(text.withUTF8 { index.owners(in: $0, moreThan: 0) } != 0 || expected == 0, "\(text)")
        }
    }

    /// Foundation's search matches canonically equivalent text: the byte test before it never says no where it finds
    /// the needle (a Kelvin sign for "K", a decomposed accent), and says no where the bytes of a plain needle are missing.
    @Test func byteTestNeverMissesWhatFoundationFinds() {
        let texts = ["OVH SAS, Roubaix", "Kelvin \u{212A}", "a\u{37E} b", "cafe\u{301}", "café", "x`y \u{1FEF}", "Amazon Web Services"]
        let needles = ["K", ";", "`", "café", "cafe\u{301}", "ovh", "OVH", "Roubaix", "Amazon", "Web Services", "Kel", "é"]
        for text in texts {
            for needle in needles where text.range(of: needle) != nil {
                #expect(UTF8Bytes.mayFind(needle, in: text), "\(needle) in \(text)")
            }
        }
        #expect(!UTF8Bytes.mayFind("roubaix", in: "OVH SAS, Roubaix"))
        #expect(!UTF8Bytes.mayFind("Amazon", in: "Microsoft Azure"))
    }

    /// Every rule's pattern but the label anchored at both ends, which texts made around it rarely match.
    static let patterns: [FoldedRegex] = Rules.all.filter { $0.name != Rules.hostBlockLabel.name }.compactMap(\.pattern)

    /// Texts that hold a string made from the pattern itself (a random path through its alternatives and
    /// repetitions) between random words: where ICU finds a match, the text holds one of the pattern's words, and
    /// the pattern answers as the whole expression run by ICU does.
    @Test(arguments: 0..<patterns.count) func answersAsTheWholeExpression(_ index: Int) {
        let pattern = Self.patterns[index]
        let reference = pattern.reference
        var random = SplitMix(state: UInt64(index))
        let fillers = ["", " ", "x ", "les ", "de ", ". ", "(", "é ", "12345 ", "donnees ", "\u{301}"]
        var matched = 0
        for _ in 0..<2000 {
            // One to three strings of the pattern, so that several alternatives may match, at the same place too.
            var text = random.pick(fillers)
            for _ in 0..<(1 + Int(random.next() % 3)) {
                var generator = Generator(pattern: Array(pattern.regex.pattern.unicodeScalars), random: random)
                text += generator.alternation() + random.pick(fillers)
                random = generator.random
                _ = random.next()
            }
            let folded = Folded(text)
            let whole = NSRange(location: 0, length: folded.length)
            let expected = reference.firstMatch(in: folded.folded, range: whole)?.range
            #expect(pattern.firstRange(in: folded) == expected, "\(pattern.regex.pattern) in \(text)")
            #expect(pattern.matches(in: folded) == (expected != nil))
            #expect(pattern.allMatches(in: folded) == reference.matches(in: folded.folded, range: whole).map(\.range))
            guard expected != nil else { continue }
            matched += 1
            if let literals = pattern.literals { #expect(literals.mayMatch(folded.folded), "\(pattern.regex.pattern) matches \(text)") }
        }
        #expect(matched > 100, "\(pattern.regex.pattern): \(matched) matches")
    }

    /// Writes a string the pattern describes, reading the pattern as it goes (the syntax `RegexLiterals` reads).
    struct Generator {
        let pattern: [Unicode.Scalar]
        var random: SplitMix
        var position = 0

        init(pattern: [Unicode.Scalar], random: SplitMix) {
            self.pattern = pattern
            self.random = random
        }

        private var current: Unicode.Scalar? { position < pattern.count ? pattern[position] : nil }

        mutating func alternation() -> String {
            var branches = [sequence()]
            while current == "|" {
                position += 1
                branches.append(sequence())
            }
            return random.pick(branches)
        }

        mutating func sequence() -> String {
            var text = ""
            while let scalar = current, scalar != "|", scalar != ")" {
                let start = position
                var piece = atom()
                let end = position
                var count = 1
                switch current {
                case "?": count = Int(random.next() % 2); position += 1
                case "*": count = Int(random.next() % 3); position += 1
                case "+": count = 1 + Int(random.next() % 2); position += 1
                case "{":
                    let close = pattern[position...].firstIndex(of: "}")!
                    let bounds = String(String.UnicodeScalarView(pattern[(position + 1)..<close])).split(separator: ",", omittingEmptySubsequences: false)
                    let minimum = Int(bounds[0])!
                    let maximum = bounds.count == 1 ? minimum : Int(bounds[1]) ?? minimum + 2
                    count = minimum + Int(random.next() % UInt64(min(maximum, minimum + 2) - minimum + 1))
                    position = close + 1
                default: break
                }
                if current == "?" || current == "+", end < position { position += 1 }  // lazy or possessive
                let after = position
                var copies = ""
                for copy in 0..<count {
                    if copy > 0 {
                        position = start
                        piece = atom()
                    }
                    copies += piece
                }
                position = after
                text += copies
            }
            return text
        }

        mutating func atom() -> String {
            let scalar = pattern[position]
            position += 1
            switch scalar {
            case "(":
                var lookaround = false
                if current == "?" {
                    if pattern[position + 1] == ":" { position += 2 } else if pattern[position + 1] == "<" { position += 3; lookaround = true } else {
                        position += 2
                        lookaround = true
                    }
                }
                let inner = alternation()
                position += 1
                return lookaround ? "" : inner
            case "[":
                var members: [String] = []
                let negated = current == "^"
                if negated { position += 1 }
                while current != "]" {
                    var member = pattern[position]
                    position += 1
                    if member == "\\" {
                        member = pattern[position]
                        position += 1
                        if member == "s" { member = " " } else if member == "d" { member = "7" } else if member == "w" { member = "k" }
                    }
                    if current == "-", pattern[position + 1] != "]" {
                        let last = pattern[position + 1]
                        position += 2
                        let values = Array(member.value...last.value)
                        members.append(String(Unicode.Scalar(values[Int(random.next() % UInt64(values.count))])!))
                    } else {
                        members.append(String(member))
                    }
                }
                position += 1
                return negated ? random.pick([" ", "x", ",", "'", "e"]) : random.pick(members)
            case "\\":
                let escaped = pattern[position]
                position += 1
                switch escaped {
                case "b", "B", "A", "z", "Z": return ""
                case "s": return random.pick([" ", " ", "\n"])
                case "d": return String(random.next() % 10)
                case "w": return "w"
                case "S", "D", "W": return "-"
                default: return String(escaped)
                }
            case "^", "$": return ""
            case ".": return random.pick(["x", " ", "é"])
            default: return String(scalar)
            }
        }
    }
}
