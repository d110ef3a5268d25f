import Foundation

/// Public health institutions, recognised from their own name or abbreviation when `providers.yml` does not list
/// them: a hospital or group of hospitals, the health insurance bodies, a regional e-health public group. Hosting
/// named at one of them is the institution hosting itself (rubric level B, with no US control).
enum PublicInstitutionNames {
    /// Folded (lower case, no accents) words or abbreviations, matched at word boundaries.
    static let words = [
        "ap-hp", "aphp", "ap-hm", "aphm", "assistance publique", "chu", "chru", "chr", "centre hospitalier", "centres hospitaliers",
        "hopital", "hopitaux", "hospices civils", "groupe hospitalier", "groupement hospitalier", "ght", "assurance maladie",
        "cpam", "cnam", "caisse primaire", "caisse nationale d'assurance maladie", "agence regionale de sante",
        "groupement regional d'appui au developpement de la e-sante", "grades", "gip e-sante",
    ]
    private static let pattern = try! NSRegularExpression(
        pattern: "(?:^|[^a-z0-9])(?:" + words.map(NSRegularExpression.escapedPattern).joined(separator: "|") + ")(?:$|[^a-z0-9])")

    static func recognises(_ name: String) -> Bool {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "’", with: "'")
        return pattern.firstMatch(in: folded, range: NSRange(location: 0, length: (folded as NSString).length)) != nil
    }
}
