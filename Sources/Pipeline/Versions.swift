import Extractor
import Foundation
import Fetcher
import Scorecard

/// What `sovereignty --version` prints: the tool, the rubric it grades with, and the C libraries it runs on.
public enum Versions {
    public static let tool = "1.1.0"

    /// Names this build of the tool, its code as well as its number: what a file kept for later runs (a capture's
    /// readable view) was made by. The executable's size and modification time stand in for its code.
    static let build: String = {
        var info = stat()
        let executable = stat("/proc/self/exe", &info) == 0 ? "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)" : "unknown"
        return "\(tool) libxml2 \(LibXML2Version.text) \(executable)"
    }()

    public static var text: String {
        "sovereignty \(tool)\nrubric \(Rubric.version)\n\(LibCurlVersion.text)\nlibxml2 \(LibXML2Version.text)"
    }
}
