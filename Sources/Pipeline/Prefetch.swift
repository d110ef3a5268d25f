import Foundation

/// Work started on another thread now, whose result is waited for when it is needed: the judge reads the next batch's
/// look-ups from the index while it grades the current one, so that both cores are busy.
final class Prefetch<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    /// Waits for the work, then returns its value or throws its error (once: the value is let go of then).
    func value() throws -> Value {
        done.wait()
        defer { result = nil }
        return try result!.get()
    }
}
