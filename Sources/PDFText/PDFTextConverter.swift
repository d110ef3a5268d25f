import Foundation

/// Turns a PDF into text with poppler's `pdftotext`, the one outside program the pipeline runs.
public struct PDFTextConverter: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case toolMissing
        case failed(String)
        /// The PDF has no text layer (a scan): nothing to quote.
        case noText

        public var description: String {
            switch self {
            case .toolMissing: "pdftotext is not installed (apt-get install poppler-utils)"
            case .failed(let reason): "pdftotext could not read the PDF: \(reason)"
            case .noText: "the PDF has no text layer (a scanned document?)"
            }
        }
    }

    public var executable: String

    public init(executable: String? = nil) {
        self.executable = executable ?? Self.locate() ?? "/usr/bin/pdftotext"
    }

    public static func isPDF(_ data: Data, contentType: String?) -> Bool {
        contentType?.lowercased().contains("application/pdf") == true || data.starts(with: Data("%PDF-".utf8))
    }

    /// Text in reading order, pages separated by form feeds; with `layout`, lines keep their horizontal spacing
    /// (how tables keep their columns).
    public func text(from pdf: Data, layout: Bool = false) -> Result<String, Failure> {
        run(pdf, options: layout ? ["-layout"] : [])
    }

    /// Every word with its position, in pdftotext's XHTML (`-bbox-layout`: pages, flows, blocks, lines, words): where
    /// table cells are.
    public func boxes(from pdf: Data) -> Result<String, Failure> {
        run(pdf, options: ["-bbox-layout"])
    }

    private func run(_ pdf: Data, options: [String]) -> Result<String, Failure> {
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
        do { try process.run() } catch { return .failure(.failed("\(error)")) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(.failed(message.isEmpty ? "exit status \(process.terminationStatus)" : message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains(where: { $0.isLetter }) else { return .failure(.noText) }
        return .success(text)
    }

    private static func locate() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
