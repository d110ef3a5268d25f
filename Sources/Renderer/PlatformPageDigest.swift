import Crypto
import Foundation
import History
import Scorecard
import SovereigntyModel

/// Names everything a platform's own files (its page in each language, Markdown, feed and badge) are made of: when
/// the digest is the one the published site was rendered with, those files are the same bytes and are not
/// rendered again. What the pages read besides the scorecard is listed here, and only here.
struct PlatformPageDigest {
    /// What every platform page depends on: templates and strings, the code and rubric, the site's options.
    let site: String

    init(fingerprint: String, content: SiteContent, languages: [SiteLanguage]) {
        site = [
            "platform-pages v1", fingerprint, Rubric.version, content.captureTextVersion, content.baseURL ?? "-", content.sourceURL ?? "-",
            content.ignoredRobots ? "robots ignored" : "robots obeyed", languages.map(\.rawValue).joined(separator: ","),
        ].joined(separator: "\n")
    }

    /// - Parameters:
    ///   - card: as the pages show it (`PlatformHistory.pageCard`).
    ///   - changes: the platform's confirmed changes.
    func digest(
        _ card: PlatformScorecard, history: PlatformHistory, changes: [Change], corrections: [Correction], categorySlug: String,
        providerSlugs: [String: String], captures: CaptureLinks
    ) -> String {
        var hash = SHA256()
        func add(_ text: String) {
            hash.update(data: Data(text.utf8))
            hash.update(data: Data([0]))
        }
        add(site)
        add(String(decoding: (try? ScorecardJSON.encodeCompact(card)) ?? Data(), as: UTF8.self))
        for point in history.readings {
            let hosts = point.snapshot.hosts.map { "\($0.name) \($0.roles.map(\.rawValue))" }
            add("reading \(point.date) \(history.label(point)) \(point.snapshot.level.rawValue) \(point.snapshot.score ?? -1) \(hosts)")
        }
        for point in history.fetches {
            add("fetch \(point.date) \(history.label(point)) " + point.snapshot.documents.map { "\($0.url) \($0.status)" }.joined(separator: " "))
        }
        for change in changes { add(String(describing: change)) }
        for correction in corrections { add(String(describing: correction)) }
        add(categorySlug)
        for host in card.hosts { add("provider \(host.key) \(providerSlugs[host.key] ?? "-")") }
        for url in Set(card.documents.flatMap { [$0.url, $0.finalURL] } + Self.evidence(of: card).map(\.url)).sorted() {
            let view = captures.views[url].map { "\($0.path) \($0.anchors.sorted())" } ?? "-"
            add("capture \(url) \(captures.paths[url] ?? "-") \(view)")
        }
        return Hex.string(hash.finalize())
    }

    /// Every quote the page shows, for the captures it links to.
    static func evidence(of card: PlatformScorecard) -> [Evidence] {
        card.hosts.flatMap(\.evidence) + card.hds.evidence + card.secNumCloud.evidence + card.zeroKnowledge.evidence
            + card.dataLocationEvidence.map(\.evidence) + card.exposureDisclosures + card.conflicts.flatMap(\.evidence)
    }
}
