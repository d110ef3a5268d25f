import Foundation

/// The hosting-chain table of the 2024 HDS framework: one row per actor (the host, its infrastructure provider, its
/// key holder…) with its role, its HDS and SecNumCloud status and two answers the framework asks every actor to
/// publish: can health data be reached from outside the EEA (requirement 29), is the actor exposed to a third
/// country's legislation (requirement 30). Found from its header row; each row is that actor's own statement.
struct DisclosureTable {
    enum Column: CaseIterable { case actor, role, hds, secNumCloud, access, exposure, location }

    private let indexes: [Column: Int]

    /// A table is one when it names its actors and asks at least one of the two questions.
    init?(columns: [String]) {
        var indexes: [Column: Int] = [:]
        for (index, header) in columns.enumerated() {
            guard let column = Self.column(of: Folded(header)), indexes[column] == nil else { continue }
            indexes[column] = index
        }
        guard indexes[.actor] != nil, indexes[.access] != nil || indexes[.exposure] != nil else { return nil }
        self.indexes = indexes
    }

    /// What a header cell asks; the two questions are tried first, for their headers also say "données" and "HDS".
    static func column(of header: Folded) -> Column? {
        if Self.access.matches(in: header) { return .access }
        if Self.exposure.matches(in: header) { return .exposure }
        if Self.secNumCloud.matches(in: header) { return .secNumCloud }
        if Self.hds.matches(in: header) { return .hds }
        if Self.actor.matches(in: header) { return .actor }
        if Self.location.matches(in: header) { return .location }
        if Self.role.matches(in: header) { return .role }
        return nil
    }

    /// Whether a header cell is one of this table's questions (for telling a header row from a data row).
    static func namesQuestion(_ header: Folded) -> Bool {
        access.matches(in: header) || exposure.matches(in: header)
    }

    func cell(_ column: Column, of block: TextBlock) -> String? {
        guard let index = indexes[column], index < block.cells.count else { return nil }
        let cell = block.cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        return cell.isEmpty ? nil : cell
    }

    /// The row's answer in a yes/no column: "Oui", "Non", "Certifié", "Non exposé", "✓"…; nil for anything else
    /// ("En cours", "—", a sentence), which states nothing.
    func answer(_ column: Column, of block: TextBlock) -> Bool? {
        cell(column, of: block).flatMap(Self.answer)
    }

    static func answer(_ cell: String) -> Bool? {
        let text = Folded(cell)
        if no.matches(in: text) || cell.hasPrefix("✗") || cell.hasPrefix("✘") { return false }
        if yes.matches(in: text) || cell.hasPrefix("✓") || cell.hasPrefix("✔") { return true }
        return nil
    }

    // The headers and answers, French and English.
    // A question names both what it asks about (access, exposure) and where from (outside the EEA, a third
    // country's law): "hors UE" alone heads the transfer column of an ordinary subprocessor table.
    private static let access = FoldedRegex(
        folded: #"\bacce(?:s|der)\b.{0,80}(?:hors|en dehors|exterieur|pays tiers|extra-?europeen|non[- ]europeen)|\baccess(?:ed|ible)?\b.{0,80}(?:outside|third[- ]countr|non-eu)"#)
    private static let exposure = FoldedRegex(
        folded: #"(?:exposi?(?:tion|e|es)|soumis|assujetti|subject|exposed|exposure)\b.{0,80}(?:legislation|\blois?\b|\bdroit\b|\blaws?\b|juridiction|extraterritori)"#)
    private static let secNumCloud = FoldedRegex(folded: #"secnumcloud"#)
    private static let hds = FoldedRegex(folded: #"\bhds\b|certifi"#)
    private static let actor = FoldedRegex(
        folded: #"\bacteurs?\b|\bactors?\b|prestataires?|sous-traitants?|fournisseurs?|\bhebergeurs?\b|raison sociale|\bentites?\b|\bentity\b|\bsocietes?\b|\bprovider\b|\bsubprocessor|\bnom\b|\bname\b"#)
    private static let location = FoldedRegex(folded: #"localisation|\blieu\b|\bpays\b|location|country|region"#)
    private static let role = FoldedRegex(folded: #"\broles?\b|activites?|activit(?:y|ies)|prestations?|services?|perimetre|scope"#)
    private static let no = FoldedRegex(
        folded: #"^\s*(?:non\b|no\b|not\b|aucun|neant|none\b|sans\b|pas\b)"#)
    private static let yes = FoldedRegex(
        folded: #"^\s*(?:oui\b|yes\b|certifi|qualifi|expose|possible|x\s*$)"#)
}
