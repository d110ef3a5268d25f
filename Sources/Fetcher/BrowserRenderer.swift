import Foundation

/// Renders a page with headless Chromium (`--dump-dom`) for documents marked `render: browser`: pages that show
/// their legal text only after JavaScript has run.
public struct BrowserRenderer: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notInstalled
        case failed(String)

        public var description: String {
            switch self {
            case .notInstalled: "render: browser asked, but Chromium is not installed (apt-get install chromium)"
            case .failed(let reason): "Chromium could not render the page: \(reason)"
            }
        }
    }

    public let executable: String?
    /// Added to Chromium's own arguments (tests pass a dead proxy so that nothing leaves loopback).
    public var extraArguments: [String]
    public var timeoutSeconds: Double

    public init(executable: String? = nil, extraArguments: [String] = [], timeoutSeconds: Double = 60) {
        self.executable = executable ?? Self.locate()
        self.extraArguments = extraArguments
        self.timeoutSeconds = timeoutSeconds
    }

    public var isInstalled: Bool { executable != nil }

    /// The page's DOM after its scripts ran, as HTML.
    public func render(_ url: String) -> Result<Data, Failure> {
        guard let executable else { return .failure(.notInstalled) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("sovereignty-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
            "--metrics-recording-only", "--user-data-dir=\(profile.path)", "--virtual-time-budget=5000", "--dump-dom",
        ] + extraArguments + [url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(.failed("\(error)")) }
        let deadline = DispatchTime.now() + timeoutSeconds
        let reading = DispatchQueue.global()
        let result = ReadResult()
        let group = DispatchGroup()
        group.enter()
        reading.async {
            result.data = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if group.wait(timeout: deadline) == .timedOut {
            process.terminate()
            return .failure(.failed("no answer in \(Int(timeoutSeconds)) s"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, !result.data.isEmpty else {
            return .failure(.failed("exit status \(process.terminationStatus)"))
        }
        return .success(result.data)
    }

    private final class ReadResult: @unchecked Sendable {
        var data = Data()
    }

    private static func locate() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            if let found = paths.map({ "\($0)/\(name)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        }
        return nil
    }
}
