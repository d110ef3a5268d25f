import Extractor
import Fetcher
import Foundation
import InputFiles
import SovereigntyModel

/// `sovereignty extract`: the findings of single pages, files or URLs, for people checking a result.
public struct ExtractJob: Sendable {
    public struct Report: Sendable, Encodable {
        public var input: String
        public var url: String
        public var status: String
        @NullEncoded public var error: String?
        @NullEncoded public var findings: DocumentFindings?

    }

    public var providersPath: String
    public var fetch: FetchConfiguration

    public init(providersPath: String, fetch: FetchConfiguration = FetchConfiguration()) {
        self.providersPath = providersPath
        self.fetch = fetch
    }

    public func run(_ inputs: [String]) async throws(PipelineError) -> [Report] {
        let catalog: ProviderCatalog
        do { catalog = try ProviderList.load(path: providersPath) } catch {
            throw PipelineError(step: .loadInputs, message: error.description, isInputError: true)
        }
        let reader = DocumentReader(extractor: Extractor(catalog: catalog))
        let inputs = inputs.flatMap(Self.expand)
        let urls = inputs.filter(Self.isURL)
        let fetched = Dictionary(zip(urls, await Fetcher(configuration: fetch).fetch(urls)), uniquingKeysWith: { first, _ in first })
        return inputs.map { input in
            let record = fetched[input] ?? Self.readFile(input)
            let snapshot = reader.read(DocumentReference(url: record.requestedURL, kind: .other), fetch: record)
            return Report(
                input: input, url: record.finalURL, status: snapshot.failure == nil ? "ok" : snapshot.failure!.reason.rawValue,
                error: snapshot.failure?.message, findings: snapshot.findings)
        }
    }

    /// A folder stands for the pages inside it (HTML and PDF, recursively, in name order).
    static func expand(_ input: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard !isURL(input), FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue,
            let walker = FileManager.default.enumerator(atPath: input)
        else { return [input] }
        let pages = walker.compactMap { $0 as? String }.filter { path in
            ["html", "htm", "xhtml", "pdf"].contains((path as NSString).pathExtension.lowercased())
        }
        return pages.sorted().map { "\(input)/\($0)" }
    }

    static func isURL(_ input: String) -> Bool {
        let lower = input.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// A saved page read from disk, attributed to its absolute path and dated by its modification time.
    static func readFile(_ path: String) -> FetchRecord {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        guard let data = FileManager.default.contents(atPath: path) else {
            return FetchRecord(
                requestedURL: url.absoluteString, finalURL: url.absoluteString, fetchedAt: modified,
                failure: FetchFailure(reason: .invalidURL, message: "cannot read file '\(path)'"))
        }
        let type = path.lowercased().hasSuffix(".pdf") ? "application/pdf" : "text/html"
        return FetchRecord(
            requestedURL: url.absoluteString, finalURL: url.absoluteString, contentType: type, body: data, fetchedAt: modified)
    }

    /// Findings as a reader wants them in a terminal, each quote with the rule that read it, so that whoever sees a
    /// wrong finding knows which rule to fix without asking for JSON.
    public static func describe(_ report: Report) -> String {
        var lines = ["== \(report.input)"]
        guard let findings = report.findings else {
            lines.append("   \(report.status): \(report.error ?? "")")
            return lines.joined(separator: "\n")
        }
        func quote(_ evidence: Evidence) -> String {
            "      « \(evidence.quote) »" + (evidence.section.map { " [\($0)]" } ?? "") + (evidence.rule.map { " (rule \($0))" } ?? "")
        }
        lines.append("   hosts: \(findings.hosts.count)")
        for host in findings.hosts {
            lines.append("   - \(host.asWritten) → \(host.providerID ?? "unknown provider") (\(host.roles.map(\.rawValue).joined(separator: ", ")))")
            lines.append(contentsOf: host.evidence.map(quote))
        }
        for mention in findings.hds { lines.append("   HDS (\(mention.namesHost ? "host named" : "host not named")):\n" + quote(mention.evidence)) }
        for mention in findings.secNumCloud { lines.append("   SecNumCloud \(mention.kind.rawValue):\n" + quote(mention.evidence)) }
        for evidence in findings.zeroKnowledge { lines.append("   zero-knowledge / end-to-end:\n" + quote(evidence)) }
        for mention in findings.dataLocations { lines.append("   location \(mention.location.rawValue):\n" + quote(mention.evidence)) }
        for evidence in findings.exposureDisclosures { lines.append("   exposure disclosed:\n" + quote(evidence)) }
        return lines.joined(separator: "\n")
    }
}
