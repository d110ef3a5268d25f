import SovereigntyModel

/// One sentence as the pages quote it, shown once, with every place and time it was read.
struct QuoteView: Encodable {
    var quote: String
    var quoteLang: String
    /// The roles the sentence gives the host it is quoted under, in words; nil outside a host, and nil when they are
    /// the roles the page already gives the host just above (named apart from the host's `roles`, which a template
    /// would otherwise find in the enclosing host).
    var sentenceRoles: String?
    var sources: [EvidenceView]
}

extension ViewBuilder {
    /// The same sentence read in two documents, or kept from an older copy, is one quote with two sources: a reader
    /// sees each sentence once. Sentences keep the order they were first quoted in.
    /// - Parameter shown: the host's roles in words, as the page shows them above its quotes.
    func quotes(_ evidence: [Evidence], captures: CaptureLinks, besides shown: String? = nil) -> [QuoteView] {
        var order: [String] = []
        var sources: [String: [EvidenceView]] = [:]
        var given: [String: Set<HostRole>] = [:]
        for item in evidence {
            if sources[item.quote] == nil { order.append(item.quote) }
            sources[item.quote, default: []].append(self.evidence(item, captures: captures))
            if let itemRoles = item.roles { given[item.quote, default: []].formUnion(itemRoles) }
        }
        return order.map { quote in
            var sentenceRoles = given[quote].map { $0.sorted() }
            if let all = sentenceRoles, all.count > 1 { sentenceRoles = all.filter { $0 != .unspecified } }
            return QuoteView(
                quote: text(quote), quoteLang: "fr",
                sentenceRoles: sentenceRoles.flatMap { $0.isEmpty ? nil : roles($0) }.flatMap { $0 == shown ? nil : $0 },
                sources: sources[quote]!)
        }
    }

    /// A claim's sentences grouped the same way; a claim gives no host a role, so its quotes name none.
    func claimQuotes(_ evidence: [Evidence], captures: CaptureLinks) -> [QuoteView] {
        quotes(evidence, captures: captures).map { quote in
            var quote = quote
            quote.sentenceRoles = nil
            return quote
        }
    }
}
