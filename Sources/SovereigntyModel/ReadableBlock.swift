/// A block of a document's text as the extractor read it (a heading or a paragraph, list item, cell), kept so that
/// the site can show a reader the exact text the quotes were taken from, instead of the page's raw source.
public struct ReadableBlock: Sendable, Equatable {
    public var text: String
    public var isHeading: Bool

    public init(text: String, isHeading: Bool) {
        self.text = text
        self.isHeading = isHeading
    }
}
