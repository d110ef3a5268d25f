import Foundation
import SovereigntyModel

/// Finds known providers named in a sentence, by their aliases, longest first, on word boundaries.
///
/// Short aliases (AWS, OVH) must match in their written case so that ordinary words do not; brand
/// mentions that are products rather than hosting (Google Analytics, "se connecter avec Google") are skipped.
struct ProviderMatcher: Sendable {
    struct Mention: Equatable {
        var providerID: String
        var range: NSRange
    }

    private struct Alias {
        var providerID: String
        var folded: String
        var written: String
        var caseSensitive: Bool
    }

    private let aliases: [Alias]
    private let automaton: AliasAutomaton

    private static let productFollowers = [
        "analytics", "tag manager", "fonts", "maps", "recaptcha", "ads", "adsense", "play", "store", "pay", "meet",
        "teams", "office", "outlook", "forms", "clarity", "bing", "youtube", "translate", "search", "signin", "sign-in",
        "connect", "authenticator", "turnstile", "web analytics", "insights",
    ].map { Array($0.utf16) }
    private static let topLevelDomains = ["fr", "com", "de", "net", "org", "eu", "io", "co", "uk", "es", "it", "be", "ch"].map { Array($0.utf16) }
    private static let productLeaders = [
        "se connecter avec ", "connexion avec ", "connecter via ", "sign in with ", "log in with ", "login with ",
        "compte ", "account ", "disponible sur ", "available on ", "telecharger sur ",
    ].map { Array($0.utf16) }

    init(catalog: ProviderCatalog) {
        var aliases: [Alias] = []
        for provider in catalog.providers {
            var names = Set(provider.aliases)
            names.insert(provider.name)
            for name in names where !name.isEmpty {
                let folded = Folded(name).folded
                let letters = name.filter(\.isLetter)
                aliases.append(
                    Alias(
                        providerID: provider.id, folded: folded, written: name,
                        caseSensitive: letters.count <= 4 && name == name.uppercased()))
            }
        }
        self.aliases = aliases.sorted { ($0.folded.count, $0.folded) > ($1.folded.count, $1.folded) }
        self.automaton = AliasAutomaton(patterns: self.aliases.map(\.folded))
    }

    /// Every alias in one pass; then, longest first, the ones on word boundaries that no longer name has taken.
    func mentions(in text: Folded) -> [Mention] {
        let haystack = text.folded as NSString
        let original = text.original as NSString
        let candidates = automaton.matches(in: text.folded).sorted { lhs, rhs in
            lhs.pattern != rhs.pattern ? lhs.pattern < rhs.pattern : lhs.location < rhs.location
        }
        guard !candidates.isEmpty else { return [] }
        let units = Array(text.folded.utf16)
        // The code units a longer name has taken: one look per unit of a candidate, however many names the text holds.
        var taken = [Bool](repeating: false, count: units.count)
        var found: [Mention] = []
        for candidate in candidates {
            let alias = aliases[candidate.pattern]
            let range = NSRange(location: candidate.location, length: candidate.length)
            if alias.caseSensitive && original.substring(with: range) != alias.written { continue }
            guard Self.isWordBoundary(haystack, original, range),
                !taken[range.location..<(range.location + range.length)].contains(true),
                !Self.isProductMention(units, range)
            else { continue }
            taken.replaceSubrange(range.location..<(range.location + range.length), with: repeatElement(true, count: range.length))
            found.append(Mention(providerID: alias.providerID, range: range))
        }
        return found.sorted { $0.range.location < $1.range.location }
    }

    private static func isWordBoundary(_ text: NSString, _ original: NSString, _ range: NSRange) -> Bool {
        func isWordCharacter(_ unit: unichar) -> Bool {
            guard let scalar = Unicode.Scalar(unit) else { return true }
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        }
        func isLowercase(_ unit: unichar) -> Bool { Unicode.Scalar(unit)?.properties.isLowercase ?? false }
        func isUppercase(_ unit: unichar) -> Bool { Unicode.Scalar(unit)?.properties.isUppercase ?? false }
        // A word glued to the name by PDF extraction ("parOVH") still ends before a capital; a capital inside an
        // upper-case word ("NUAGEOVH") is no such end. The folded text is all lower case: ask the page's own letters.
        if range.location > 0, isWordCharacter(text.character(at: range.location - 1)),
            !(isLowercase(original.character(at: range.location - 1)) && isUppercase(original.character(at: range.location)))
        {
            return false
        }
        let end = range.location + range.length
        if end < text.length, isWordCharacter(text.character(at: end)) { return false }
        return true
    }

    /// A product of the brand rather than the brand ("Google Analytics", "se connecter avec Google"), read on the
    /// folded text's UTF-16 code units, where the name's range is.
    private static func isProductMention(_ units: [UInt16], _ range: NSRange) -> Bool {
        var next = range.location + range.length
        while next < units.count, isSpace(units[next]) { next += 1 }
        let followedByProduct = productFollowers.contains { word in
            let end = next + word.count
            return end <= units.count && units[next..<end].elementsEqual(word) && !(end < units.count && isLetter(units, at: end))
        }
        if followedByProduct { return true }
        // "Amazon.fr", "Google.com" written as a name: a site, not the company (a link to the company's own pages,
        // "https://exemple.com/certification", still names it).
        let inLink = range.location > 0 && [0x2F, 0x2E].contains(units[range.location - 1])
        if !inLink, next == range.location + range.length, next + 2 < units.count, units[next] == 0x2E,
            let tld = Self.topLevelDomains.first(where: { units[(next + 1)...].starts(with: $0) }),
            !(next + 1 + tld.count < units.count && isLetter(units, at: next + 1 + tld.count))
        {
            return true
        }
        return productLeaders.contains { leader in
            leader.count <= range.location && units[(range.location - leader.count)..<range.location].elementsEqual(leader)
        }
    }

    /// White space as `CharacterSet.whitespaces` has it: spaces and tab.
    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x09 || (Unicode.Scalar(unit)?.properties.generalCategory == .spaceSeparator)
    }

    private static func isLetter(_ units: [UInt16], at index: Int) -> Bool {
        var decoder = UTF16()
        var iterator = units[index...].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isAlphabetic  // as `Character.isLetter` has it
    }
}
