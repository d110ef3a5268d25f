@testable import Renderer
import Testing

/// The views that list their own fields give exactly what their `Encodable` conformance gives, nil fields included.
@Suite struct TemplateRecordTests {
    static let evidence = [
        EvidenceView(quote: "q", quoteLang: "fr", url: "https://x.test", section: "S", fetchedAt: "2026-11-22T03:00:00Z", capture: "c.txt", view: "captures/c.html#q-1"),
        EvidenceView(quote: "q", quoteLang: "fr", url: "https://x.test", section: nil, fetchedAt: "2026-11-22T03:00:00Z", capture: nil, view: nil),
    ]

    func expectSame(_ record: some TemplateRecord) throws {
        #expect(try TemplateEncoder.encodeByCoding(record) == .record(record.templateFields), "\(type(of: record))")
        #expect(try TemplateEncoder.encode([record]) == TemplateEncoder.encodeByCoding([record]), "nested in a list")
    }

    @Test func handWrittenFieldsMatchEncodable() throws {
        for item in Self.evidence { try expectSame(item) }
        for (stale, rank) in [("copie du 2026-11-21", 1), (nil, nil)] {
            try expectSame(PlatformRowView(
                rank: rank, id: "p", name: "P", category: "c", level: "B", levelSlug: "b", levelWords: "w", score: "70", mainHosts: "h",
                healthHosts: [HostChipView(name: "OVH", jurisdiction: "FR", href: stale == nil ? nil : "providers/ovh.html")],
                usExposure: "non", exposureState: "no", hds: "h", secNumCloud: "s", date: "2026-11-22", stale: stale))
        }
        for href in ["providers/x.html", nil] { try expectSame(HostChipView(name: "n", jurisdiction: "FR", href: href)) }
        for anchor in ["host-x", nil] {
            try expectSame(ReasonView(check: "c", hostAnchor: anchor, checkTitle: "t", effect: "e", level: "D", detail: "d"))
        }
        for optional in ["x", nil] {
            try expectSame(HostView(
                anchor: "a", name: "n", providerHref: optional, asWritten: "w", unknown: optional == nil, roles: "r", country: "FR", parent: optional, usControlled: "non",
                cloudActExposed: "non", hdsCertified: "oui", hdsRegistry: optional, secNumCloudQualified: "non", secNumCloudRegistry: optional,
                address: optional, quotes: [QuoteView(quote: "q", quoteLang: "fr", sentenceRoles: optional, sources: Self.evidence)]))
            try expectSame(DocumentView(
                url: "u", kind: "k", status: "s", statusCode: "ok", httpStatus: "200", error: optional, finalURL: optional, fetchedAt: optional,
                attemptedAt: optional, sha256: "h", capture: optional, shortSHA256: "h…"))
        }
        try expectSame(TimelineRowView(date: "d", day: "d", level: "B", levelSlug: "b", levelWords: "w", score: "70", hosts: "h"))
        try expectSame(FetchHistoryRowView(date: "d", day: "d", statuses: ["lu", "injoignable"]))
        try expectSame(RunChangeView(
            id: "i", anchor: "a", platformID: "p", platformName: "P", kind: "hostAdded", summary: "s", detail: "d", showsValues: false, subject: "x", before: "b", after: "a", since: "s",
            sinceDay: "d", confirmedAt: "c", beforeEvidence: [], afterEvidence: Self.evidence, hasEvidence: true, hasBeforeEvidence: false,
            hasAfterEvidence: true))
    }
}
