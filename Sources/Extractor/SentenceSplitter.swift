import Foundation

/// Cuts a block of text into sentences without breaking on abbreviations and legal forms
/// ("S.A.S.", "n°", "Inc.", "R.C.S.", "av."). Works on the UTF-8 bytes of normalised text (single spaces).
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "inc", "ltd", "co", "corp", "cie", "ste", "sté", "st", "av", "bd", "boul", "n", "no", "art", "arts", "al", "etc",
        "mr", "mrs", "ms", "dr", "me", "mme", "mlle", "m", "p", "pp", "r", "rcs", "r.c.s", "s.a", "s.a.s", "s.a.r.l",
        "s.à", "r.l", "e.g", "i.e", "cf", "vol", "tel", "tél", "fax", "ch", "chap", "ex", "env", "min", "max", "sq",
        "l", "c", "j", "ca", "usa", "u.s", "u.s.a", "eu", "bv", "nv", "ag", "gmbh", "sa", "sarl", "sas", "sasu",
    ]

    static func sentences(in block: String) -> [String] {
        var result: [Range<String.Index>] = []
        var lineStart = block.startIndex
        for index in block.utf8.indices where block.utf8[index] == 0x0A {
            if lineStart < index { split(line: block[lineStart..<index], into: &result) }
            lineStart = block.utf8.index(after: index)
        }
        if lineStart < block.endIndex { split(line: block[lineStart...], into: &result) }
        return result.map { String(block[$0]) }
    }

    /// The sentences of one line (no "\n" in it), as ranges of the string the line is cut from.
    static func sentenceRanges(in line: Substring) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        split(line: line, into: &result)
        return result
    }

    /// A sentence cut into pieces of at most `maximumLength` UTF-8 bytes, so that the work of the rules on one
    /// sentence stays bounded whatever a page holds (a "sentence" of 8 000 provider names and no full stop): at the
    /// last "; " of the allowance, else its last ", ", else its last space, provided the piece keeps at least half
    /// the allowance; else at the last character that fits. Real sentences are far shorter and stay whole.
    static func pieces(of sentence: Range<String.Index>, in text: Substring, maximumLength: Int) -> [Range<String.Index>] {
        let bytes = text.utf8
        guard bytes.distance(from: sentence.lowerBound, to: sentence.upperBound) > maximumLength else { return [sentence] }
        var pieces: [Range<String.Index>] = []
        var start = sentence.lowerBound
        while bytes.distance(from: start, to: sentence.upperBound) > maximumLength {
            let limit = bytes.index(start, offsetBy: maximumLength)
            let half = bytes.index(start, offsetBy: maximumLength / 2)
            /// The last place in the allowance's second half where `separator` (ASCII bytes) ends.
            func lastEnd(of separator: [UInt8]) -> String.Index? {
                var index = limit
                while index > half {
                    let from = bytes.index(index, offsetBy: -separator.count)
                    if bytes[from..<index].elementsEqual(separator) { return index }
                    index = bytes.index(before: index)
                }
                return nil
            }
            var end = lastEnd(of: Array("; ".utf8)) ?? lastEnd(of: Array(", ".utf8)) ?? lastEnd(of: [UInt8(ascii: " ")]) ?? limit
            while end > start && bytes[end] & 0xC0 == 0x80 { end = bytes.index(before: end) }  // not inside a character
            if end <= start { end = limit }
            var pieceEnd = end
            while pieceEnd > start && bytes[bytes.index(before: pieceEnd)] == UInt8(ascii: " ") { pieceEnd = bytes.index(before: pieceEnd) }
            if start < pieceEnd { pieces.append(start..<pieceEnd) }
            start = end
            while start < sentence.upperBound && bytes[start] == UInt8(ascii: " ") { start = bytes.index(after: start) }
        }
        if start < sentence.upperBound { pieces.append(start..<sentence.upperBound) }
        return pieces
    }

    /// Read on the line's bytes: most of them are letters, and only a stop or a " · " asks for the words around it.
    private static func split(line: Substring, into sentences: inout [Range<String.Index>]) {
        let utf8 = line.utf8
        func position(_ offset: Int) -> Substring.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        func cut(_ bytes: UnsafeBufferPointer<UInt8>) {
            let count = bytes.count
            var start = 0
            var index = 0
            while index < count {
                let byte = bytes[index]
                var isStop = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                var afterStop = index + 1
                // "…" is E2 80 A6 in UTF-8.
                if byte == 0xE2, afterStop + 1 < count, bytes[afterStop] == 0x80, bytes[afterStop + 1] == 0xA6 {
                    isStop = true
                    afterStop += 2
                }
                // " · " (C2 B7 between spaces) separates the items of a footer line: "Hébergé par X · Fait à Lyon".
                if byte == 0xC2, afterStop + 1 < count, bytes[afterStop] == 0xB7, index > start, bytes[index - 1] == UInt8(ascii: " "),
                    bytes[afterStop + 1] == UInt8(ascii: " ")
                {
                    append(line[position(start)..<position(index - 1)], to: &sentences)
                    start = afterStop + 1
                    index = start
                    continue
                }
                guard isStop else {
                    index += 1
                    continue
                }
                // Closing marks stay with the sentence: full stops, quotes, parentheses, "»" (C2 BB).
                var end = afterStop
                while end < count {
                    let mark = bytes[end]
                    if mark == UInt8(ascii: ".") || mark == UInt8(ascii: "\"") || mark == UInt8(ascii: ")") {
                        end += 1
                    } else if mark == 0xC2 && end + 1 < count && bytes[end + 1] == 0xBB {
                        end += 2
                    } else {
                        break
                    }
                }
                if end < count, bytes[end] == UInt8(ascii: " "), isSentenceStart(line, at: position(end + 1)),
                    !(byte == UInt8(ascii: ".")
                        && (endsWithAbbreviation(ascii: bytes, before: index) ?? endsWithAbbreviation(line, before: position(index))))
                {
                    append(line[position(start)..<position(end)], to: &sentences)
                    start = end + 1
                    index = start
                    continue
                }
                index += 1
            }
            if start < count { append(line[position(start)...], to: &sentences) }
        }
        if utf8.withContiguousStorageIfAvailable(cut) == nil { Array(utf8).withUnsafeBufferPointer(cut) }
    }

    private static func append(_ sentence: Substring, to sentences: inout [Range<String.Index>]) {
        let trimmed = sentence.drop { $0 == " " }
        if !trimmed.isEmpty { sentences.append(trimmed.startIndex..<trimmed.endIndex) }
    }

    private static func isSentenceStart(_ line: Substring, at index: Substring.Index) -> Bool {
        guard index < line.endIndex else { return false }
        // Mostly an ASCII letter or a space: read on the byte, as the scalar's properties would say.
        let byte = line.utf8[index]
        if byte < 0x80 {
            return (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "(")
                || byte == UInt8(ascii: "[") || (byte == UInt8(ascii: "*") && isBulletSpace(line, after: index))
        }
        let next = line.unicodeScalars[index]
        return next.properties.isUppercase || ("0"..."9").contains(next) || next == "«" || next == "\"" || next == "(" || next == "["
            || (next == "•" && isBulletSpace(line, after: index))
    }

    /// "… résultats. * Nous utilisons …": a list flattened into one line (a Markdown list in a table cell) starts each
    /// item with a bullet and a space; the item is a sentence of its own.
    private static func isBulletSpace(_ line: Substring, after index: Substring.Index) -> Bool {
        let next = line.unicodeScalars.index(after: index)
        return next < line.endIndex && line.utf8[next] == UInt8(ascii: " ")
    }

    /// The word before the full stop is a known abbreviation or a single letter (an initial).
    static func endsWithAbbreviation(_ line: Substring, before index: Substring.Index) -> Bool {
        let head = line.utf8[line.startIndex..<index]
        let wordStart = head.lastIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "(") }.map { line.utf8.index(after: $0) } ?? line.startIndex
        guard wordStart < index else { return false }
        let offset = line.utf8.distance(from: line.startIndex, to: index)
        if let answer = line.utf8.withContiguousStorageIfAvailable({ endsWithAbbreviation(ascii: $0, before: offset) }) ?? nil {
            return answer
        }
        let word = line[wordStart..<index].lowercased()
        if word.unicodeScalars.count == 1, word.unicodeScalars.first!.properties.isAlphabetic { return true }
        if abbreviations.contains(word) { return true }
        let trimmed = word.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        return abbreviations.contains(String(trimmed))
    }

    /// The same test read in the line's bytes, for a word of ASCII characters and Latin-1 letters (U+00C0–U+00FF,
    /// "données", "Sté", "ÉTAT"): most words before a full stop. Their lower case has as many bytes (ASCII A–Z and
    /// À–Þ shift by 0x20, ß stays), so the word is lower-cased byte by byte. Nil when the word holds other bytes.
    static func endsWithAbbreviation(ascii bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool? {
        var wordStart = index
        while wordStart > 0 && bytes[wordStart - 1] != UInt8(ascii: " ") && bytes[wordStart - 1] != UInt8(ascii: "(") { wordStart -= 1 }
        guard wordStart < index else { return false }
        var firstLetter = -1
        var lastLetterEnd = -1
        var characters = 0
        var position = wordStart
        while position < index {
            let byte = bytes[position]
            var width = 1
            var isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if byte >= 0x80 {
                // C3 80–BF: U+00C0–U+00FF, letters but for × (C3 97) and ÷ (C3 B7).
                guard byte == 0xC3, position + 1 < index, bytes[position + 1] & 0xC0 == 0x80 else { return nil }
                width = 2
                isLetter = bytes[position + 1] != 0x97 && bytes[position + 1] != 0xB7
            }
            if isLetter {
                if firstLetter < 0 { firstLetter = position }
                lastLetterEnd = position + width
            }
            characters += 1
            position += width
        }
        if characters == 1 { return firstLetter >= 0 }
        func lower(_ position: Int) -> UInt8 {
            let byte = bytes[position]
            if byte >= 0x41 && byte <= 0x5A { return byte + 32 }
            // The second byte of À–Þ (C3 80–9E, but for × at 97): its lower-case letter is 0x20 further.
            if byte >= 0x80, byte <= 0x9E, byte != 0x97, bytes[position - 1] == 0xC3 {
                return byte + 0x20
            }
            return byte
        }
        func word(_ start: Int, _ end: Int) -> String {
            String(unsafeUninitializedCapacity: end - start) { output in
                for position in start..<end { output[position - start] = lower(position) }
                return end - start
            }
        }
        if abbreviations.contains(word(wordStart, index)) { return true }
        guard firstLetter >= 0 else { return abbreviations.contains("") }
        return abbreviations.contains(word(firstLetter, lastLetterEnd))
    }
}
