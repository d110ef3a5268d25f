import Crypto
import Foundation
import SovereigntyModel

extension TemplateValue {
    /// SHA-256 of the value as templates read it: each part tagged with its kind and its length, a record's fields in
    /// key order, so that two values give the same digest only when they are equal. What a kept page is named by
    /// (`CaptureViews`): cheaper than describing the view as sorted JSON first.
    var digest: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        append(to: &bytes)
        return Hex.string(SHA256.hash(data: bytes))
    }

    /// The bytes hashed: collected first, then hashed at once (thousands of small updates cost more than the hash).
    private func append(to bytes: inout [UInt8]) {
        switch self {
        case .text(let text): Self.append(tag: 1, text, to: &bytes)
        case .bool(let flag): Self.append(tag: 2, count: flag ? 1 : 0, to: &bytes)
        case .int(let number): Self.append(tag: 3, count: number, to: &bytes)
        case .list(let items):
            Self.append(tag: 4, count: items.count, to: &bytes)
            for item in items { item.append(to: &bytes) }
        case .record(let fields):
            Self.append(tag: 5, count: fields.count, to: &bytes)
            for key in fields.keys.sorted() {
                Self.append(tag: 6, key, to: &bytes)
                fields[key]!.append(to: &bytes)
            }
        }
    }

    /// A tag byte and a number, eight bytes little-endian.
    private static func append(tag: UInt8, count: Int, to bytes: inout [UInt8]) {
        bytes.append(tag)
        withUnsafeBytes(of: Int64(count).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A tag byte, the text's length in bytes, then its UTF-8 bytes.
    private static func append(tag: UInt8, _ text: String, to bytes: inout [UInt8]) {
        append(tag: tag, count: text.utf8.count, to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }
}
