@testable import Extractor
import Foundation
import Testing
import TestSupport

/// The trigger scan reads raw page text, and blocks are measured without being normalised: both must agree with what
/// the normalised text says.
@Suite struct TextScanTests {
    /// Separators and invisible characters of messy pages, between and inside words.
    static let noise = [
        " ", "  ", "\n   ", "\t", "\u{A0}", "\u{202F}", "\u{2028}", "\u{AD}", "\u{200B}", "\u{FEFF}", "\u{1}", ", ", " : ", "’", "–",
        "«", " » ", "“", "”", "…", "\u{2011}", "ʼ", "·", "€", "😀",
    ]

    /// Trigger words and ordinary words joined by random noise, some words cut by an invisible character.
    static func messyText(seed: UInt64, words: Int) -> String {
        var random = SplitMix(state: seed)
        let vocabulary = Triggers.blockWords.flatMap(\.1) + [
            "Les", "données", "de", "santé", "sont", "HÉBERGÉES", "chez", "OVH", "à", "Roubaix", "l'utilisateur", "États-Unis",
            "1111-8", "ŒUVRE", "naïve", "😀", "über",
        ]
        var text = ""
        for _ in 0..<words {
            var word = random.pick(vocabulary)
            if random.next() % 5 == 0, word.count > 2 {
                let cut = word.index(word.startIndex, offsetBy: Int(random.next() % UInt64(word.count - 1)) + 1)
                word.insert(contentsOf: random.pick(["\u{AD}", "\u{200B}", "\u{2060}"]), at: cut)
            }
            text += word + random.pick(noise)
        }
        return text
    }

    /// What the automaton must find, worked out the plain way: fold the normalised text to the automaton's alphabet
    /// (one space for any run of spaces and punctuation) and look for each folded word.
    static func reference(_ text: String, _ groups: [(TriggerSet, [String])]) -> TriggerSet {
        func fold(_ text: String) -> String {
            var folded = ""
            for scalar in text.unicodeScalars {
                let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
                let character: Character
                switch scalar {
                case "\u{2018}", "\u{2019}", "\u{02BC}", "'": character = "'"
                case "\u{2010}"..."\u{2014}", "-": character = "-"
                case "0"..."9": character = "0"
                case _ where scalar.value >= 0xC0 && scalar.value <= 0xFF && base.isASCII && base.properties.isAlphabetic:
                    character = Character(String(base).lowercased())
                case _ where scalar.isASCII && scalar.properties.isAlphabetic: character = Character(String(scalar).lowercased())
                case "\u{AA}", "\u{B5}", "\u{BA}": character = "#"  // letters
                case _ where scalar.isASCII || (0x80...0xBF).contains(scalar.value) || (0x2000...0x2FFF).contains(scalar.value)
                    || scalar.value >= 0x10000:
                    character = " "  // not letters: signs, punctuation, emoji
                default: character = "#"
                }
                if character == " " && folded.last == " " { continue }
                folded.append(character)
            }
            return folded
        }
        let folded = fold(" " + TextNormalizer.normalize(text, keepLineBreaks: true) + " ")
        var found: TriggerSet = []
        for (kind, words) in groups where words.contains(where: { folded.contains(fold($0)) }) { found.formUnion(kind) }
        return found
    }

