import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core, in chunks, the results in order: for the per-platform work of a run (digests, JSON) that
    /// would otherwise leave the second core idle.
    public func concurrentMap<Result: Sendable>(chunk: Int = 64, _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > chunk else { return map(transform) }
        let chunks = (count + chunk - 1) / chunk
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UncheckedPointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                for position in index * chunk..<Swift.min(count, (index + 1) * chunk) {
                    (base.pointer + position).initialize(to: transform(self[position]))
                }
            }
            initialized = count
        }
    }
}

/// The result buffer, written by the chunks at disjoint positions.
private struct UncheckedPointer<Pointee>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Pointee>
    init(_ pointer: UnsafeMutablePointer<Pointee>) { self.pointer = pointer }
}
