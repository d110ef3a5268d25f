import SovereigntyModel

/// One sentence as the pages quote it, shown once, with every place and time it was read.
struct QuoteView: Encodable {
    var quote: String
    var quoteLang: String
    var sources: [EvidenceView]
}

extension ViewBuilder {
    /// The same sentence read in two documents, or kept from an older copy, is one quote with two sources: a reader
    /// sees each sentence once. Sentences keep the order they were first quoted in.
    func quotes(_ evidence: [Evidence], captures: CaptureLinks) -> [QuoteView] {
        var order: [String] = []
        var sources: [String: [EvidenceView]] = [:]
        for item in evidence {
            if sources[item.quote] == nil { order.append(item.quote) }
            sources[item.quote, default: []].append(self.evidence(item, captures: captures))
        }
        return order.map { QuoteView(quote: text($0), quoteLang: "fr", sources: sources[$0]!) }
    }
}
