// `make bench-scale`: the real `sovereignty crawl` (release binary) against a generated site of N documents on
// several loopback host names: a cold crawl of N/10 documents and one of N (so that growth shows), then a rerun with
// nothing changed and one with 1% of the pages changed. Each run prints its wall time, documents per second, maximum
// RSS, bytes fetched, bytes added to the output folder and the size of the site with its largest file.
//
// sovereignty-scale-bench [--documents 10000] [--small 1000] [--binary .build/release/sovereignty] [--jobs 16]
//                         [--hosts 50] [--work DIR] [--check-report] [--profile DIR] [--serve] [--later-runs 3]
//
// `--later-runs N` reruns N more times with nothing changed after those, and prints the last one's time beside the
// first rerun's: a night's cost must not grow with the number of runs the archive holds.
//
// `--serve` only writes the platform list into the work folder and serves the site until stdin closes, so that one
// crawl (a rerun, say) can be run and profiled by hand, as often as needed, without the bench's other runs.
import Foundation

struct BenchOptions {
    var documents = 10_000
    var small = 1_000
    var binary = ".build/release/sovereignty"
    var jobs = 16
    var hosts = 50
    var work: String?
    var checkReport = false
    /// A folder for `perf record` profiles of each crawl (the figures then include perf's own cost).
    var profile: String?
    /// Serve the generated site until stdin closes, crawling nothing.
    var serve = false
    /// Unchanged reruns after the others, to show that a night's cost does not grow with the archive's age.
    var laterRuns = 3

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--documents": documents = Int(rest.popFirst() ?? "") ?? documents
            case "--small": small = Int(rest.popFirst() ?? "") ?? small
            case "--binary": binary = rest.popFirst() ?? binary
            case "--jobs": jobs = Int(rest.popFirst() ?? "") ?? jobs
            case "--hosts": hosts = Int(rest.popFirst() ?? "") ?? hosts
            case "--work": work = rest.popFirst()
            case "--check-report": checkReport = true
            case "--profile": profile = rest.popFirst()
            case "--serve": serve = true
            case "--later-runs": laterRuns = Int(rest.popFirst() ?? "") ?? laterRuns
            default:
                FileHandle.standardError.write(Data("unknown argument \(flag)\n".utf8))
                exit(2)
            }
        }
    }
}

/// One crawl's figures.
struct Measure {
    var name: String
    var documents: Int
    var cost: ChildRun.Cost
    var bytesFetched: Int
    var bytesAdded: Int
    var site: FolderSize

    var msPerDocument: Double { cost.seconds * 1000 / Double(documents) }
}

func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

let options = BenchOptions(CommandLine.arguments)
guard FileManager.default.isExecutableFile(atPath: options.binary) else {
    print("no executable at \(options.binary): build it first (swift build -c release --product sovereignty)")
    exit(2)
}
let kinds = BenchSite.kinds.count
let server = try BenchServer(platforms: options.documents / kinds, hostCount: options.hosts)
let work = URL(fileURLWithPath: options.work ?? NSTemporaryDirectory() + "sovereignty-scale-bench-\(getpid())")
try? FileManager.default.removeItem(at: work)
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { if options.work == nil { try? FileManager.default.removeItem(at: work) } }

func crawl(_ name: String, platforms: Int, output: String) -> Measure {
    let list = work.appendingPathComponent("platforms-\(platforms).yml")
    if !FileManager.default.fileExists(atPath: list.path) {
        try! server.current.platformsYAML(count: platforms).write(to: list, atomically: true, encoding: .utf8)
    }
    let out = work.appendingPathComponent(output)
    let before = FolderSize(out, distinctFiles: true).bytes
    let parts = OutputParts(out)
    let sentBefore = server.bytesSent
    let serverCPUBefore = ChildRun.ownCPUSeconds()
    let profiled = options.profile.map { ["record", "-F", "999", "-g", "-o", "\($0)/\(output)-\(server.bytesSent).perf.data", options.binary] } ?? []
    let cost = ChildRun.run(
        profiled.isEmpty ? options.binary : "/usr/bin/perf",
        profiled + [
            "crawl", "--platforms", list.path, "--providers", "Inputs/providers.yml", "--registries", "Inputs/registries",
            "--templates", "Templates", "--output", out.path, "--jobs", "\(options.jobs)", "--per-host-delay", "0", "--ignore-robots",
        ], log: work.appendingPathComponent("\(output).log").path)
    let serverCPU = ChildRun.ownCPUSeconds() - serverCPUBefore
    let measure = Measure(
        name: name, documents: platforms * kinds, cost: cost, bytesFetched: server.bytesSent - sentBefore,
        bytesAdded: FolderSize(out, distinctFiles: true).bytes - before, site: FolderSize(out.appendingPathComponent("site")))
    print(
        String(
            format: "%@ %6d docs  %7.1f s  %6.0f docs/s  %5.2f ms/doc  max RSS %@  fetched %@  added to Output %@  site %@ (largest %@: %@)  exit %d",
            name.padding(toLength: 18, withPad: " ", startingAt: 0) as NSString, measure.documents, cost.seconds, Double(measure.documents) / cost.seconds, measure.msPerDocument,
            mb(cost.maxResidentBytes) as NSString, mb(measure.bytesFetched) as NSString, mb(measure.bytesAdded) as NSString,
            mb(measure.site.bytes) as NSString, measure.site.largestFile as NSString, mb(measure.site.largestBytes) as NSString, cost.status))
    // The loopback server runs in this process, on the same two cores: its CPU is what the crawl's wall time shares.
    print(String(format: "    CPU %.1f s (the bench's own server: %.1f s); added: ", cost.cpuSeconds, serverCPU) + OutputParts(out).added(since: parts))
    return measure
}

