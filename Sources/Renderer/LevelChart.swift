/// A horizontal bar chart of how many platforms sit at each level, as numbers an inline SVG template draws: the
/// picture is drawn by the server, so it reads without JavaScript, and each bar carries its number in text. Pure.
struct LevelChart: Encodable, Equatable {
    struct Bar: Encodable, Equatable {
        var level: String
        var slug: String
        var words: String
        var count: Int
        /// Top of the bar's row, in SVG units.
        var y: Int
        /// Baseline of the row's text.
        var textY: Int
        var width: Int
        /// Where the count is written: just after the bar.
        var countX: Int
    }

    var bars: [Bar]
    /// Where bars start: the level letters are written to their left.
    var barX = Self.labelWidth
    var width: Int
    var height: Int
    /// The same figures in one sentence, for readers who cannot see the picture.
    var description: String

    static let rowHeight = 30
    static let labelWidth = 34
    static let barSpace = 250

    /// - Parameters:
    ///   - levels: each level's letter, slug, words and count, in the order they are drawn.
    ///   - describe: how one level's count is said in the page's language.
    init(_ levels: [(level: String, slug: String, words: String, count: Int)], describe: (String, String, Int) -> String) {
        let largest = max(1, levels.map(\.count).max() ?? 1)
        bars = levels.enumerated().map { index, item in
            // A level with platforms always shows a sliver, so that "1 of 1 000" is not drawn as nothing.
            let width = item.count == 0 ? 0 : max(3, item.count * Self.barSpace / largest)
            let y = index * Self.rowHeight
            return Bar(
                level: item.level, slug: item.slug, words: item.words, count: item.count, y: y + 4, textY: y + 20, width: width,
                countX: Self.labelWidth + width + 6)
        }
        width = Self.labelWidth + Self.barSpace + 56
        height = levels.count * Self.rowHeight
        description = levels.map { describe($0.level, $0.words, $0.count) }.joined(separator: " ; ")
    }
}
