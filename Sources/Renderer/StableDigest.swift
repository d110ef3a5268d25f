import SovereigntyModel

/// A 64-bit FNV-1a digest of a sequence of values, the same in every process (Swift's `Hasher` is seeded per
/// process): what one run read is compared with what the run before read, even when a checkpoint written by the
/// crawl before holds the latter. Each value is length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
struct StableDigest {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ number: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(number)).littleEndian) { bytes in
            for byte in bytes { mix(byte) }
        }
    }

    mutating func add(_ text: String?) {
        guard let text else {
            add(-1)
            return
        }
        add(text.utf8.count)
        for byte in text.utf8 { mix(byte) }
    }

    /// Every stored property of the evidence (`StableDigestTests` fails when one is added and not named here).
    mutating func add(_ evidence: Evidence) {
        add(evidence.url)
        add(evidence.quote)
        add(evidence.section)
        add(evidence.fetchedAt)
        add(evidence.roles.map { $0.map(\.rawValue).joined(separator: ",") })
        add(evidence.rule)
    }

    private mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}
