internal import _FoundationICU
import Synchronization

/// A regular expression compiled by ICU, matched on UTF-16 text that the caller keeps: on Linux, `NSRegularExpression`
/// copies the whole string to UTF-16 and makes its objects at every call, which cost as much as the matching itself.
///
/// Matches are what `NSRegularExpression` (pattern options `[]`) gives on the same text: a search from a place sees
/// the text before it (transparent bounds) and `^` matches only at the start of the text (no anchoring bounds).
/// An ICU matcher holds the text it is given, so it is never shared: each call borrows one from a pool of clones of
/// the compiled pattern (one per thread matching at once) and gives it back.
public final class ICURegex: Sendable {
    /// The pattern as written, for messages and tests.
    public let pattern: String
    private let compiled: Matcher
    private let idle: Mutex<[Matcher]>

    public struct InvalidPattern: Error, CustomStringConvertible {
        public let pattern: String
        public let code: Int32
        public var description: String { "invalid regular expression (ICU error \(code)): \(pattern)" }
    }

    public init(_ pattern: String) throws {
        self.pattern = pattern
        let units = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        let regex = swift_uregex_open(units, Int32(units.count), 0, nil, &status)
        guard let regex, status.rawValue <= U_ZERO_ERROR.rawValue else {
            if let regex { swift_uregex_close(regex) }
            throw InvalidPattern(pattern: pattern, code: status.rawValue)
        }
        compiled = Matcher(regex)
        idle = Mutex([])
    }

    deinit {
        idle.withLock { matchers in matchers.forEach { swift_uregex_close($0.regex) } }
        swift_uregex_close(compiled.regex)
    }

    /// The leftmost match that starts at `start` (a UTF-16 offset) or later.
    public func firstMatch(in text: UnsafeBufferPointer<UInt16>, from start: Int = 0) -> Range<Int>? {
        withMatcher(on: text, from: start) { regex, status in
            swift_uregex_findNext(regex, &status) != 0 ? Self.range(of: regex, &status) : nil
        }
    }

    /// The match that starts exactly at `start`, if any (what a search from `start` finds first when it starts there).
    public func match(in text: UnsafeBufferPointer<UInt16>, at start: Int) -> Range<Int>? {
        withMatcher(on: text, from: start) { regex, status in
            swift_uregex_lookingAt(regex, -1, &status) != 0 ? Self.range(of: regex, &status) : nil
        }
    }

    /// Every match, one after the other from the start (after an empty match ICU moves on by a character).
    public func allMatches(in text: UnsafeBufferPointer<UInt16>) -> [Range<Int>] {
        withMatcher(on: text, from: 0) { regex, status in
            var found: [Range<Int>] = []
            while swift_uregex_findNext(regex, &status) != 0, let range = Self.range(of: regex, &status) { found.append(range) }
            return found
        } ?? []
    }

    /// Lends an idle matcher (a new clone when every one is in use) set on `text` from `start` to its end.
    private func withMatcher<Result>(
        on text: UnsafeBufferPointer<UInt16>, from start: Int, _ body: (OpaquePointer, inout UErrorCode) -> Result?
    ) -> Result? {
        precondition(text.count < Int(Int32.max) && 0 <= start && start <= text.count, "text or start out of ICU's range")
        guard let matcher = idle.withLock({ $0.popLast() }) ?? clone() else { return nil }
        defer { idle.withLock { $0.append(matcher) } }
        var status = U_ZERO_ERROR
        // ICU refuses a null text, which an empty buffer may have; it keeps the pointer, so it must outlive the call.
        swift_uregex_setText(matcher.regex, text.baseAddress ?? Self.emptyText, Int32(text.count), &status)
        if start > 0 { swift_uregex_setRegion(matcher.regex, Int32(start), Int32(text.count), &status) }
        guard status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
        return body(matcher.regex, &status)
    }

    /// A text of no units that ICU may keep for as long as the process runs (never freed, never written).
    nonisolated(unsafe) private static let emptyText: UnsafePointer<UInt16> = {
        let unit = UnsafeMutablePointer<UInt16>.allocate(capacity: 1)
        unit.initialize(to: 0)
        return UnsafePointer(unit)
    }()

    /// A matcher of its own for one more thread, with `NSRegularExpression`'s bounds for searches from a place.
    private func clone() -> Matcher? {
        var status = U_ZERO_ERROR
        guard let regex = swift_uregex_clone(compiled.regex, &status) else { return nil }
        swift_uregex_useTransparentBounds(regex, 1, &status)
        swift_uregex_useAnchoringBounds(regex, 0, &status)
        guard status.rawValue <= U_ZERO_ERROR.rawValue else {
            swift_uregex_close(regex)
            return nil
        }
        return Matcher(regex)
    }

    private static func range(of regex: OpaquePointer, _ status: inout UErrorCode) -> Range<Int>? {
        let start = swift_uregex_start(regex, 0, &status)
        let end = swift_uregex_end(regex, 0, &status)
        return status.rawValue <= U_ZERO_ERROR.rawValue ? Int(start)..<Int(end) : nil
    }

    /// An ICU matcher, owned by the pool: only the thread that borrowed it touches it until it is given back.
    private struct Matcher: @unchecked Sendable {
        let regex: OpaquePointer
        init(_ regex: OpaquePointer) { self.regex = regex }
    }
}
