/// A block of visible page text (a paragraph, list item, cell, heading) with the headings it sits under.
struct TextBlock: Sendable, Equatable {
    /// Normalised text; lines broken by `<br>` are separated by "\n". Empty when `isElided`.
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
    /// The block-level trigger words of the whole text (`Triggers.scanBlock`), found where the text was made.
    var triggers: TriggerSet
    /// UTF-8 length of the normalised text, known even when the text was not kept.
    var length: Int
    /// The text was not kept: no word in it can start a finding, and nothing around it asks for it.
    var isElided = false

    init(
        text: String, headings: [String], isHeading: Bool, isListItem: Bool, isTerm: Bool = false, cells: [String] = [],
        columns: [String] = [], triggers: TriggerSet? = nil
    ) {
        self.text = text
        self.headings = headings
        self.isHeading = isHeading
        self.isListItem = isListItem
        self.isTerm = isTerm
        self.cells = cells
        self.columns = columns
        self.triggers = triggers ?? Triggers.scanBlock(text)
        self.length = text.utf8.count
    }

    /// A paragraph whose text is not needed: only what the document-wide figures use is kept.
    init(elidedWithTriggers triggers: TriggerSet, length: Int, headings: [String]) {
        self.text = ""
        self.headings = headings
        self.isHeading = false
        self.isListItem = false
        self.triggers = triggers
        self.length = length
        self.isElided = true
    }

    /// The heading the block sits directly under, as shown in evidence.
    var section: String? { headings.last }

    /// Whether the reader must look into a paragraph with these triggers (outside list items, terms, hosting sections
    /// and text ending with ":", which are always read).
    static func mayHoldFindings(_ triggers: TriggerSet) -> Bool {
        !triggers.isDisjoint(with: .findings) || triggers.wantsLocation
    }
}
