import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bytes under a folder and its largest file. `distinctFiles` counts a hard-linked file once, as the disk holds
/// it (what a run adds to its output folder); otherwise every name counts, as a static host would be sent each.
struct FolderSize {
    var bytes = 0
    var largestFile = ""
    var largestBytes = 0

    init(_ folder: URL, distinctFiles: Bool = false) {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return }
        var seen: Set<UInt64> = []
        while let name = walker.nextObject() as? String {
            var info = stat()
            guard lstat(folder.path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if distinctFiles && !seen.insert(UInt64(info.st_ino)).inserted { continue }
            let size = Int(info.st_size)
            bytes += size
            if size > largestBytes {
                largestBytes = size
                largestFile = name
            }
        }
    }
}
