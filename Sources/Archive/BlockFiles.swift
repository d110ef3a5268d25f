import Foundation

/// Reads records' blocks back from the archive's WARC files, each file opened once however many records are read
/// from it (a rerun checks every document's copy before asking for it conditionally).
struct BlockFiles {
    let archive: Archive
    private var open: [String: (handle: FileHandle, size: UInt64)] = [:]

    init(archive: Archive) { self.archive = archive }

    /// The block of the WARC record at `offset`, decompressed and parsed; throws `unreadableRecord` naming the file,
    /// the offset and the URL when it does not read back whole.
    mutating func block(file: String, offset: Int64, length: Int64, url: String?) throws -> Data {
        let path = archive.directory.appendingPathComponent(file).path
        func unreadable(_ problem: String) -> ArchiveError { .unreadableRecord(file: path, offset: offset, url: url, problem: problem) }
        let (handle, size): (FileHandle, UInt64)
        if let kept = open[path] {
            (handle, size) = kept
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw unreadable(FileManager.default.fileExists(atPath: path) ? "the file cannot be opened" : "the file is missing")
            }
            (handle, size) = (opened, try opened.seekToEnd())
            open[path] = (handle, size)
        }
        guard offset >= 0, length >= 0, UInt64(offset) + UInt64(length) <= size else {
            throw unreadable("the file ends at byte \(size), before the record's end at byte \(offset + length) (truncated)")
        }
        try handle.seek(toOffset: UInt64(offset))
        let member = try handle.read(upToCount: Int(length)) ?? Data()
        let text: Data
        do { text = try Gzip.decompress(member) } catch { throw unreadable("\(error)") }
        guard let block = WARCRecord.block(of: text) else { throw unreadable("the gzip member holds no WARC record") }
        return block
    }

    func close() {
        for (handle, _) in open.values { try? handle.close() }
    }
}
