import Foundation
internal import CFileSystem

/// Puts a freshly rendered site in place in one step: readers see the old site or the new one, never a half of
/// either, and never nothing — even if the process is killed in between.
enum SiteSwap {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func install(_ staging: URL, at site: URL) throws {
        guard FileManager.default.fileExists(atPath: site.path) else {
            try FileManager.default.moveItem(at: staging, to: site)
            return
        }
        // renameat2(RENAME_EXCHANGE) swaps the two folders atomically; the old site is then at the staging path.
        let result = staging.path.withCString { from in site.path.withCString { to in sov_rename_exchange(from, to) } }
        guard result == 0 else {
            throw Failure(description: "cannot swap \(staging.path) and \(site.path): \(String(cString: strerror(errno)))")
        }
        removeConcurrently(staging)
    }

    /// Removes the old site, its top-level folders on every core: tens of thousands of links to let go of, the last
    /// thing a run waits for.
    static func removeConcurrently(_ folder: URL) {
        let files = FileManager.default
        let entries = (try? files.contentsOfDirectory(atPath: folder.path)) ?? []
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            try? files.removeItem(atPath: folder.path + "/" + entries[index])
        }
        try? files.removeItem(at: folder)
    }
}
