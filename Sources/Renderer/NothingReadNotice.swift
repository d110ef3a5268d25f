import Scorecard

/// A run that read no document at all (offline, a dead proxy, a first run behind a firewall) must say so before
/// anything else, with the reason most documents failed: otherwise the reader sees only a column of "not rated". Pure.
struct NothingReadNotice: Equatable {
    /// `FetchFailure.Reason` raw value of the most frequent failure.
    var reason: String
    var count: Int
    var total: Int

    /// Nil when at least one document was read (tonight or from a kept copy), or when there is no document.
    init?(_ scorecards: [PlatformScorecard], failureReasons: [String: Int]) {
        let documents = scorecards.flatMap(\.documents)
        guard !documents.isEmpty, documents.allSatisfy({ $0.fetchedAt == nil }) else { return nil }
        // Most frequent first; a tie goes to the name, so that the same run always says the same thing.
        guard let top = failureReasons.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first else { return nil }
        reason = top.key
        count = top.value
        total = documents.count
    }
}
