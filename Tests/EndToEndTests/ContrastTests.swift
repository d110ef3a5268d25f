import Foundation
import Testing
import TestSupport

/// WCAG 2 contrast of the shipped style sheet: every rule that sets both a text colour and a background, and the
/// text colours on the page backgrounds, reach 4.5:1.
@Suite struct ContrastTests {
    @Test func styleSheetColoursReachFourPointFiveToOne() throws {
        let css = try String(contentsOf: URL(fileURLWithPath: Fixtures.templates).appendingPathComponent("style.css"), encoding: .utf8)
        let variables = Dictionary(
            Self.matches(#"--([a-z]+):\s*(#[0-9a-fA-F]{6})"#, in: css).map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        let resolve = { (value: String) -> String? in
            value.hasPrefix("var(--") ? variables[String(value.dropFirst(6).dropLast())] : value.hasPrefix("#") ? value : nil
        }
        var pairs: [(rule: String, text: String, background: String)] = []
        for rule in Self.matches(#"([^{}]+)\{([^{}]*)\}"#, in: css) {
            let declarations = Self.declarations(rule[1])
            guard let text = declarations["color"].flatMap(resolve), let background = (declarations["background"] ?? declarations["background-color"]).flatMap(resolve)
            else { continue }
            pairs.append((rule[0].trimmingCharacters(in: .whitespacesAndNewlines), text, background))
        }
        // Text colours on every background text sits on: the page, table headers, quotes, tags.
        let backgrounds = [variables["bg"]!, "#f0f0f0", "#f7f7f7"]
        for name in ["ink", "muted", "link"] {
            for background in backgrounds { pairs.append(("--\(name)", variables[name]!, background)) }
        }
        #expect(pairs.count >= 10, "the style sheet's colour rules were not found")
        #expect(pairs.contains { $0.rule.contains(".level-c") })
        for pair in pairs {
            let ratio = Self.contrast(pair.text, pair.background)
            #expect(ratio >= 4.5, "\(pair.rule): \(pair.text) on \(pair.background) is \(String(format: "%.2f", ratio)):1")
        }
    }

    /// WCAG 2.2 asks 3:1 for a focus indicator against what is next to it: the outline of every focus rule, on every
    /// background of the style sheet that a link, a summary or a scroll container can sit on (the level colours are
    /// only ever inside a link's own box, never around it).
    @Test func focusOutlineReachesThreeToOneOnEveryBackground() throws {
        let css = try String(contentsOf: URL(fileURLWithPath: Fixtures.templates).appendingPathComponent("style.css"), encoding: .utf8)
        let variables = Dictionary(
            Self.matches(#"--([a-z]+):\s*(#[0-9a-fA-F]{6})"#, in: css).map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        let rules = Self.matches(#"([^{}]+)\{([^{}]*)\}"#, in: css).map { ($0[0].trimmingCharacters(in: .whitespacesAndNewlines), Self.declarations($0[1])) }
        let focus = rules.filter { $0.0.contains(":focus") }
        let outlines = focus.compactMap { $0.1["outline"] }.compactMap { Self.matches(#"(#[0-9a-fA-F]{3,6})"#, in: $0).first?[0] }
        #expect(!outlines.isEmpty && outlines.count == focus.filter { $0.1["outline"] != nil }.count, "every focus outline names its colour")
        #expect(
            focus.contains { $0.0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespacesAndNewlines) == ":focus-visible" } },
            "every focusable element, not only links")
        var backgrounds = [variables["bg"]!]
        for (selector, declarations) in rules where !selector.contains(".level") && !selector.contains(".bar") {
            guard let value = declarations["background"] ?? declarations["background-color"] else { continue }
            let colour = value.hasPrefix("var(--") ? variables[String(value.dropFirst(6).dropLast())] : value.hasPrefix("#") ? value : nil
            if let colour { backgrounds.append(colour) }
        }
        #expect(backgrounds.count >= 4, "page, table headers, quotes, marked quotes")
        for outline in outlines {
            for background in Set(backgrounds) {
                let ratio = Self.contrast(outline, background)
                #expect(ratio >= 3, "focus outline \(outline) on \(background) is \(String(format: "%.2f", ratio)):1")
            }
        }
        #expect(Self.contrast("#ffbf47", "#ffffff") < 3, "the measure tells a pale outline from a good one")
    }

    static func declarations(_ block: String) -> [String: String] {
        var result: [String: String] = [:]
        for declaration in block.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { result[parts[0]] = parts[1] }
        }
        return result
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let string = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: string.length)).map { match in
            (1..<match.numberOfRanges).map { string.substring(with: match.range(at: $0)) }
        }
    }

    /// WCAG 2.x contrast ratio of two `#rrggbb` or `#rgb` colours.
    static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    static func luminance(_ hex: String) -> Double {
        let digits = hex.dropFirst()
        let full = digits.count == 3 ? String(digits.flatMap { [$0, $0] }) : String(digits)
        let value = Int(full, radix: 16)!
        func linear(_ shift: Int) -> Double {
            let channel = Double((value >> shift) & 0xFF) / 255
            return channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        let (red, green, blue) = (linear(16), linear(8), linear(0))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue
    }
}