if options.serve {
    let list = work.appendingPathComponent("platforms-\(options.documents / kinds).yml")
    try server.current.platformsYAML(count: options.documents / kinds).write(to: list, atomically: true, encoding: .utf8)
    print("serving \(options.documents) documents; platforms in \(list.path); close stdin to stop")
    while readLine() != nil {}
    server.stop()
    exit(0)
}

print("scale bench: \(options.documents) documents (\(options.documents / kinds) platforms × \(kinds)) on \(options.hosts) loopback host names,"
    + " \(options.binary) crawl --jobs \(options.jobs) --per-host-delay 0 --ignore-robots; work folder \(work.path)")
let small = crawl("cold (small)", platforms: options.small / kinds, output: "out-small")
let cold = crawl("cold", platforms: options.documents / kinds, output: "out")
let rerun = crawl("rerun, unchanged", platforms: options.documents / kinds, output: "out")
server.change(percent: 1)
let changed = crawl("rerun, 1% changed", platforms: options.documents / kinds, output: "out")
var later: Measure?
for run in 0..<options.laterRuns {
    later = crawl("rerun \(run + 4), unchanged", platforms: options.documents / kinds, output: "out")
}

func verdict(_ ok: Bool) -> String { ok ? "ok" : "MISSED" }
let growth = cold.msPerDocument / small.msPerDocument
let rssGrowth = Double(cold.cost.maxResidentBytes) / Double(max(small.cost.maxResidentBytes, 1))
print("")
print(String(format: "time at %d documents: %.1f s (%.2f ms/doc); at %d: %.1f s (%.2f ms/doc); ratio %.2f (target <= 1.30) %@",
    small.documents, small.cost.seconds, small.msPerDocument, cold.documents, cold.cost.seconds, cold.msPerDocument, growth,
    verdict(growth <= 1.3) as NSString))
print(String(format: "cold crawl of %d documents: %.1f s (target <= 60 s) %@", cold.documents, cold.cost.seconds, verdict(cold.cost.seconds <= 60) as NSString))
print(String(format: "max RSS at %d: %@, at %d: %@ (target < 150 MB %@, within 10%% of the small run: ratio %.2f %@)",
    cold.documents, mb(cold.cost.maxResidentBytes) as NSString, small.documents, mb(small.cost.maxResidentBytes) as NSString,
    verdict(cold.cost.maxResidentBytes < 150 * 1_048_576) as NSString, rssGrowth, verdict(rssGrowth <= 1.1) as NSString))
let timeShare = rerun.cost.seconds / cold.cost.seconds
let byteShare = Double(rerun.bytesFetched) / Double(max(cold.bytesFetched, 1))
print(String(format: "rerun unchanged: %.1f%% of the cold time (target <= 15%%) %@, %.1f%% of its bytes (target <= 5%%) %@, %@ added (target <= 1 MB) %@",
    100 * timeShare, verdict(timeShare <= 0.15) as NSString, 100 * byteShare, verdict(byteShare <= 0.05) as NSString,
    mb(rerun.bytesAdded) as NSString, verdict(rerun.bytesAdded <= 1_048_576) as NSString))
if let later {
    let growth = later.cost.seconds / rerun.cost.seconds
    print(String(format: "rerun %d into the archive, unchanged: %.1f s, %.2f× the first rerun's %.1f s (a night's cost must not grow with the archive's age)",
        options.laterRuns + 3, later.cost.seconds, growth, rerun.cost.seconds))
}
let sites = [cold, rerun, changed] + (later.map { [$0] } ?? [])
let biggest = sites.map(\.site.bytes).max() ?? 0
let largest = sites.map(\.site.largestBytes).max() ?? 0
print(String(format: "Output/site at %d documents: up to %@ (target <= 120 MB) %@; largest file %@ (target <= 50 MB) %@",
    cold.documents, mb(biggest) as NSString, verdict(biggest <= 120 * 1_048_576) as NSString, mb(largest) as NSString,
    verdict(largest <= 50 * 1_048_576) as NSString))

if options.checkReport {
    // `report` must rebuild, offline, byte for byte the site the last crawl wrote.
    let out = work.appendingPathComponent("out")
    let crawled = work.appendingPathComponent("site-crawled")
    try FileManager.default.copyItem(at: out.appendingPathComponent("site"), to: crawled)
    let cost = ChildRun.run(options.binary, ["report", "--output", out.path, "--templates", "Templates"], log: work.appendingPathComponent("report.log").path)
    let diff = ChildRun.run("/usr/bin/diff", ["-r", "-q", crawled.path, out.appendingPathComponent("site").path], log: work.appendingPathComponent("diff.log").path)
    print(String(format: "report rebuilt the site in %.1f s: %@", cost.seconds, diff.status == 0 ? "byte-identical" : "DIFFERENT (see diff.log)"))
}
server.stop()
