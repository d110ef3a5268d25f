import Foundation

/// Reads a company name written after "hébergé par" or at the head of a hosting paragraph.
enum CompanyName {
    private static let terminators = [
        ",", ";", "(", ")", " dont ", " - ", " – ", " — ", " situé", " située", " sis ", " sise ", " located", " whose", " which ",
        " qui ", " domicili", " immatricul", " au capital", " sur ", " en France", " à ", " at ", " in ", " : ", ". ", " ayant",
        " RCS", " R.C.S", " with ", " pour ", " for ", " – ", " | ", " dans ", " selon ", " conformément",
        " et des ", " et les ", " et ses ", " et son ", " et sa ", " et leurs ", " et ne ", " et n'", " et/ou ", " et / ou ", " ou ", " de façon ", " de manière ",
    ]
    private static let leadingWords: Set<String> = [
        "le", "la", "les", "un", "une", "des", "ce", "cette", "ces", "nos", "vos", "notre", "votre", "son", "sa", "ses",
        "leur", "leurs", "the", "our", "your", "a", "an", "tout", "toute", "tous", "chaque", "il", "elle", "nous", "we",
        "it", "its", "their", "ils", "elles", "on", "l'", "d'", "de", "du", "en", "par", "chez", "ainsi",
    ]

    static func read(in text: Folded, from start: Int) -> (text: String, range: NSRange)? {
        let original = text.original as NSString
        guard start < original.length else { return nil }
        let rest = original.substring(from: start)
        let leading = rest.prefix { $0 == " " }.utf16.count
        var candidate = String(rest.dropFirst(leading))
        // ", Inc." and its kind belong to the name: keep them through the cut at commas.
        // Foundation is asked only about the strings whose bytes are there (`UTF8Bytes.mayFind`): most are not.
        let glued = [", Inc", ", LLC", ", Ltd", ", Limited", ", S.A.", ", SA "]
        for form in glued where UTF8Bytes.mayFind(form, in: candidate) {
            candidate = candidate.replacingOccurrences(of: form, with: form.replacingOccurrences(of: ", ", with: "\u{1}"))
        }
        // The full stop of "Inc." or "S.A.S." is not the end of a sentence.
        for form in ["Inc.", "Ltd.", "Corp.", "S.A.S.", "S.A.", "r.l."] where UTF8Bytes.mayFind(form, in: candidate) {
            candidate = candidate.replacingOccurrences(of: form, with: form.replacingOccurrences(of: ".", with: "\u{2}"))
        }
        for terminator in terminators where UTF8Bytes.mayFind(terminator, in: candidate) {
            if let range = candidate.range(of: terminator) { candidate = String(candidate[..<range.lowerBound]) }
        }
        for (marker, sign) in [("\u{1}", ", "), ("\u{2}", ".")] where UTF8Bytes.mayFind(marker, in: candidate) {
            candidate = candidate.replacingOccurrences(of: marker, with: sign)
        }
        candidate = UTF8Bytes.trimmingWhitespace(candidate)
        while candidate.hasSuffix(".") && !candidate.hasSuffix("S.A.S.") && !candidate.hasSuffix("Inc.") && !candidate.hasSuffix("r.l.") {
            candidate.removeLast()
        }
        guard let first = candidate.first, first.isUppercase || first.isNumber || isMixedCaseBrand(candidate),
            (2...120).contains(candidate.count),
            candidate.split(separator: " ").count <= 14
        else { return nil }
        let firstWord = candidate.split(separator: " ").first.map { $0.lowercased() } ?? ""
        guard !leadingWords.contains(firstWord), !firstWord.hasPrefix("l'"), !firstWord.hasPrefix("d'") else { return nil }
        return (candidate, NSRange(location: start + leading, length: candidate.utf16.count))
    }

