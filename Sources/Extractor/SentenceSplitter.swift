/// Cuts a block of text into sentences without breaking on abbreviations and legal forms
/// ("S.A.S.", "n°", "Inc.", "R.C.S.", "av.").
enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "inc", "ltd", "co", "corp", "cie", "ste", "sté", "st", "av", "bd", "boul", "n", "no", "art", "arts", "al", "etc",
        "mr", "mrs", "ms", "dr", "me", "mme", "mlle", "m", "p", "pp", "r", "rcs", "r.c.s", "s.a", "s.a.s", "s.a.r.l",
        "s.à", "r.l", "e.g", "i.e", "cf", "vol", "tel", "tél", "fax", "ch", "chap", "ex", "env", "min", "max", "sq",
        "l", "c", "j", "ca", "usa", "u.s", "u.s.a", "eu", "bv", "nv", "ag", "gmbh", "sa", "sarl", "sas", "sasu",
    ]

    static func sentences(in block: String) -> [String] {
        var result: [String] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
            result.append(contentsOf: split(line: String(line)))
        }
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func split(line: String) -> [String] {
        let characters = Array(line)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" || character == "…" {
                var end = index + 1
                while end < characters.count, characters[end] == "." || characters[end] == "»" || characters[end] == "\""
                    || characters[end] == ")"
                {
                    end += 1
                }
                if end < characters.count, characters[end] == " ", isSentenceStart(characters, from: end + 1),
                    !(character == "." && endsWithAbbreviation(characters, before: index))
                {
                    sentences.append(String(characters[start..<end]))
                    start = end + 1
                    index = end + 1
                    continue
                }
            }
            index += 1
        }
        if start < characters.count { sentences.append(String(characters[start...])) }
        return sentences
    }

    private static func isSentenceStart(_ characters: [Character], from index: Int) -> Bool {
        guard index < characters.count else { return false }
        let next = characters[index]
        return next.isUppercase || next.isNumber || next == "«" || next == "\"" || next == "(" || next == "["
    }

    /// The word before the full stop is a known abbreviation or a single letter (an initial).
    private static func endsWithAbbreviation(_ characters: [Character], before index: Int) -> Bool {
        var start = index
        while start > 0, !characters[start - 1].isWhitespace, characters[start - 1] != "(" { start -= 1 }
        let word = String(characters[start..<index]).lowercased()
        if word.isEmpty { return false }
        if word.count == 1, word.first!.isLetter { return true }
        return abbreviations.contains(word) || abbreviations.contains(word.trimmingCharacters(in: .punctuationCharacters))
    }
}
