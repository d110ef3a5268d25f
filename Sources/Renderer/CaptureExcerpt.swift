/// Which blocks of a capture its view shows: only the passages that hold a quoted sentence, so that a view stays a few
/// kilobytes however long the legal page is (the whole page is in the raw copy beside it). Pure.
///
/// A passage is the quoted block with one block on each side within its section, under the section's heading (the
/// nearest heading above it: the text keeps no heading levels, so that is all the heading path there is). One block
/// on each side rather than the whole section, because legal pages often hold a section of dozens of paragraphs, or
/// no heading at all, and a view would then be the whole page again; a short section still comes out whole.
struct CaptureExcerpt {
    /// Names the way passages are chosen: part of a kept view's digest, so that views kept by an earlier way are rebuilt.
    static let version = "excerpt v1"

    /// The shown blocks in the text's order, an omission marker wherever blocks were left out between, before or after them.
    let blocks: [CaptureMarks.Block]
    /// Whether any block was left out: the view then says the whole page is in the raw copy.
    let omitted: Bool

    init(_ marks: CaptureMarks) {
        let all = marks.blocks
        // The section of each block: the index of the nearest heading at or above it, -1 before the first heading.
        var sections: [Int] = []
        var current = -1
        for (index, block) in all.enumerated() {
            if block.heading { current = index }
            sections.append(current)
        }
        var kept: Set<Int> = []
        for (index, block) in all.enumerated() where block.segments.contains(where: \.mark) {
            kept.insert(index)
            if sections[index] >= 0 { kept.insert(sections[index]) }
            for neighbour in [index - 1, index + 1] where all.indices.contains(neighbour) && sections[neighbour] == sections[index] {
                kept.insert(neighbour)
            }
        }
        var shown: [CaptureMarks.Block] = []
        var next = 0
        for index in kept.sorted() {
            if index > next { shown.append(.omissionMarker) }
            shown.append(all[index])
            next = index + 1
        }
        if next < all.count { shown.append(.omissionMarker) }
        blocks = shown
        omitted = kept.count < all.count
    }
}
