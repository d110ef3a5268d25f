import Foundation

/// Word lists kept as data files, one entry a line (`Sources/Extractor/Lexicons/*.txt`, see its README), read once
/// when first needed. They are SwiftPM resources (`Bundle.module`, on Linux too): a list is changed without
/// touching code, and the rules that use it (patterns and trigger words alike) follow.
enum Lexicon {
    /// The entries of a list, in file order: "#" starts a comment, blank lines are skipped, spaces trimmed.
    static func entries(_ name: String) -> [String] {
        lines(name).map(\.text)
    }

    /// Entries written "name: CODE" (a place and its ISO 3166 country code).
    static func coded(_ name: String) -> [(name: String, code: String)] {
        lines(name).map { line in
            let parts = line.text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, parts[1].count == 2 else {
                preconditionFailure("Lexicons/\(name).txt:\(line.number): expected \"name: CODE\", found \"\(line.text)\"")
            }
            return (parts[0], parts[1])
        }
    }

    private static func lines(_ name: String) -> [(number: Int, text: String)] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Lexicons"),
            let contents = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("Lexicons/\(name).txt is missing from the Extractor's resources (sovereignty_Extractor.resources next to the binary)")
        }
        return contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let text = (line.firstIndex(of: "#").map { line[..<$0] } ?? line).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : (index + 1, text)
        }
    }

    /// A list of words written with the notation of the lexicons, as a pattern's alternatives: an entry stands as a
    /// whole word; "*" at an end lets the word go on that side ("vise*" is `\bvise`, "*en cours*" is `en cours`).
    static func alternatives(_ entries: [String]) -> String {
        entries.map { entry in
            var word = Substring(entry)
            let openStart = word.hasPrefix("*")
            let openEnd = word.hasSuffix("*")
            if openStart { word = word.dropFirst() }
            if openEnd { word = word.dropLast() }
            let escaped = NSRegularExpression.escapedPattern(for: String(word))
            return (openStart ? "" : #"\b"#) + escaped + (openEnd ? "" : #"\b"#)
        }.joined(separator: "|")
    }

    /// A list's entries as trigger words (`triggerWords`): the words a rule brings to its trigger group.
    static func words(_ name: String) -> [String] {
        triggerWords(entries(name))
    }

    /// The same entries as trigger words: a whole word is looked for with a space, hyphen or apostrophe on each closed
    /// side (as `\b` sees it), the others as written.
    static func triggerWords(_ entries: [String]) -> [String] {
        entries.flatMap { entry -> [String] in
            var word = Substring(entry)
            let openStart = word.hasPrefix("*")
            let openEnd = word.hasSuffix("*")
            if openStart { word = word.dropFirst() }
            if openEnd { word = word.dropLast() }
            let before = openStart ? [""] : [" ", "-", "'"]
            let after = openEnd ? [""] : [" ", "-", "'"]
            return before.flatMap { b in after.map { a in "\(b)\(word)\(a)" } }
        }
    }
}

/// The places the lexicons name, each list once.
enum Places {
    /// Countries of the European Economic Area, French and English names.
    static let europeanCountries = Lexicon.coded("eu-countries")
    /// Other countries data is sent to or companies are established in.
    static let otherCountries = Lexicon.coded("other-countries")
    /// Cities abroad that stand for their country in an address or a table cell.
    static let citiesAbroad = Lexicon.coded("cities-abroad")
    /// French cities where data centres and hospitals are: "à Niort" places data in France.
    static let frenchCities = Lexicon.entries("french-cities")
    /// Cities named before "data centres" or "region" ("our Paris data centres"), and in a table's location cell.
    static let dataCentreCities = Lexicon.entries("data-centre-cities")
    /// Cities of the EU/EEA abroad named as where data is kept ("in the Frankfurt region", "à Dublin").
    static let dataCentreCitiesEurope = Lexicon.entries("data-centre-cities-europe")
    /// Cloud regions in France, by the names the large clouds give them.
    static let cloudRegionsInFrance = Lexicon.entries("cloud-regions-france")

    static let europeanCountryNames = europeanCountries.map(\.name)
    static let europeanCityNames = citiesAbroad.filter { code in europeanCountries.contains { $0.code == code.code } }.map(\.name)
}
