@testable import Extractor
import Foundation
import Testing
import TestSupport

/// Styles, ids and classes are read in place, in any case: an element is hidden exactly when its lower-cased style
/// without spaces says so, or its lower-cased id or class names a consent banner.
@Suite struct HiddenElementTests {
    static let markers = [
        "cookie-banner", "cookie-bar", "cookie-notice", "cookie-consent", "cookies-banner", "cookieconsent", "consent",
        "didomi", "onetrust", "axeptio", "tarteaucitron", "cookiebot", "gdpr-banner", "rgpd-banner", "cmp-",
    ]

    /// The rule as the reader wrote it with lower-cased copies of the values.
    static func hidden(attribute: String, value: String) -> Bool {
        let lower = String(decoding: value.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        if attribute == "style" {
            let style = String(lower.filter { $0 != " " })
            return style.contains("display:none") || style.contains("visibility:hidden")
        }
        return markers.contains { lower.utf8.count >= $0.utf8.count && UTF8Bytes.contains(lower, $0) }
    }

    @Test(arguments: 0..<600) func randomAttribute(_ seed: UInt64) {
        var random = SplitMix(state: seed)
        let pieces = [
            "Display", "display", "DISPLAY", ":", " ", "  ", "none", "NONE", "No", "ne", "visibility", "Visibility", "hidden", "HIDDEN",
            ";", "block", "cookie", "Cookie", "-banner", "-Bar", "s-banner", "Consent", "cmp", "CMP-", "-", "x", "é", "\t", "didomi",
            "OneTrust", "gdpr", "rgpd", "axeptio", "tarteau", "citron", "bot",
        ]
        let attribute = random.pick(["style", "class", "id"])
        func spaces() -> String { String(repeating: " ", count: Int(random.next() % 3)) }
        func anyCase(_ word: String) -> String {
            String(word.map { random.next() % 3 == 0 ? Character($0.uppercased()) : $0 })
        }
        let junk = ["", "x", "color: red;", "é", "\t", "-", "a b"]
        var value = random.pick(junk) + spaces()
        if attribute == "style" {
            let property = anyCase(random.pick(["display", "visibility", "dis play", "visibilit"]))
            value += property + spaces() + random.pick([":", ":", ";"]) + spaces() + anyCase(random.pick(["none", "hidden", "no ne", "block"]))
        } else {
            let marker = random.pick(Self.markers)
            value += anyCase(random.next() % 4 == 0 ? String(marker.dropLast()) : marker)
        }
        value += spaces() + random.pick(junk)
        let html = Data("<p>before</p><div \(attribute)=\"\(value)\"><p>inside</p></div><p>after</p>".utf8)
        let text = HTMLTextReader.blocks(html: html, charset: "utf-8", keepAllText: true).map(\.text)
        #expect(text.contains("inside") == !Self.hidden(attribute: attribute, value: value), "\(attribute)=\"\(value)\"")
    }
}
