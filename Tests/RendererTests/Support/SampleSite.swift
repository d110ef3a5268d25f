import Foundation
import History
@testable import Renderer
import Scorecard
import SovereigntyModel

/// A small site built in memory: a sovereign platform, two on a US cloud, one none of whose documents was read,
/// graded by the real rubric over two runs a day apart (the clock is `start`, passed in, never read from a test).
enum SampleSite {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path

    static let catalog = ProviderCatalog(providers: [
        Provider(
            id: "ovh", name: "OVHcloud", aliases: [], country: "FR", usControlled: false, hds: .init(status: .certified),
            secNumCloud: .init(status: .qualified, offer: "Offre qualifiée", since: "2022-01-01"),
            sources: [Source(fact: "siège", url: "https://ovh.example.test/legal", date: "2026-10-01")]),
        Provider(
            id: "aws", name: "Amazon Web Services", aliases: [], country: "US", parent: LegalEntity(name: "Amazon.com, Inc.", country: "US"),
            usControlled: true, hds: .init(status: .certified)),
    ])

    static let start = Date(timeIntervalSince1970: 1_795_316_400)

    /// The quote that names the host, as a page would put it.
    static func quote(_ host: String) -> String { "Les données de santé sont hébergées par \(host), hébergeur certifié HDS." }

    static func url(_ id: String) -> String { "https://\(id).example.test/mentions" }

    static let digest = String(repeating: "ab", count: 32)

    /// One platform's documents at a run; `host` nil makes the fetch fail.
    static func documents(_ id: String, host: String?, at date: Date) -> [DocumentSnapshot] {
        let reference = DocumentReference(url: url(id), kind: .legalNotice)
        guard let host else {
            let failure = FetchFailure(reason: .network, message: "could not connect")
            return [DocumentSnapshot(reference: reference, fetch: FetchRecord(requestedURL: url(id), finalURL: url(id), fetchedAt: date, failure: failure), findings: nil)]
        }
        let evidence = Evidence(url: url(id), quote: quote(host == "ovh" ? "OVH SAS" : "Amazon Web Services EMEA"), section: "Hébergement", fetchedAt: Timestamp.string(date))
        let findings = DocumentFindings(
            hosts: [
                HostFinding(providerID: host, asWritten: host, roles: [.healthData], evidence: [evidence]),
                HostFinding(providerID: host, asWritten: host, roles: [.backup], evidence: [evidence]),
            ],
            hds: [HDSMention(providerIDs: [host], namesHost: true, evidence: evidence)], textLength: 2_000)
        let fetch = FetchRecord(
            requestedURL: url(id), finalURL: url(id), httpStatus: 200, contentType: "text/html", body: Data("<h1>Mentions</h1><p>\(evidence.quote)</p>".utf8),
            sha256: digest, fetchedAt: date)
        return [DocumentSnapshot(reference: reference, fetch: fetch, findings: findings)]
    }

    /// Platform ids with the host of their health data in the first and second run.
    static let hosts: [(id: String, first: String?, second: String?)] = [
        ("souverain", "ovh", "ovh"), ("expose", "aws", "aws"), ("bascule", "ovh", "aws"), ("muet", nil, nil),
    ]

    static func platform(_ id: String) -> Platform {
        Platform(
            id: id, name: "Plateforme \(id)", category: "appointments", operator: "Opérateur \(id)", website: "https://\(id).example.test",
            documents: [DocumentReference(url: url(id), kind: .legalNotice)])
    }

    /// The scorecards of both runs and the site content of the second, history and captures included.
    static func build(runDates: [Date]? = nil) throws -> (scorecards: [PlatformScorecard], content: SiteContent) {
        let dates = runDates ?? [start, start.addingTimeInterval(86_400)]
        var runs: [RunSnapshot] = []
        var latest: [PlatformScorecard] = []
        for (index, date) in dates.enumerated() {
            let grader = Grader(catalog: catalog, day: Timestamp.day(date))
            latest = Ranking.rank(hosts.map { item in
                grader.grade(platform(item.id), documents: documents(item.id, host: index == 0 ? item.first : item.second, at: date))
            })
            runs.append(RunSnapshot(
                runID: Int64(index + 1), date: Timestamp.string(date),
                platforms: try latest.map { try PlatformSnapshot.decode(json: String(decoding: ScorecardJSON.encode($0), as: UTF8.self)) }))
        }
        var content = SiteContent(generatedAt: runs.last!.date)
        content.catalog = catalog
        content.history = SiteHistory(changes: ChangeDetector(confirmRuns: 1).changes(in: runs), confirmRuns: 1, runs: runs)
        var capture = Capture(sha256: digest, contentType: "text/html", body: Data("<h1>Mentions</h1>".utf8), url: url("souverain"))
        capture.text = [
            ReadableBlock(text: "Hébergement", isHeading: true),
            ReadableBlock(text: "Préambule. \(quote("OVH SAS")) Fin.", isHeading: false),
        ]
        content.captures = [capture]
        return (latest, content)
    }

    /// The whole site written into a fresh folder; the caller removes it.
    static func render(_ scorecards: [PlatformScorecard], _ content: SiteContent) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sample-site-\(UUID().uuidString)")
        try SiteRenderer(templatesPath: templates).render(scorecards, content: content, into: folder)
        return folder
    }

    static func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }
}