    /// "Exemple (société Exemple Web)": the legal entity a parenthesis gives right after a brand is the company named.
    static func entityInParenthesis(after name: (text: String, range: NSRange), in text: Folded) -> (text: String, range: NSRange)? {
        let original = text.original as NSString
        let end = name.range.location + name.range.length
        guard end < original.length else { return nil }
        let rest = original.substring(from: end)
        guard let match = entityParenthesis.firstMatch(in: rest, range: NSRange(location: 0, length: (rest as NSString).length)) else { return nil }
        let inner = match.range(at: 1)
        let entity = UTF8Bytes.trimmingWhitespace((rest as NSString).substring(with: inner))
        guard looksLikeName(entity), !isCommonWord(entity) else { return nil }
        return (entity, NSRange(location: end + inner.location, length: inner.length))
    }

    private static let entityParenthesis = try! NSRegularExpression(
        pattern: #"^\s*\(\s*(?:la\s+)?(?:soci[ée]t[ée]|company|groupe|entit[ée])\s+([^()]{2,60}?)\s*\)"#, options: [.caseInsensitive])

    /// "chez un prestataire européen (EXEMPLE)", "par le partenaire Exemple (société Exemple Web)": a few words that
    /// describe a provider, then its name, in a parenthesis or written out.
    static func afterDescription(in text: Folded, from start: Int) -> (text: String, range: NSRange)? {
        let original = text.original as NSString
        guard start < original.length else { return nil }
        let rest = original.substring(from: start)
        guard let match = describedName.firstMatch(in: rest, range: NSRange(location: 0, length: (rest as NSString).length)),
            Rules.providerWords.matches(in: Folded((rest as NSString).substring(with: match.range)))
        else { return nil }
        if match.range(at: 1).location != NSNotFound {
            let inner = match.range(at: 1)
            let name = UTF8Bytes.trimmingWhitespace((rest as NSString).substring(with: inner))
            guard looksLikeName(name), !name.contains(where: { ",;:".contains($0) }), !isCommonWord(name),
                !Rules.definedTerm.matches(in: Folded(name)), !PlaceOnlyNames.isPlace(name)
            else { return nil }
            return (name, NSRange(location: start + inner.location, length: inner.length))
        }
        // "les serveurs du partenaire de EXEMPLE": the name after "de" is whose partner it is.
        let description = (rest as NSString).substring(with: match.range)
        guard description.range(of: #"\b(?:de|d'|d’|du|des)\s*$"#, options: .regularExpression) == nil,
            let name = read(in: text, from: start + match.range.length), !isCommonWord(name.text), !PlaceOnlyNames.isPlace(name.text)
        else { return nil }
        return entityInParenthesis(after: name, in: text) ?? name
    }

    /// An article (the introduction may have read it), up to four lower-case words, then a parenthesis (group 1) or
    /// a capital.
    private static let describedName = try! NSRegularExpression(
        pattern: #"^\s*(?:(?:un|une|le|la|les|l'|l’|notre|nos|son|sa|ses|leur|leurs|des|du|d'|d’)\s*)?(?:[\p{Ll}'’-]+\s+){1,4}?(?:\(\s*([^()]{2,40}?)\s*\)|(?=[\p{Lu}\d]|\p{Ll}{1,6}\p{Lu}))"#)

    /// Capitalised words that stand where a host's name would and are none ("les serveurs Web", "certifié HDS").
    private static let notNames = Set(Lexicon.entries("not-company-names"))

    /// Also such a word followed only by lower-case words and signs: "les hébergeurs certifiés HDS suivants :"
    /// introduces the hosts' names, it gives none.
    static func isCommonWord(_ name: String) -> Bool {
        if notNames.contains(UTF8Bytes.trimmingWhitespace(Folded(name).folded)) { return true }
        let words = name.split(separator: " ")
        guard words.count > 1, let head = words.first,
            words.dropFirst().allSatisfy({ word in !word.contains { $0.isUppercase || $0.isNumber } })
        else { return false }
        return notNames.contains(UTF8Bytes.trimmingWhitespace(Folded(String(head)).folded))
    }

    /// The name a phrase is said of, right before it in its clause: "Exemple Chat, qui héberge…", "les sociétés du
    /// Groupe Exemple assurant l'hébergement…", "Sous-traitant : Exemple, en tant qu'hébergeur du site". The last
    /// run of capitalised words (a brand such as "iExemple" too) at most `reach` characters before the phrase, cut
    /// at a colon or a semicolon; a legal form alone takes the word before it ("exemple AG").
    static func subject(before location: Int, in text: Folded, reach: Int = 50) -> (text: String, range: NSRange)? {
        let original = text.original as NSString
        var start = 0
        for stop in [":", ";", "(", ")"] {
            let found = original.range(of: stop, options: .backwards, range: NSRange(location: 0, length: location))
            if found.location != NSNotFound { start = max(start, found.location + 1) }
        }
        let span = NSRange(location: start, length: location - start)
        let words: [(text: String, range: NSRange)] = word.matches(in: text.original, range: span).map { match in
            (text: original.substring(with: match.range), range: match.range)
        }
        let isNameWord = { (word: String) in
            (word.first.map { $0.isUppercase || $0.isNumber } == true || isMixedCaseBrand(word)) && !leadingWords.contains(word.lowercased())
        }
        let connectors: Set<String> = ["du", "de", "des", "d'", "&"]
        guard let last = words.lastIndex(where: { isNameWord($0.text) }),
            location - (words[last].range.location + words[last].range.length) <= reach
        else { return nil }
        var first = last
        while first > 0 {
            let before = words[first - 1].text
            let joins = connectors.contains(before.lowercased()) && first >= 2 && isNameWord(words[first - 2].text)
            guard isNameWord(before) || joins else { break }
            first -= 1
        }
        // "adidas AG": a legal form alone names the word before it.
        if first == last, first > 0, legalForms.contains(words[last].text), !leadingWords.contains(words[first - 1].text.lowercased()) { first -= 1 }
        guard last - first < 5 else { return nil }
        // A capitalised word opening the clause alone is a word of the sentence ("Celui-ci, qui héberge…") unless it
        // reads as a brand ("IntraMuros", "EXEMPLE").
        if first == last, words[..<first].isEmpty || words[first].range.location == words.first?.range.location {
            let word = words[first].text
            guard word.dropFirst().contains(where: \.isUppercase) || isMixedCaseBrand(word) else { return nil }
        }
        let range = NSRange(location: words[first].range.location, length: words[last].range.location + words[last].range.length - words[first].range.location)
        let name = original.substring(with: range)
        guard !PlaceOnlyNames.isPlace(name), !isCommonWord(name) else { return nil }
        return (name, range)
    }

    private static let word = try! NSRegularExpression(pattern: #"[\p{L}\p{N}&][\p{L}\p{N}&.\-]*"#)

    /// The name heading a list item ("oXya – en Île-de-France", "OCI, à Paris"): a few words, each capitalised
    /// (or a brand such as "iExemple"), before a dash, a comma or a colon; not a place, not a word of the rules.
    static func itemHead(in text: Folded) -> (text: String, range: NSRange)? {
        guard let name = read(in: text, from: 0) else { return nil }
        let words = name.text.split(separator: " ")
        guard words.count <= 4,
            words.allSatisfy({ word in word.first.map { $0.isUppercase || $0.isNumber } == true || isMixedCaseBrand(String(word)) }),
            !PlaceOnlyNames.isPlace(name.text), RoleWords.roles(in: Folded(name.text)).isEmpty,
            !Rules.hostingHeading.matches(in: Folded(name.text))
        else { return nil }
        return name
    }

    /// "net.DE AG", "iExemple": a first word in lower case with a capital inside is a brand, not a word of the sentence.
    private static func isMixedCaseBrand(_ candidate: String) -> Bool {
        guard let word = candidate.split(separator: " ").first, word.first?.isLowercase == true else { return false }
        return word.dropFirst().contains(where: \.isUppercase) && !word.contains(where: { $0 == "'" || $0 == "’" })
    }

    /// A name with its legal form read back over a host label run into it ("… Hébergeur du site SFDC Ireland
    /// Limited", lines whose breaks were lost): the name is what follows the label.
    static func afterHostLabel(_ name: (text: String, range: NSRange), in text: Folded) -> (text: String, range: NSRange) {
        let folded = Folded(name.text)
        guard let label = hostLabel.matches(in: folded.folded, range: NSRange(location: 0, length: folded.length)).last else { return name }
        let cut = label.range.location + label.range.length
        let rest = (name.text as NSString).substring(from: cut)
        let leading = rest.prefix { $0 == " " || $0 == ":" }.utf16.count
        let kept = String(rest.dropFirst(leading))
        guard !kept.isEmpty else { return name }
        return (kept, NSRange(location: name.range.location + cut + leading, length: kept.utf16.count))
    }

    private static let hostLabel = try! NSRegularExpression(
        pattern: #"\b(?:hebergeurs?|hebergement|hosting(?: provider)?|hosted by)(?:\s+(?:du|de|of)\s+(?:the\s+)?(?:site|website))?\b"#)

    /// A label's value that reads as a name rather than a sentence ("Afin de respecter les dispositions…"): a legal
    /// form, or a few words most of which start with a capital or a digit.
    static func looksLikeName(_ candidate: String) -> Bool {
        if !withLegalForm(in: Folded(candidate)).isEmpty { return true }
        let words = candidate.split(separator: " ").filter { $0.count > 3 }
        guard candidate.split(separator: " ").count <= 6 else { return false }
        let capitalised = words.filter { $0.first.map { $0.isUppercase || $0.isNumber } == true }
        return capitalised.count * 2 >= words.count
    }

    /// Company names with their legal form ("Courriel Sûr SAS", "Moselle Datacenter S.à r.l."), anywhere in a sentence.
    static func withLegalForm(in text: Folded) -> [(text: String, range: NSRange)] {
        // Every match holds a legal form as written: most sentences hold none, and ICU need not try every capital.
        if let legalFormWords, text.original.utf8.withContiguousStorageIfAvailable({ legalFormWords.owners(in: $0, moreThan: 0) == 0 }) == true {
            return []
        }
        let whole = NSRange(location: 0, length: text.length)
        return legalFormName.matches(in: text.original, range: whole).compactMap { match in
            let name = text.originalText(match.range)
            let first = name.split(separator: " ").first.map { $0.lowercased() } ?? ""
            return leadingWords.contains(first) ? nil : (name, match.range)
        }
    }

    /// The legal forms (`Lexicons/legal-forms.txt`), matched as written, after a name's capitalised words.
    private static let legalFormName = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\d])(?:[\p{Lu}\d]|\p{Ll}{1,6}[.\-]?\p{Lu})[\p{L}\d'’&.\-]*(?:\s+(?:[\p{Lu}\d][\p{L}\d'’&.\-]*|de|du|des|et|&|d'))*?\s+(?:"#
            + legalForms.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + #")(?![\p{L}])"#)
    private static let legalForms = Lexicon.entries("legal-forms")
    /// The legal forms' bytes, looked for in one pass (the pattern matches them case for case, code point for code point).
    private static let legalFormWords = legalForms.allSatisfy { $0.utf8.count >= 2 } ? WordIndex(legalForms.map { (Array($0.utf8), 0) }) : nil

    /// The address that follows a company name in its paragraph, on one line.
    /// "X in its data centre in Lille", "X dans ses centres de données à Roubaix", "X sur ses serveurs en Irlande": what
    /// follows the name says where the data sits, not where the company is, and gives it no address or country.
    private static let dataPlaceLead = FoldedRegex(
        folded: #"^(?:in|at|on|dans|sur|au\s+sein\s+de)\s+(?:its|their|the|a|ses|leurs|son|sa|les|le|la|un|une|des)\s+(?:data\s?cent|datacent|centres?\s+de\s+donnees|serveurs?\b|servers?\b|regions?\b|infrastructures?\b)"#)

    static func address(_ rest: String) -> String? {
        var text = rest.replacingOccurrences(of: "\n", with: ", ")
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-–").union(.whitespaces))
        guard !text.isEmpty, !dataPlaceLead.matches(in: Folded(text)) else { return nil }
        if text.count > 200 {
            text = String(text.prefix(200))
            if let space = text.lastIndex(of: " ") { text = String(text[..<space]) }
        }
        return text
    }
}

/// The country an address names, by country or well-known city names.
/// Names of places: a country, a region or "the European Union" written where a company would be is not a host.
enum PlaceOnlyNames {
    private static let places: Set<String> = Set(
        ["union europeenne", "european union", "europe", "ue", "eee", "espace economique europeen", "european economic area", "france"]
            + Places.europeanCountryNames + Places.otherCountries.map(\.name))
    private static let articles = ["l'", "la ", "le ", "les ", "the ", "d'", "de ", "du ", "des "]

    /// Places of several words, which no company name starts with.
    private static let leadingPlaces = ["union europeenne", "european union", "espace economique europeen", "european economic area",
        "etats-unis", "etats unis", "united states", "royaume-uni", "united kingdom", "pays-bas"]

    /// Whether a name, its article and capitals aside, is only a place, or starts with a place of several words
    /// ("Union européenne ou de l'Espace économique européen").
    static func isPlace(_ name: String) -> Bool {
        var folded = UTF8Bytes.trimmingWhitespace(Folded(name).folded)
        for article in articles where folded.hasPrefix(article) { folded = String(folded.dropFirst(article.count)) }
        folded = folded.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
        return places.contains(folded)
            || leadingPlaces.contains { folded.hasPrefix($0) && (folded.count == $0.count || !folded.dropFirst($0.count).first!.isLetter) }
    }
}

enum CountryNames {
    /// Countries, cities abroad and the French cities with data centres, each with its country code.
    private static let names: [(String, String)] =
        (Places.otherCountries + Places.europeanCountries + Places.citiesAbroad).map { ($0.name, $0.code) } + [("france", "FR")]
        + Places.dataCentreCities.map { ($0, "FR") }
    private static let usZip = FoldedRegex(folded: #"\b(?:ca|ny|wa|ma|tx|de|il|va|nj)\s+\d{5}\b"#)
    private static let frenchPostcode = FoldedRegex(folded: #"\b\d{5}\s+[a-z]"#)

    static func country(in address: String) -> String? {
        let text = Folded(address)
        let folded = text.folded as NSString
        var best: (location: Int, code: String)?
        for (name, code) in names where UTF8Bytes.mayFind(name, in: text.folded) {
            var searchFrom = 0
            while searchFrom < folded.length {
                let range = folded.range(of: name, options: [], range: NSRange(location: searchFrom, length: folded.length - searchFrom))
                guard range.location != NSNotFound else { break }
                searchFrom = range.location + 1
                let end = range.location + range.length
                let boundaryBefore = range.location == 0 || !(folded.substring(with: NSRange(location: range.location - 1, length: 1)).first?.isLetter ?? false)
                let boundaryAfter = end >= folded.length || !(folded.substring(with: NSRange(location: end, length: 1)).first?.isLetter ?? false)
                guard boundaryBefore, boundaryAfter else { continue }
                if best == nil || range.location < best!.location { best = (range.location, code) }
                break
            }
        }
        if let best { return best.code }
        if usZip.matches(in: text) { return "US" }
        if frenchPostcode.matches(in: text) { return "FR" }
        return nil
    }
}
