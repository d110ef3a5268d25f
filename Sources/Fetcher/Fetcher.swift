import Foundation
import SovereigntyModel

/// Fetches a batch of URLs with libcurl's multi interface on one dedicated thread.
///
/// The driver thread keeps blocking network waits off Swift's cooperative pool, which an
/// in-process server (tests) or the rest of the pipeline may need.
public struct Fetcher: Sendable {
    public let configuration: FetchConfiguration

    public init(configuration: FetchConfiguration = FetchConfiguration()) {
        self.configuration = configuration
    }

    /// One record per URL, in the order given. Never throws: a failure is a record with its reason.
    public func fetch(_ urls: [String]) async -> [FetchRecord] {
        let configuration = configuration
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let records = CurlMultiDriver(configuration: configuration).run(urls)
                continuation.resume(returning: records)
            }
            thread.name = "sovereignty.fetcher"
            thread.start()
        }
    }
}
