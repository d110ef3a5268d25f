// `make bench` (second part): the crawler against a synthetic site of 1 000 documents on 50 host names, all on
// loopback (names pinned to 127.0.0.1 like curl's --resolve), with 100 ms of latency per response.
import Fetcher
import Foundation

let hostCount = 50
let documentsPerHost = 20
let latency: UInt64 = 100_000_000  // nanoseconds
let page = Data(("<!DOCTYPE html><html lang=\"fr\"><body><h1>Mentions légales</h1>"
    + String(repeating: "<p>Le site est hébergé par OVH SAS, 2 rue Kellermann, 59100 Roubaix. Les données de santé sont hébergées en France.</p>", count: 40)
    + "</body></html>").utf8)

func residentPeakMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0) / 1024
    }
    return 0
}

let server = try LatencyServer.start(latencyMilliseconds: Int(latency / 1_000_000), page: page)
let port = server.port

let hosts = (1...hostCount).map { "h\($0).bench.test" }
var configuration = FetchConfiguration(concurrency: hostCount * 2, perHostConcurrency: 2)
configuration.perHostDelay = 0
configuration.respectRobots = false
configuration.resolve = hosts.map { "\($0):\(port):127.0.0.1" }
let urls = hosts.flatMap { host in (1...documentsPerHost).map { "http://\(host):\(port)/doc/\(host)/\($0)" } }
let bound = Double(documentsPerHost) * Double(latency) / 1e9 / Double(configuration.perHostConcurrency)

let fetcher = Fetcher(configuration: configuration)
let started = Date()
let first = await fetcher.fetch(urls)
let elapsed = Date().timeIntervalSince(started)
let failures = first.filter { $0.failure != nil }.count
let firstBytes = first.reduce(0) { $0 + $1.bytesReceived }
print("documents: \(urls.count) on \(hostCount) host names, \(Int(latency / 1_000_000)) ms latency, \(configuration.perHostConcurrency) per host, no per-host delay")
print(String(format: "wall time: %.2f s; bound max(documents per host × latency) / per-host concurrency = %.2f s; ratio %.2f (target <= 1.30)", elapsed, bound, elapsed / bound))
print(String(format: "requests per second: %.0f; failures: %d", Double(urls.count) / elapsed, failures))

// Nothing changed: conditional requests from the first run's ETags.
let validators = Dictionary(uniqueKeysWithValues: first.compactMap { record in
    record.headers["etag"].map { (record.requestedURL, Fetcher.Validators(etag: $0, lastModified: nil)) }
})
let second = await fetcher.fetch(urls, validators: validators)
let secondBytes = second.reduce(0) { $0 + $1.bytesReceived }
let notModified = second.filter { $0.httpStatus == 304 }.count
print(String(format: "rerun with nothing changed: %d of %d answered 304; bytes received %d against %d (%.1f%%, target <= 5%%)",
    notModified, urls.count, secondBytes, firstBytes, 100 * Double(secondBytes) / Double(max(firstBytes, 1))))
print(String(format: "peak RSS: %.0f MB (target < 150 MB)", residentPeakMB()))
server.stop()