    @Test func measuringGivesTheNormalisedLengthAndLastByte() {
        var random = SplitMix(state: 3)
        var inputs = (0..<300).map { Array(Self.messyText(seed: $0, words: Int($0 % 40)).utf8) }
        // Any UTF-8 (libxml2 gives nothing else): random characters, white space and invisible ones among them.
        inputs += (0..<300).map { _ in
            Array(String(String.UnicodeScalarView((0..<Int(random.next() % 64)).map { _ in
                let value = random.next() % 4 == 0 ? UInt32(random.next() % 0x80) : UInt32(random.next() % 0x3400)
                return Unicode.Scalar(value) ?? " "
            })).utf8)
        }
        inputs += [[], [0x20, 0x20], [0xE2, 0x80], [0x41, 0xC2], Array(" \u{A0}x\u{AD} ".utf8)]
        // Plain ASCII is measured eight bytes at a time: spaces and words across every alignment.
        inputs += (0..<64).map { shift in
            let text = String(repeating: " ", count: shift % 9) + String(repeating: "word  x ", count: shift % 7 + 1) + "é"
                + String(repeating: "a ", count: shift % 5) + String(repeating: " ", count: shift % 3)
            return Array(text.utf8)
        }
        for input in inputs {
            // Bytes, not a String: a String would repair a character cut at the end.
            var normalized = [UInt8](repeating: 0, count: input.count)
            let length = input.withUnsafeBufferPointer { input in
                normalized.withUnsafeMutableBufferPointer { TextNormalizer.normalize(input, into: $0, keepLineBreaks: true) }
            }
            let measured = input.withUnsafeBufferPointer { TextNormalizer.measure($0) }
            #expect(measured.length == length, "\(input)")
            #expect(measured.last == (length > 0 ? normalized[length - 1] : 0), "\(input)")
        }
    }

