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
            "platform-pages v2", fingerprint, Rubric.version, content.captureTextVersion, content.baseURL ?? "-", content.sourceURL ?? "-",
            content.ignoredRobots ? "robots ignored" : "robots obeyed", languages.map(\.rawValue).joined(separator: ","),
        ].joined(separator: "\n")
    }

    /// - Parameters:
    ///   - json: the platform's scorecard as `data/scorecards.json` encodes it (`ScorecardJSON.encode`): its documents
    ///     carry tonight's dates, so they are left out of it and hashed as the pages show them.
    ///   - card: as the pages show it (`PlatformHistory.pageCard`): the same but for its documents' dates and HTTP
    ///     statuses.
    ///   - changes: the platform's confirmed changes.
    func digest(
        json: Data, shown card: PlatformScorecard, history: PlatformHistory, changes: [Change], corrections: [Correction], categorySlug: String,
        providerSlugs: [String: String], captures: CaptureLinks
    ) -> String {
        var input = DigestInput()
        input.add(site)
        if let documents = Self.documents(in: json) {
            input.add(json[..<documents.lowerBound])
            input.add(json[documents.upperBound...])
        } else {
            input.add(json)  // not where expected: hashed whole, tonight's dates with it (the pages are rendered again)
        }
        for document in card.documents {
            input.add(
                ["document", document.url, document.kind.rawValue, document.status, document.httpStatus.map(String.init) ?? "\u{0}",
                 document.contentType ?? "\u{0}", document.error ?? "\u{0}", document.finalURL, document.fetchedAt ?? "\u{0}",
                 document.attemptedAt ?? "\u{0}", document.sha256 ?? "\u{0}"] + document.redirects)
        }
        for point in history.readings {
            input.add("reading", point.date, history.label(point), point.snapshot.level.rawValue, point.snapshot.score.map(String.init) ?? "-")
            for host in point.snapshot.hosts { input.add("host", host.name, host.roles.map(\.rawValue).joined(separator: " ")) }
        }
        for point in history.fetches {
            input.add("fetch", point.date, history.label(point))
            for document in point.snapshot.documents { input.add("status", document.url, document.status) }
        }
        for change in changes {
            input.add(
                "change", change.platformID, change.platformName, change.kind.rawValue, change.subject, change.before, change.after, change.since,
                change.confirmedAt, String(change.confirmedRunID))
            for evidence in change.beforeEvidence { input.add("before", evidence) }
            for evidence in change.afterEvidence { input.add("after", evidence) }
        }
        for correction in corrections {
            input.add("correction", correction.platformID, correction.date, correction.from, correction.summary, correction.source)
        }
        input.add("category", categorySlug)
        for host in card.hosts { input.add("provider", host.key, providerSlugs[host.key] ?? "-") }
        for url in Set(card.documents.flatMap { [$0.url, $0.finalURL] } + Self.evidence(of: card).map(\.url)).sorted() {
            input.add("capture", url, captures.paths[url] ?? "-")
            if let view = captures.views[url] { input.add(["view", view.path] + view.anchors.sorted()) }
        }
        return input.finish()
    }

    /// Where the top-level `documents` array of a scorecard's pretty JSON is: from its key to its closing bracket,
    /// the only line at that depth that starts with `]` (the printer never breaks a line inside a string).
    static func documents(in json: Data) -> Range<Data.Index>? {
        guard let key = json.range(of: Data("\n  \"documents\" : [".utf8)),
            let close = json[key.upperBound...].range(of: Data("\n  ]".utf8))
        else { return nil }
        return key.lowerBound..<close.upperBound
    }

    /// Every quote the page shows, for the captures it links to.
    static func evidence(of card: PlatformScorecard) -> [Evidence] {
        card.hosts.flatMap(\.evidence) + card.hds.evidence + card.secNumCloud.evidence + card.zeroKnowledge.evidence
            + card.dataLocationEvidence.map(\.evidence) + card.exposureDisclosures + card.conflicts.flatMap(\.evidence)
    }
}

/// The digest's input as a sequence of fields, each preceded by its length, so that no two different sequences give
/// the same bytes: no field needs escaping, and none is written through `String(describing:)`, which reflects.
private struct DigestInput {
    private var hash = SHA256()

    mutating func add(_ bytes: Data.SubSequence) {
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { hash.update(bufferPointer: $0) }
        hash.update(data: bytes)
    }

    mutating func add(_ fields: String...) { add(fields) }

    mutating func add(_ fields: [String]) {
        withUnsafeBytes(of: UInt64(fields.count).littleEndian) { hash.update(bufferPointer: $0) }
        for var field in fields {
            field.withUTF8 { utf8 in
                withUnsafeBytes(of: UInt64(utf8.count).littleEndian) { hash.update(bufferPointer: $0) }
                hash.update(bufferPointer: UnsafeRawBufferPointer(utf8))
            }
        }
    }

    /// Every field of a quote: a change shows them.
    mutating func add(_ tag: String, _ evidence: Evidence) {
        add(
            [tag, evidence.url, evidence.quote, evidence.section ?? "\u{0}", evidence.fetchedAt, evidence.rule ?? "\u{0}"]
                + (evidence.roles.map { ["roles"] + $0.map(\.rawValue) } ?? []))
    }

    func finish() -> String { Hex.string(hash.finalize()) }
}
