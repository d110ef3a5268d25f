// `make bench`, third part: how long the site takes to regenerate on demand — 1 000 platforms with 10 archived runs
// of history, both languages, every page, feed, badge and data file. Target: under 2 s.
import Foundation
import History
import Renderer
import Scorecard
import SovereigntyModel

let platformCount = Int(ProcessInfo.processInfo.environment["BENCH_PLATFORMS"] ?? "") ?? 1_000
let runCount = 10
let templates = CommandLine.arguments.dropFirst().first ?? "Templates"

let catalog = ProviderCatalog(providers: [
    Provider(id: "ovh", name: "OVHcloud", aliases: [], country: "FR", usControlled: false, hds: .init(status: .certified),
             secNumCloud: .init(status: .qualified, offer: "Offre qualifiée", since: "2022-01-01")),
    Provider(id: "clever", name: "Clever Cloud", aliases: [], country: "FR", usControlled: false, hds: .init(status: .certified)),
    Provider(id: "scaleway", name: "Scaleway", aliases: [], country: "FR", usControlled: false, hds: .init(status: .certified)),
    Provider(id: "aws", name: "Amazon Web Services", aliases: [], country: "US", parent: LegalEntity(name: "Amazon.com, Inc.", country: "US"),
             usControlled: true, hds: .init(status: .certified)),
    Provider(id: "cdn", name: "US CDN", aliases: [], country: "US", usControlled: true),
])
let dataHosts = ["ovh", "clever", "scaleway", "aws"]
let categories = ["appointments", "teleconsultation", "patient-record", "insurance", "wellbeing", "medical-software"]

/// A platform's documents at one run: hosts rotate slowly so that history has changes to show.
func snapshots(_ index: Int, run: Int, fetchedAt: Date) -> [DocumentSnapshot] {
    let urls = ["https://p\(index).example.test/mentions-legales", "https://p\(index).example.test/confidentialite"]
    let stamp = Timestamp.string(fetchedAt)
    let dataHost = dataHosts[(index + run / 4) % dataHosts.count]
    func evidence(_ url: String, _ words: String) -> Evidence {
        Evidence(
            url: url, quote: "Les données de santé des utilisateurs sont hébergées par \(words), hébergeur certifié de données de santé, dans des centres de données situés en France métropolitaine.",
            section: "Hébergement", fetchedAt: stamp)
    }
    let notice = DocumentFindings(
        hosts: [
            HostFinding(providerID: dataHost, asWritten: dataHost, roles: [.healthData], evidence: [evidence(urls[0], dataHost)]),
            HostFinding(providerID: "cdn", asWritten: "US CDN", roles: [.cdn], evidence: [evidence(urls[0], "US CDN")]),
        ],
        dataLocations: [LocationMention(location: .france, evidence: evidence(urls[1], "la plateforme"))])
    let privacy = DocumentFindings(
        hosts: [HostFinding(providerID: "clever", asWritten: "Clever Cloud SAS", roles: [.website], evidence: [evidence(urls[1], "Clever Cloud SAS")])])
    return zip(urls, [notice, privacy]).map { url, findings in
        DocumentSnapshot(
            reference: DocumentReference(url: url, kind: url.hasSuffix("legales") ? .legalNotice : .privacyPolicy),
            fetch: FetchRecord(requestedURL: url, finalURL: url, httpStatus: 200, sha256: String(repeating: "a", count: 64), fetchedAt: fetchedAt),
            findings: findings)
    }
}

let platforms = (0..<platformCount).map { index in
    Platform(
        id: "p\(index)", name: "Plateforme \(index)", category: categories[index % categories.count], operator: "Opérateur \(index) SAS",
        website: "https://p\(index).example.test",
        documents: [DocumentReference(url: "https://p\(index).example.test/mentions-legales", kind: .legalNotice)])
}
let start = Date(timeIntervalSince1970: 1_795_316_400)
var runs: [RunSnapshot] = []
var latest: [PlatformScorecard] = []
for run in 0..<runCount {
    let date = start.addingTimeInterval(Double(run) * 86_400)
    let grader = Grader(catalog: catalog, day: Timestamp.day(date))
    latest = Ranking.rank(platforms.enumerated().map { index, platform in grader.grade(platform, documents: snapshots(index, run: run, fetchedAt: date)) })
    runs.append(RunSnapshot(
        runID: Int64(run + 1), date: Timestamp.string(date),
        platforms: try latest.map { try PlatformSnapshot.decode(json: String(decoding: ScorecardJSON.encode($0), as: UTF8.self)) }))
}

let renderer = try SiteRenderer(templatesPath: templates)

/// Best of 5 renderings into fresh folders under `base`; returns the time, the change count and the first folder.
@MainActor func measure(under base: URL) throws -> (seconds: Double, changes: Int, folder: URL) {
    var best = Double.infinity
    var changeCount = 0
    for round in 0..<5 {
        // A fresh folder each round, as a nightly run renders into a new staging folder.
        let folder = base.appendingPathComponent("round-\(round)")
        let clock = ContinuousClock.now
        var content = SiteContent(generatedAt: runs.last!.date)
        let changes = ChangeDetector(confirmRuns: 2).changes(in: runs)
        changeCount = changes.count
        content.history = SiteHistory(changes: changes, confirmRuns: 2, runs: runs)
        try renderer.render(latest, content: content, into: folder)
        let elapsed = ContinuousClock.now - clock
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return (best, changeCount, base.appendingPathComponent("round-0"))
}

// Rendering proper is measured in memory (tmpfs), where writing a file costs no disk work; then the same into a
// folder on disk, as `sovereignty report` writes Output/site, where the file system's cost of creating 8 000 files
// is added.
let places = [("in memory (/dev/shm)", "/dev/shm"), ("on disk (\(NSTemporaryDirectory()))", NSTemporaryDirectory())]
    .filter { FileManager.default.isWritableFile(atPath: $0.1) }
for (name, path) in places {
    let output = URL(fileURLWithPath: path).appendingPathComponent("sovereignty-render-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: output) }
    let (best, changeCount, folder) = try measure(under: output)
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])!.compactMap { $0 as? URL }
    let bytes = files.reduce(0) { $0 + ((try? $1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) }
    print(String(
        format: "render %@: %d platforms, %d runs of history, %d confirmed changes → %d files, %.1f MB, both languages: best of 5 %.2f s (target < 2 s)",
        name, platformCount, runCount, changeCount, files.count, Double(bytes) / 1e6, best))
    // What the file system alone costs here: the same files copied, one by one, with nothing rendered.
    let clock = ContinuousClock.now
    let copy = output.appendingPathComponent("copy")
    for file in files where !file.hasDirectoryPath {
        let target = copy.appendingPathComponent(String(file.path.dropFirst(folder.path.count)))
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: target.path, contents: try Data(contentsOf: file))
    }
    let elapsed = ContinuousClock.now - clock
    print(String(format: "  for comparison, copying those files %@ with nothing rendered: %.2f s", name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
}
