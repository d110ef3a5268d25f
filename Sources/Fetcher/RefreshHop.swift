import Foundation
import SovereigntyModel

/// What the fetcher does with a page that refreshes to another address: follow it once when it stays on the site,
/// as it follows an HTTP redirect, and record the hop in the redirect chain; otherwise say why not. Pure.
enum RefreshHop {
    enum Decision: Equatable {
        /// The record is the document (no refresh, a long delay, a page reloading itself).
        case keep
        /// Fetch this address in place of the page.
        case follow(String)
        /// The page only sends its readers elsewhere, and that is not followed: the record fails with this reason.
        case refuse(FetchFailure)
    }

    /// - Parameter followed: the record is already the end of one refresh (only one is followed: no loops).
    static func decide(_ record: FetchRecord, followed: Bool) -> Decision {
        guard record.failure == nil, record.httpStatus != 304, isHTML(record.contentType),
            let refresh = MetaRefresh.find(headers: record.headers, body: record.body), refresh.delay <= MetaRefresh.maximumDelay,
            // A host written in Unicode is sent in its ASCII form, as the inputs are (libcurl converts it only in a UTF-8 locale).
            let page = URL(string: record.finalURL),
            let target = URL(string: (try? InternationalHost.asciiURL(refresh.url)) ?? refresh.url, relativeTo: page)?.absoluteURL
        else { return .keep }
        let address = withoutFragment(target.absoluteString)
        guard address != withoutFragment(record.finalURL) else { return .keep }
        let after = refresh.delay == 0 ? "" : " after \(refresh.delay == refresh.delay.rounded() ? String(Int(refresh.delay)) : String(refresh.delay)) s"
        guard ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
            return .refuse(
                FetchFailure(
                    reason: .forbiddenProtocol, message: "the page moves its readers on to \(address)\(after) (meta refresh), which is not http(s): not followed"))
        }
        if followed {
            return .refuse(
                FetchFailure(
                    reason: .tooManyRedirects,
                    message: "the page a meta refresh led to refreshes again, to \(address)\(after): only one refresh is followed"))
        }
        guard MetaRefresh.isSameSite(page, target) else {
            return .refuse(
                FetchFailure(
                    reason: .notTheDocument,
                    message: "the page moves its readers on to \(address)\(after) (meta refresh), on another site: not followed; "
                        + "list that address in platforms.yml if it is the document"))
        }
        return .follow(address)
    }

    /// The record of the page a refresh led to, as asked for at the stub's URL: the stub joins the redirect chain.
    static func merge(stub: FetchRecord, target: FetchRecord) -> FetchRecord {
        var merged = target
        merged.requestedURL = stub.requestedURL
        merged.redirects = stub.redirects + [stub.finalURL] + target.redirects
        merged.fetchedAt = stub.fetchedAt
        merged.bytesReceived = stub.bytesReceived + target.bytesReceived
        merged.duration = stub.duration + target.duration
        return merged
    }

    private static func isHTML(_ contentType: String?) -> Bool {
        let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return type.isEmpty || type == "text/html" || type == "application/xhtml+xml"
    }

    private static func withoutFragment(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }
}
