/// A block of visible page text (a paragraph, list item, cell, heading) with the headings it sits under.
struct TextBlock: Sendable, Equatable {
    /// Normalised text; lines broken by `<br>` are separated by "\n".
    var text: String
    /// Enclosing headings, outermost first.
    var headings: [String]
    var isHeading: Bool
    /// A list item or table cell: it may continue a sentence that ends with ":" above it.
    var isListItem: Bool
    /// A definition term (`<dt>`): a label for the definitions that follow.
    var isTerm = false
    /// For a table row: its cells, and the table's column headers (empty when the table has none).
    var cells: [String] = []
    var columns: [String] = []

    /// The heading the block sits directly under, as shown in evidence.
    var section: String? { headings.last }
}
