import Foundation

/// What reading one document may cost: wall time from the first byte read to the findings (`pdftotext` included),
/// and the size of the text handed to the rules. A document past its budget is recorded as failed with the reason,
/// and the night goes on; a crawl sets it (`CrawlOptions.documentBudget`), a test sets it small.
public struct DocumentBudget: Sendable {
    public var seconds: Double
    /// Text beyond this many UTF-8 bytes is not read at all: half a document could lack the one clause that grades it.
    public var maximumTextBytes: Int
    /// Monotonic seconds; injected by tests.
    public var clock: @Sendable () -> Double

    public static let defaultSeconds = 60.0
    public static let defaultMaximumTextBytes = 5_000_000

    public init(
        seconds: Double = Self.defaultSeconds, maximumTextBytes: Int = Self.defaultMaximumTextBytes,
        clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    ) {
        self.seconds = seconds
        self.maximumTextBytes = maximumTextBytes
        self.clock = clock
    }

    /// No bound: for tools that read one document a person chose.
    public static let unlimited = DocumentBudget(seconds: .infinity, maximumTextBytes: .max)

    /// The budget of one document, counted from now.
    public func start() -> Meter { Meter(budget: self, startedAt: clock()) }

    /// A budget being spent.
    public struct Meter: Sendable {
        public let budget: DocumentBudget
        public let startedAt: Double

        public var remaining: Double { budget.seconds - (budget.clock() - startedAt) }

        public func check() throws(Exceeded) {
            if remaining < 0 { throw .time(limit: budget.seconds) }
        }

        public func check(textBytes: Int) throws(Exceeded) {
            if textBytes > budget.maximumTextBytes { throw .text(bytes: textBytes, limit: budget.maximumTextBytes) }
        }
    }

    public enum Exceeded: Error, Equatable, CustomStringConvertible {
        case time(limit: Double)
        /// `bytes` is nil when the text was cut off as it came (how much more there was is not known).
        case text(bytes: Int?, limit: Int)

        public var description: String {
            switch self {
            case .time(let limit): "extraction took longer than \(Self.number(limit)) s: given up"
            case .text(let bytes?, let limit):
                "the text is \(Self.size(bytes)), over the \(Self.size(limit)) the rules read: not read"
            case .text(nil, let limit): "the text is over the \(Self.size(limit)) the rules read: not read"
            }
        }

        /// The failure recorded for the document.
        public var failure: FetchFailure {
            switch self {
            case .time: FetchFailure(reason: .timeout, message: description)
            case .text: FetchFailure(reason: .tooLarge, message: description)
            }
        }

        private static func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
        }

        /// "5 MB", "6.2 MB", "20 KB".
        private static func size(_ bytes: Int) -> String {
            bytes >= 1_000_000 ? "\(number((Double(bytes) / 100_000).rounded() / 10)) MB" : "\(Int((Double(bytes) / 1000).rounded())) KB"
        }
    }
}
