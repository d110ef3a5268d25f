import Foundation

/// The operator's name as its own page gives it, for a page that says the operator keeps the data itself
/// (`Rules.ownInfrastructure`): the party the page calls "we" (`Rules.definedAsUs`), else the controller
/// (`Rules.operatorAsSubject`, `Rules.operatorAfter`, which also reads the publisher). Nil when the page gives none:
/// a host is never named from outside the page.
enum OperatorName {
    static func read(in texts: [String]) -> String? {
        var asSubject: String?
        var after: String?
        var introduced: String?
        for text in texts where mayName(text) {
            // A sentence holds what its block holds: a block without the words of any of the rules is not split.
            let block = Folded(text).folded
            guard rules.contains(where: { $0.pattern?.literals?.mayMatch(block) ?? true }) else { continue }
            for sentence in SentenceSplitter.sentences(in: text) {
                let folded = Folded(sentence)
                if let range = Rules.definedAsUs.firstRange(in: folded), let name = quotedBefore(range, in: folded) ?? before(range, in: folded) {
                    return name
                }
                if asSubject == nil, let range = Rules.operatorAsSubject.firstRange(in: folded) { asSubject = before(range, in: folded) }
                if after == nil, let range = Rules.operatorAfter.firstRange(in: folded),
                    let name = CompanyName.read(in: folded, from: range.location + range.length), CompanyName.looksLikeName(name.text)
                {
                    after = name.text
                }
                if introduced == nil, Rules.operatorIntroduced.matches(in: folded, triggers: Triggers.scan(sentence)), let name = CompanyName.withLegalForm(in: folded).first,
                    name.range.location <= 2
                {
                    introduced = name.text
                }
            }
        }
        return asSubject ?? after ?? introduced
    }

    private static let rules = [Rules.definedAsUs, Rules.operatorAsSubject, Rules.operatorAfter, Rules.operatorIntroduced]

    /// Only blocks with a word of these rules are split into sentences.
    private static func mayName(_ text: String) -> Bool {
        ["esponsable", "nous", "dit", "ontroller", "ublished", "we", "ociété", "ompany", "est une entreprise", "est une start"].contains { UTF8Bytes.contains(text, $0) }
    }

    /// "« Exemple », « notre » ou « nous »": the last quoted name before "we" that is not a pronoun.
    private static func quotedBefore(_ range: NSRange, in text: Folded) -> String? {
        let head = (text.original as NSString).substring(to: range.location)
        let quoted = quotation.matches(in: head, range: NSRange(location: 0, length: (head as NSString).length)).map {
            (head as NSString).substring(with: $0.range(at: 1)).trimmingCharacters(in: .whitespaces)
        }
        return quoted.last { name in
            !pronouns.contains(Folded(name).folded) && name.first?.isUppercase == true && CompanyName.looksLikeName(name)
        }
    }

    /// The name that ends right before a match: capitalised words read backwards ("… qu'Exemple Group agit …"), or a
    /// name with its legal form earlier in the clause ("Exemple, Inc., situé au …, est le responsable …").
    private static func before(_ range: NSRange, in text: Folded) -> String? {
        var head = (text.original as NSString).substring(to: range.location)
        // Inside a parenthesis that defines the name ("Exemple (ci-après « la Société »)"): the name is before it.
        if let open = head.lastIndex(of: "("), !head[open...].contains(")") { head = String(head[..<open]) }
        if let named = CompanyName.withLegalForm(in: Folded(head)).last { return named.text }
        var words: [Substring] = []
        let trimmed = head.trimmingCharacters(in: CharacterSet(charactersIn: " ,(«\"“"))
        for word in trimmed.split(separator: " ").reversed() {
            if let first = word.first, first.isUppercase || first.isNumber {
                words.append(word)
            } else if let elision = word.firstIndex(where: { $0 == "'" || $0 == "’" }), word[word.index(after: elision)...].first?.isUppercase == true {
                words.append(word[word.index(after: elision)...])
                break
            } else if connectors.contains(String(word)) {
                words.append(word)
            } else {
                break
            }
        }
        while let last = words.last, connectors.contains(String(last)) { words.removeLast() }
        let name = words.reversed().joined(separator: " ")
        guard (2...60).contains(name.count), words.count <= 6, CompanyName.looksLikeName(name) else { return withLegalForm(startingAClauseOf: head) }
        return name
    }

    /// "…, Exemple Interactive, Inc. situé au 1 rue …, CA 94104, est …": a name with its legal form at the head of one of
    /// the clauses before the match, its address after it.
    private static func withLegalForm(startingAClauseOf head: String) -> String? {
        let folded = Folded(head)
        var starts = [0]
        var from = head.startIndex
        while let comma = head.range(of: ", ", range: from..<head.endIndex) {
            starts.append(head.utf16.distance(from: head.utf16.startIndex, to: comma.upperBound))
            from = comma.upperBound
        }
        return starts.lazy.compactMap { CompanyName.read(in: folded, from: $0) }.first {
            // "Exemple, Inc.": the comma before a legal form is part of the name.
            !CompanyName.withLegalForm(in: Folded($0.text.replacingOccurrences(of: ", ", with: " "))).isEmpty
        }?.text
    }

    private static let connectors: Set<String> = ["de", "des", "du", "&"]
    private static let pronouns: Set<String> = ["nous", "notre", "nos", "we", "us", "our", "vous", "votre", "vos", "you", "your"]
    private static let quotation = try! NSRegularExpression(pattern: #"[«"“]\s*([^»"”]{2,60}?)\s*[»"”]"#)
}
