import Foundation

/// Turns a PDF into text with poppler's `pdftotext`, the one outside program the pipeline runs.
public struct PDFTextConverter: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case toolMissing
        case failed(String)
        /// The PDF has no text layer (a scan): nothing to quote.
        case noText
        /// `pdftotext` ran past its time: the document is given up, the night goes on.
        case timedOut(seconds: Double)
        /// `pdftotext` wrote more than the bytes allowed (compressed text streams can expand a thousandfold).
        case tooMuchText(limit: Int)

        public var description: String {
            switch self {
            case .toolMissing: "pdftotext is not installed (apt-get install poppler-utils)"
            case .failed(let reason): "pdftotext could not read the PDF: \(reason)"
            case .noText: "the PDF has no text layer (a scanned document?)"
            case .timedOut(let seconds): "pdftotext ran for more than \(Self.format(seconds)) s and was stopped"
            case .tooMuchText(let limit): "pdftotext wrote more than \(limit / 1_000_000) MB of text: not read"
            }
        }

        private static func format(_ seconds: Double) -> String {
            seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
        }
    }

    public var executable: String
    /// Wall time allowed to one run of `pdftotext`: a PDF built to make it work for minutes must not hold the night.
    public var timeout: Double

    public static let defaultTimeout = 60.0

    public init(executable: String? = nil, timeout: Double = Self.defaultTimeout) {
        self.executable = executable ?? Self.locate() ?? "/usr/bin/pdftotext"
        self.timeout = timeout
    }

    public static func isPDF(_ data: Data, contentType: String?) -> Bool {
        contentType?.lowercased().contains("application/pdf") == true || data.starts(with: Data("%PDF-".utf8))
    }

    /// Text in reading order, pages separated by form feeds; with `layout`, lines keep their horizontal spacing
    /// (how tables keep their columns).
    /// - Parameters:
    ///   - timeout: a shorter bound than the converter's own, when the document's budget has less left.
    ///   - maximumBytes: output past this is not kept, and the run fails.
    public func text(from pdf: Data, layout: Bool = false, timeout: Double? = nil, maximumBytes: Int = .max) -> Result<String, Failure> {
        run(pdf, options: layout ? ["-layout"] : [], timeout: timeout, maximumBytes: maximumBytes) { $0.contains(where: \.isLetter) }
    }

    /// Every word with its position, in pdftotext's XHTML (`-bbox-layout`: pages, flows, blocks, lines, words): where
    /// table cells are.
    public func boxes(from pdf: Data, timeout: Double? = nil, maximumBytes: Int = .max) -> Result<String, Failure> {
        run(pdf, options: ["-bbox-layout"], timeout: timeout, maximumBytes: maximumBytes, hasText: Self.wordsHaveLetters)
    }

    /// Whether some word of the bbox XHTML holds a letter (its head, with the document's title, is not looked at).
    public static func wordsHaveLetters(_ xhtml: String) -> Bool {
        guard let body = xhtml.range(of: "<doc") else { return false }
        var inTag = false
        var nonASCII = false
        for byte in xhtml.utf8[body.lowerBound...] {
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: ">"): inTag = false
            case _ where inTag: continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
            case 0x80...: nonASCII = true
            default: continue
            }
        }
        // Letters outside ASCII only: the words themselves are looked at.
        return nonASCII && xhtml[body.lowerBound...].split(separator: "<").contains { $0.drop { $0 != ">" }.contains(where: \.isLetter) }
    }

    /// - Parameter hasText: whether the output holds any text (else the PDF is a scan: `noText`).
    private func run(_ pdf: Data, options: [String], timeout: Double?, maximumBytes: Int, hasText: (String) -> Bool) -> Result<String, Failure> {
        let timeout = min(timeout ?? self.timeout, self.timeout)
        guard FileManager.default.isExecutableFile(atPath: executable) else { return .failure(.toolMissing) }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("sovereignty-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: input) }
        do { try pdf.write(to: input) } catch { return .failure(.failed("cannot write a temporary file: \(error)")) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = options + ["-enc", "UTF-8", "-eol", "unix", "-q", input.path, "-"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch { return .failure(.failed("\(error)")) }
        // Both pipes are drained while the program runs (a full pipe would stop it), each on its own thread.
        let data = PipeReader(output.fileHandleForReading, keeping: maximumBytes)
        let message = PipeReader(errors.fileHandleForReading, keeping: 100_000)
        guard exited.wait(timeout: .now() + timeout) == .success else {
            process.terminate()
            if exited.wait(timeout: .now() + 1) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            return .failure(.timedOut(seconds: timeout))
        }
        let (bytes, overflowed) = data.wait()
        if overflowed { return .failure(.tooMuchText(limit: maximumBytes)) }
        let text = String(decoding: bytes, as: UTF8.self)
        let errorText = String(decoding: message.wait().data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            return .failure(
                .failed(errorText.isEmpty ? "exit status \(process.terminationStatus)" : errorText.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        guard hasText(text) else { return .failure(.noText) }
        return .success(text)
    }

    private static func locate() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Reads a pipe to its end on a thread of its own, keeping at most `keeping` bytes (the rest is drained, so the program
/// never stops on a full pipe); `wait()` returns what it kept and whether there was more.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private var overflowed = false
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle, keeping limit: Int) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                if data.count + chunk.count <= limit { data.append(chunk) } else { overflowed = true }
            }
            done.signal()
        }
    }

    /// Only called once the program has exited, so the pipe's end is near.
    func wait() -> (data: Data, overflowed: Bool) {
        done.wait()
        return (data, overflowed)
    }
}
