extension DocumentFindings {
    /// Why this copy of a document stands in for the legal page `previous` was, or nil when it is still that page.
    ///
    /// A page that answers 200 is not always the document: a maintenance, error, login or consent page keeps the
    /// site's footer ("Mentions légales · Politique de confidentialité · Cookies"), so it still has legal words. It
    /// stands in for the document when it has no legal text at all, or when it lost most of its text or every host it
    /// named while words of such a page appeared in it. The words must be new: a privacy policy that always spoke of
    /// cookie consent, or a page with a login link, and that dropped its host is a changed document, not a stand-in.
    /// Pure: the judge keeps the last good copy for a stand-in, as for an outage.
    public func standsIn(for previous: DocumentFindings) -> String? {
        guard previous.hasLegalText else { return nil }
        guard hasLegalText else { return "the page no longer reads like a legal page (maintenance, login or error page?)" }
        let new = placeholderWords.filter { !previous.placeholderWords.contains($0) }
        guard let kind = new.first else { return nil }
        let lostText = textLength * 2 < previous.textLength
        let lostHosts = !previous.hosts.isEmpty && hosts.isEmpty
        guard lostText || lostHosts else { return nil }
        var losses: [String] = []
        if lostText { losses.append("\(100 - textLength * 100 / max(previous.textLength, 1))% of its text") }
        if lostHosts { losses.append(previous.hosts.count == 1 ? "the host it named" : "the \(previous.hosts.count) hosts it named") }
        return "the page no longer reads like the legal page it was: it reads like \(kind.page) and lost "
            + losses.joined(separator: " and ")
    }
}
