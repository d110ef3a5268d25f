import Archive
import Foundation
import Renderer

/// The captures a site publishes, kept once per body under `ARCHIVE/captures/` and shared by every run's site, which
/// links to them: a rerun writes no capture it already has, and no run holds every body in memory to publish it.
struct CaptureStore: Sendable {
    let directory: URL
    /// Its path, which every capture's file is joined to as text (a rerun asks for every document's).
    private let directoryPath: String

    init(archive: URL) {
        directory = archive.appendingPathComponent("captures")
        directoryPath = directory.path
    }

    /// The capture of a body, written to the store when it is not there yet (`body` is only called then), gzipped
    /// when it is published so (`Capture.isGzipped`). A file
    /// is written under a temporary name and renamed, so that a run killed meanwhile never leaves half a capture.
    func capture(sha256: String, contentType: String?, url: String, rendered: Bool, body: () throws -> Data) throws -> Capture {
        let bare = Capture(sha256: sha256, contentType: contentType, body: Data(), url: url, rendered: rendered)
        guard let path = bare.path else { return bare }  // a digest that is no file name: never published
        let filePath = directoryPath + "/" + path[(path.lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex)...]
        let file = URL(fileURLWithPath: filePath, isDirectory: false)
        let files = FileManager.default
        if !files.fileExists(atPath: filePath) {
            try files.createDirectory(at: directory, withIntermediateDirectories: true)
            let scratch = directory.appendingPathComponent(".\(UUID().uuidString).part")
            try (bare.isGzipped ? Gzip.compress(body()) : body()).write(to: scratch)
            // Two documents with the same bytes can arrive together: rename(2) replaces in one step, and both
            // writers hold the same bytes, so whichever lands last changes nothing.
            guard rename(scratch.path, file.path) == 0 else {
                let problem = String(cString: strerror(errno))
                try? files.removeItem(at: scratch)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path, NSLocalizedDescriptionKey: "cannot keep the capture \(file.path): \(problem)"])
            }
        }
        return Capture(sha256: sha256, contentType: contentType, file: file, url: url, rendered: rendered)
    }
}
