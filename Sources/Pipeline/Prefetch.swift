import Foundation

/// Work started on another thread now, whose result is waited for when it is needed: the judge reads the next batch's
/// look-ups from the index while it grades the current one, so that both cores are busy.
final class Prefetch<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?
    /// Whether the consumer has waited for the work already (only the consumer's thread reads or sets it).
    private var waited = false

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    /// Waits for the work, then returns its value or throws its error (once: the value is let go of then).
    func value() throws -> Value {
        precondition(!waited, "a prefetched value is taken once")
        done.wait()
        waited = true
        defer { result = nil }
        return try result!.get()
    }

    /// Waits for the work unless its value was taken, and lets go of it: a caller that returns early never leaves
    /// the work running behind it.
    func finish() {
        guard !waited else { return }
        done.wait()
        waited = true
        result = nil
    }
}