    /// Normalisation as documented, scalar by scalar: what the byte-level normaliser (eight bytes at a time where it
    /// can) must write.
    static func referenceNormalized(_ text: String) -> String {
        let spaces: Set<UInt32> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2029, 0x202F, 0x205F, 0x3000]
        let dropped: Set<UInt32> = [0x7F, 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
        var output = String.UnicodeScalarView()
        var pending: Character? = nil
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if spaces.contains(value) || (0x2000...0x200A).contains(value) {
                if pending != "\n" { pending = " " }
            } else if value == 0x2028 {
                pending = "\n"
            } else if value < 0x20 || dropped.contains(value) {
                continue
            } else {
                if let pending, !output.isEmpty { output.append(pending.unicodeScalars.first!) }
                pending = nil
                output.append(scalar)
            }
        }
        return String(output)
    }

    @Test func normalisingWritesWhatTheReferenceWrites() {
        var random = SplitMix(state: 5)
        var texts = (0..<300).map { Self.messyText(seed: $0, words: Int($0 % 40)) }
        texts += (0..<300).map { _ in
            String(String.UnicodeScalarView((0..<Int(random.next() % 64)).map { _ in
                let value = random.next() % 2 == 0 ? UInt32(random.next() % 0x80) : UInt32(random.next() % 0x3400)
                return Unicode.Scalar(value) ?? " "
            }))
        }
        // Plain ASCII is copied eight bytes at a time: single and double spaces, controls, across every alignment.
        texts += (0..<200).map { shift in
            String(repeating: " ", count: shift % 3) + (0..<(shift % 11 + 2)).map { _ in
                random.pick(["word", "x", " ", "  ", "\t", "\u{7F}", "\u{1}", "é", "\u{2028}", "\u{AD}", "a.b", "\u{A0}"])
            }.joined()
        }
        for text in texts {
            #expect(TextNormalizer.normalize(text, keepLineBreaks: true) == Self.referenceNormalized(text), "\(Array(text.utf8))")
        }
    }

    /// Spaces and tabs are trimmed on the bytes, any other white space by Foundation: the same text either way.
    @Test func trimmingWhiteSpaceTrimsAsFoundationDoes() {
        var random = SplitMix(state: 11)
        var texts = ["", " ", "\t \t", "OVH", " OVH SAS ", "\tExemple\t", "\u{A0}Exemple ", " Exemple\u{202F}", "\u{2003} \u{3000}", " é ", "\n x \n",
            " \u{200B}x", "x \u{301}", " 😀 ", "a  b"]
        texts += (0..<300).map { _ in
            (0..<Int(random.next() % 6)).map { _ in random.pick([" ", "\t", "\u{A0}", "\u{2009}", "\n", "x", "é", "Exemple SAS", "\u{200B}", "😀"]) }.joined()
        }
        for text in texts {
            #expect(UTF8Bytes.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func rawTextGivesTheTriggersOfItsNormalisedText() {
        let groups = Triggers.blockWords
        // Short texts scan in one pass; long ones in two halves, the middle falling anywhere.
        for seed in 0..<400 as Range<UInt64> {
            let text = Self.messyText(seed: seed, words: seed % 2 == 0 ? 12 : 300)
            let raw = Triggers.scanBlock(text)
            let normalized = Triggers.scanBlock(TextNormalizer.normalize(text, keepLineBreaks: true))
            let expected = Self.reference(text, groups)
            #expect(raw == expected, "raw text, seed \(seed)")
            #expect(normalized == expected, "normalised text, seed \(seed)")
        }
    }

    /// A text of some length is scanned as two halves at once: a word across the middle, wherever the middle falls
    /// in it, is found.
    @Test(arguments: [200, 5_000])
    func wordAcrossTheMiddleIsFound(length: Int) {
        let end = length / 2
        let filler = { (count: Int) in String(String(repeating: "qq ", count: count / 3 + 1).prefix(count)) }
        for (kind, words) in Triggers.blockWords {
            for word in words {
                // Spaces spread over a line break, and invisible characters or a run of spaces where the middle falls.
                let variants = [word, word.replacingOccurrences(of: " ", with: " \u{A0}\n "), "\u{AD}\u{200B}" + word, "    " + word]
                for variant in variants {
                    for offset in 0...variant.utf8.count {
                        // The middle falls `offset` bytes into the word.
                        let text = filler(end - offset) + variant + filler(length - end + offset - variant.utf8.count)
                        #expect(Triggers.scanBlock(text).isSuperset(of: kind), "\(variant) cut at \(offset)")
                    }
                }
            }
        }
    }

    @Test func theFullScanFindsTheBlockKindsAsTheBlockScanDoes() {
        for seed in 0..<200 as Range<UInt64> {
            let text = Self.messyText(seed: seed, words: 10)
            #expect(Triggers.scan(text).intersection(Triggers.blockKinds) == Triggers.scanBlock(text), "seed \(seed)")
        }
    }

    /// Negation and condition patterns run only when the sentence has their words: whatever signs stand around the
    /// words, a sentence the pattern matches has them.
    @Test func negationAndConditionPatternsNeverMatchWithoutTheirWords() {
        let pieces = [
            "ne", "n'est", "n'a", "pas", "plus", "jamais", "aucun", "aucune", "non", "certifié", "qualifié", "agréé", "not", "no",
            "longer", "sans", "certification", "encore", "si", "nous", "cette", "pourrait", "serait", "could", "might", "envisagé",
            "éventuellement", "do", "never", "without", "ni", "none", "hébergeur", "transférées", "aux", "États-Unis", "2",
        ]
        let signs = [" ", "  ", "«", "» ", "“", "”", "…", "\u{2011}", "-", "ʼ", "’", "'", "(", ")", ", ", "\u{A0}", "·", "°", "¿", "😀", "\u{200E}", "/", "×"]
        var random = SplitMix(state: 11)
        var checked = 0
        for _ in 0..<20_000 {
            var sentence = ""
            for _ in 0..<Int(random.next() % 5 + 2) {
                sentence += random.pick(signs) + random.pick(pieces)
            }
            let normalized = TextNormalizer.normalize(sentence)
            let text = Folded(normalized)
            let triggers = Triggers.scan(normalized)
            for rule in [Rules.negation, Rules.noTransfer, Rules.hostDenial, Rules.conditional] where rule.matches(in: text) {
                checked += 1
                #expect(rule.mayMatch(triggers), "\(rule.name): \(normalized)")
            }
        }
        #expect(checked > 5_000)
    }

    @Test func wordsCutByInvisibleCharactersOrSpreadOverLinesAreFound() {
        #expect(Triggers.scanBlock("Le site est hé\u{AD}ber\u{200B}gé ailleurs").contains(.hosting))
        #expect(Triggers.scanBlock("data are stored\n      by us").contains(.hosting))
        #expect(Triggers.scanBlock("situés à\u{A0}Paris").contains(.place))
        #expect(!Triggers.scanBlock("le cahier des charges").contains(.hosting))
    }
}
