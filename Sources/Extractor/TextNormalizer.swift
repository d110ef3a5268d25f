/// Turns raw page text into the text we quote: invisible characters removed, all spaces collapsed to one.
/// Works on UTF-8 bytes: this runs over every byte of every page.
enum TextNormalizer {
    /// Collapses white space (including non-breaking and thin spaces) and drops soft hyphens and zero-width
    /// characters. With `keepLineBreaks`, U+2028 (which the HTML reader writes for `<br>`) becomes "\n".
    static func normalize(_ text: String, keepLineBreaks: Bool = false) -> String {
        var text = text
        return text.withUTF8 { normalize(bytes: $0, keepLineBreaks: keepLineBreaks) }
    }

    private enum Kind { case copy, space, lineBreak, drop }

    static func normalize(bytes input: UnsafeBufferPointer<UInt8>, keepLineBreaks: Bool) -> String {
        String(unsafeUninitializedCapacity: max(input.count, 1)) { output in
            normalize(input, into: output, keepLineBreaks: keepLineBreaks)
        }
    }

    /// Writes the normalised bytes into `output` (at least as large as `input`) and returns how many.
    static func normalize(_ inputBuffer: UnsafeBufferPointer<UInt8>, into outputBuffer: UnsafeMutableBufferPointer<UInt8>, keepLineBreaks: Bool) -> Int {
        guard let input = inputBuffer.baseAddress, let output = outputBuffer.baseAddress else { return 0 }
        var written = 0
        var pending: Kind = .drop  // .space or .lineBreak while white space waits for the next visible character
        var index = 0
        let count = inputBuffer.count
        while index < count {
            // Most text is printable ASCII and Latin-1 letters with single spaces between words: eight bytes at a
            // time are copied as they are when none waits to be written, none is a control, another non-ASCII
            // character or a space after a space, and the last is no space (which would have to wait for the next
            // visible character).
            if written > 0 && pending == .drop && index + 8 <= count {
                let word = UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self)
                if isPlainText(UInt64(littleEndian: word)) {
                    UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
                    written &+= 8
                    index &+= 8
                    continue
                }
            }
            let byte = input[index]
            // Most text is printable ASCII: copied without further thought.
            if byte > 0x20 && byte < 0x7F {
                if pending != .drop {
                    if written > 0 {
                        output[written] = pending == .lineBreak ? 0x0A : 0x20
                        written &+= 1
                    }
                    pending = .drop
                }
                output[written] = byte
                written &+= 1
                index &+= 1
                continue
            }
            let (kind, width) = classify(input, count, index, keepLineBreaks: keepLineBreaks)
            switch kind {
            case .space: if pending != .lineBreak { pending = .space }
            case .lineBreak: pending = .lineBreak
            case .drop: break
            case .copy:
                if written > 0 && pending != .drop {
                    output[written] = pending == .lineBreak ? 0x0A : 0x20
                    written &+= 1
                }
                pending = .drop
                for offset in 0..<width {
                    output[written] = input[index + offset]
                    written &+= 1
                }
            }
            index &+= width
        }
        return written
    }

    /// Eight bytes (little-endian) of printable ASCII, Latin-1 letters (C3 80–BF: é, à, ç…) and spaces, no space
    /// after a space nor at the end, no character cut at either end: normalising leaves them as they are.
    @inline(__always)
    private static func isPlainText(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func equal(_ repeated: UInt64) -> UInt64 {
            let difference = word ^ repeated
            return ~(((difference & low7) &+ low7) | difference) & high
        }
        let ascii = ~word & high
        // ASCII bytes below 0x20, and 0x7F.
        let belowSpace = ~((word & low7) &+ 0x6060_6060_6060_6060) & ascii
        let delete = ((word & low7) &+ ones) & ascii
        let spaces = equal(0x20 &* ones)
        // Every other byte is C3, or a continuation byte (10xxxxxx) right after a C3.
        let leads = equal(0xC3 &* ones)
        let continuations = word & ~(word << 1) & high
        let other = word & high & ~leads & ~(continuations & (leads << 8))
        return other | belowSpace | delete | (spaces & (spaces >> 8)) | ((spaces | leads) & (0x80 << 56)) == 0
    }

    /// What `normalize` would write, without writing it: its length in bytes and its last byte (0 when empty).
    /// Most blocks of a page are only measured: their text is not kept. The text is UTF-8, as libxml2 gives it.
    ///
    /// Text is taken eight bytes at a time while it holds no control character and no byte that may start white
    /// space or an invisible character (C2, E1–E3, EF; é and à start with C3): a single space between words is
    /// written as it is, so the length is the other bytes plus each passage from white space back to them.
    static func measure(_ inputBuffer: UnsafeBufferPointer<UInt8>) -> (length: Int, last: UInt8) {
        guard let input = inputBuffer.baseAddress else { return (0, 0) }
        var length = 0
        var pending = false  // white space waits for the next visible character
        var lastPosition = -1  // of the last visible byte, when `lastWordVisible` is 0
        var lastWord = 0  // where the last eight bytes with a visible byte started, and which bytes they were
        var lastWordVisible: UInt64 = 0
        var index = 0
        let count = inputBuffer.count
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// The top bit of each byte of `word` equal to `byte`'s repetition.
        @inline(__always) func equal(_ word: UInt64, _ repeated: UInt64) -> UInt64 {
            let difference = word ^ repeated
            return ~(((difference & low7) &+ low7) | difference) & high
        }
        while index < count {
            // Once a visible byte is written, a leading space can no longer be dropped: eight bytes at a time.
            if length > 0 && index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self))
                let ascii = ~word & high
                let control = (~((word & low7) &+ 0x6060_6060_6060_6060) | ((word & low7) &+ ones)) & ascii  // < 20, 7F
                let mayBeSpace = (((word & low7) &+ 0x2020_2020_2020_2020) & word & high) | equal(word, 0xC2 &* ones)  // E0–FF, C2
                let unusual = control | mayBeSpace
                let bytes = unusual == 0 ? 8 : unusual.trailingZeroBitCount / 8
                if bytes > 0 {
                    let kept: UInt64 = bytes == 8 ? high : high & ((1 << (8 * UInt64(bytes))) - 1)
                    let spaces = equal(word, 0x20 &* ones) & kept
                    let visible = ~spaces & kept
                    let resumes = visible & ((spaces << 8) | (pending ? 0x80 : 0))
                    length &+= Int((((visible >> 7) &+ (resumes >> 7)) &* ones) >> 56)
                    if visible != 0 {
                        lastWord = index
                        lastWordVisible = visible
                    }
                    pending = (spaces >> (8 * UInt64(bytes) - 1)) & 1 != 0
                    index &+= bytes
                    continue
                }
            }
            let byte = input[index]
            if byte > 0x20 && byte < 0x7F {
                if pending && length > 0 { length &+= 1 }
                pending = false
                length &+= 1
                lastPosition = index
                lastWordVisible = 0
                index &+= 1
                continue
            }
            let (kind, width) = classify(input, count, index, keepLineBreaks: false)
            switch kind {
            case .space, .lineBreak: pending = true
            case .drop: break
            case .copy:
                if pending && length > 0 { length &+= 1 }
                pending = false
                length &+= width
                lastPosition = index + width - 1
                lastWordVisible = 0
            }
            index &+= width
        }
        if lastWordVisible != 0 { lastPosition = lastWord + (63 - lastWordVisible.leadingZeroBitCount) / 8 }
        return (length, lastPosition >= 0 ? input[lastPosition] : 0)
    }

    /// What becomes of the character at `index` (not printable ASCII), and its width in bytes.
    @inline(__always)
    private static func classify(_ input: UnsafePointer<UInt8>, _ count: Int, _ index: Int, keepLineBreaks: Bool) -> (Kind, Int) {
        let byte = input[index]
        switch byte {
        case 0x09...0x0D, 0x20: return (.space, 1)
        case 0x00...0x08, 0x0E...0x1F, 0x7F: return (.drop, 1)
        case 0xC2 where index + 1 < count:
            switch input[index + 1] {
            case 0xA0, 0x85: return (.space, 2)  // no-break space, next line
            case 0xAD: return (.drop, 2)  // soft hyphen
            default: return (.copy, 2)
            }
        case 0xE1 where index + 2 < count && input[index + 1] == 0x9A && input[index + 2] == 0x80:
            return (.space, 3)
        case 0xE2 where index + 2 < count:
            let second = input[index + 1]
            let third = input[index + 2]
            if second == 0x80 {
                switch third {
                case 0x80...0x8A, 0xA9, 0xAF: return (.space, 3)  // spaces, paragraph separator, narrow no-break space
                case 0x8B...0x8D: return (.drop, 3)  // zero-width space and joiners
                case 0xA8: return (keepLineBreaks ? .lineBreak : .space, 3)  // line separator: a <br>
                default: return (.copy, 3)
                }
            } else if second == 0x81 {
                if third == 0x9F { return (.space, 3) } else if third == 0xA0 { return (.drop, 3) }
            }
            return (.copy, 3)
        case 0xE3 where index + 2 < count && input[index + 1] == 0x80 && input[index + 2] == 0x80:
            return (.space, 3)
        case 0xEF where index + 2 < count && input[index + 1] == 0xBB && input[index + 2] == 0xBF:
            return (.drop, 3)  // byte-order mark
        default:
            let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return (.copy, min(width, count - index))
        }
    }
}
