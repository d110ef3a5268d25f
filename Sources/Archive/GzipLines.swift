internal import CZlib
import Foundation

/// Lines written into a gzip file and read back one at a time (zlib's `gzFile`): a file of JSON lines kept beside
/// the archive costs a few bytes a line on disk and one line at a time in memory.
public final class GzipLineWriter {
    private let file: gzFile
    private let path: String
    private var buffer = Data()
    private var closed = false

    /// Creates (or empties) the file at `path`, compressed at zlib's fastest level.
    public init(path: String) throws {
        guard let file = gzopen(path, "wb1") else { throw Gzip.LineFailure(path: path, what: "cannot be created") }
        self.file = file
        self.path = path
    }

    deinit { if !closed { gzclose(file) } }

    /// Appends `line` and a newline; `line` holds none. A long line goes to zlib as it is, never copied.
    public func write(_ line: Data) throws {
        if line.count >= Self.bufferSize {
            try flush()
            try put(line)
        } else {
            buffer.append(line)
        }
        buffer.append(0x0A)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private static let bufferSize = 1 << 18

    /// Writes what is buffered and ends the gzip stream; the file is complete only once this returns.
    public func finish() throws {
        try flush()
        closed = true
        guard gzclose(file) == Z_OK else { throw Gzip.LineFailure(path: path, what: "cannot be completed (disk full?)") }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try put(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: Data) throws {
        let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        guard written == Int32(bytes.count) else { throw Gzip.LineFailure(path: path, what: "cannot be written (disk full?)") }
    }
}

/// Reads back what `GzipLineWriter` wrote (or a plain file), a line at a time, without its newline.
public final class GzipLineReader {
    private let file: gzFile
    /// Bytes read and not yet handed out start at `start`; the consumed ones are dropped once they are most of it,
    /// so that the buffer holds about one line, never the file.
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    /// zlib's reason when the file could not be read to its end (a cut or damaged stream, a failed read), nil
    /// otherwise.
    public private(set) var failure: String?

    /// Nil when the file cannot be opened.
    public init?(path: String) {
        guard let file = gzopen(path, "rb") else { return nil }
        self.file = file
    }

    deinit { gzclose(file) }

    /// The next line; nil at the end, or when the rest cannot be read (a damaged or cut file ends early).
    public func next() -> Data? {
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Data(buffer[start..<newline])
                start = newline + 1
                return line
            }
            // A last line without its newline was cut short: not a line.
            guard !ended else { return nil }
            if start > 0, start >= buffer.count / 2 {
                buffer.removeFirst(start)
                start = 0
            }
            searched = buffer.count
            let chunk = 1 << 16
            buffer.reserveCapacity(buffer.count + chunk)
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            let read = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress! + old, UInt32(chunk)) }
            buffer.removeLast(chunk - Int(max(read, 0)))
            if read < 0 {
                var code: Int32 = 0
                failure = gzerror(file, &code).map { String(cString: $0) } ?? "zlib error \(code)"
            }
            if read <= 0 { ended = true }
        }
    }
}

extension Gzip {
    /// A line file that cannot be created or written, by path.
    public struct LineFailure: Error, CustomStringConvertible {
        public var path: String
        public var what: String
        public var description: String { "\(path) \(what)" }

        public init(path: String, what: String) {
            self.path = path
            self.what = what
        }
    }
}
