import Foundation
import SovereigntyModel
#if canImport(Glibc)
import Glibc
#endif

/// One crawl at a time on an output folder: an advisory lock on `OUTPUT/.crawl.lock`, released when the process ends
/// (even by `kill -9`), so a stale lock file never blocks the next night.
final class RunLock {
    private let descriptor: Int32

    init(output: String) throws(PipelineError) {
        try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let path = (output as NSString).appendingPathComponent(".crawl.lock")
        descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw PipelineError(step: .loadInputs, url: path, message: "cannot open the lock file", isInputError: true)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw PipelineError(
                step: .loadInputs, url: path,
                message: "another crawl is writing to \(output) (\(holder.isEmpty ? "lock held" : holder)); try again when it ends",
                isInputError: true)
        }
        ftruncate(descriptor, 0)
        let note = "pid \(ProcessInfo.processInfo.processIdentifier), started \(Timestamp.string(Date()))\n"
        _ = note.withCString { write(descriptor, $0, strlen($0)) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
