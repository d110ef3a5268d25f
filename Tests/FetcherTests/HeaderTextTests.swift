import Foundation
import Testing

@testable import Fetcher

/// Header lines are trimmed as Foundation trims them, Unicode spaces and lone combining marks included.
@Suite struct HeaderTextTests {
    @Test(arguments: [
        "", " ", "\r\n", "ETag: \"abc\"\r\n", "  a b  ", "\t value\t", "\u{00A0}x\u{2028}", " \u{301}a ", "é\u{301} ", "a", "x\u{3000}",
    ])
    func trimsAsFoundationDoes(_ text: String) {
        for set in [CharacterSet.whitespacesAndNewlines, .whitespaces] {
            #expect(HeaderText.trimmed(text, set) == text.trimmingCharacters(in: set))
            let inner = text.dropFirst()
            #expect(HeaderText.trimmed(inner, set) == inner.trimmingCharacters(in: set))
        }
    }
}
