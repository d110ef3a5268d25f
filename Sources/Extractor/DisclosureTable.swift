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

    /// The rule each row's findings name: the question that made the table one.
    var rule: String {
        indexes[.exposure] != nil ? Rules.exposureQuestionColumn.name : Rules.accessQuestionColumn.name
    }

    /// What a header cell asks; the two questions are tried first, for their headers also say "données" and "HDS".
    static func column(of header: Folded) -> Column? {
        let columns: [(Column, Rule)] = [
            (.access, Rules.accessQuestionColumn), (.exposure, Rules.exposureQuestionColumn), (.secNumCloud, Rules.secNumCloudColumn),
            (.hds, Rules.hdsColumn), (.actor, Rules.actorColumn), (.location, Rules.locationColumn), (.role, Rules.chainRoleColumn),
        ]
        return columns.first { $0.1.matches(in: header) }?.0
    }

    /// Whether a header cell is one of this table's questions (for telling a header row from a data row).
    static func namesQuestion(_ header: Folded) -> Bool {
        Rules.accessQuestionColumn.matches(in: header) || Rules.exposureQuestionColumn.matches(in: header)
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
        if Rules.noAnswer.matches(in: text) || cell.hasPrefix("✗") || cell.hasPrefix("✘") { return false }
        if Rules.yesAnswer.matches(in: text) || cell.hasPrefix("✓") || cell.hasPrefix("✔") { return true }
        return nil
    }
}
