import Extractor
import Foundation
import InputFiles
import PDFText
import Scorecard
import SovereigntyModel

/// Measures the extractor and the rubric on real legal pages kept outside the repository (`../shared/corpus-real`)
/// against labels of facts (`Tests/Accuracy/Real`): precision and recall per field and per set (`health`, `france`),
/// every platform's level, and every quote that is not in its page.
public struct RealAccuracyJob: Sendable {
    public struct SetReport: Sendable {
        public var name: String
        public var documents: Int
        public var fields: [AccuracyJob.FieldScore]
        /// Platforms whose level is labelled, and how many the rubric gets right.
        public var platforms: Int
        public var levelsRight: Int
        public var quotes: Int
        /// Quotes not found in their page's text, as "path: quote".
        public var quotesNotVerbatim: [String]
        public var misses: [String]

        public func field(_ name: String) -> AccuracyJob.FieldScore {
            fields.first { $0.field == name } ?? AccuracyJob.FieldScore(field: name)
        }
    }

    public struct Report: Sendable {
        public var sets: [SetReport]

        public var text: String {
            var lines: [String] = []
            for set in sets {
                lines.append("== \(set.name): \(set.documents) labelled documents")
                lines += AccuracyJob.FieldScore.table(set.fields)
                if set.platforms > 0 { lines.append("levels right: \(set.levelsRight) / \(set.platforms)") }
                lines.append("quotes not in their page: \(set.quotesNotVerbatim.count) of \(set.quotes)")
                lines += set.quotesNotVerbatim.map { "  ! \($0)" }
                lines.append(set.misses.isEmpty ? "no misses" : "misses:")
                lines += set.misses.map { "  - \($0)" }
                lines.append("")
            }
            return lines.joined(separator: "\n")
        }
    }

    static let fields = ["hosts", "roles", "hds", "secNumCloud", "dataLocation", "exposure"]

    public var corpus: String
    public var labels: String
    public var providersPath: String
    public var registriesPath: String
    /// The day certifications are judged on.
    public var day: String

    public init(corpus: String, labels: String, providersPath: String, registriesPath: String, day: String) {
        self.corpus = corpus
        self.labels = labels
        self.providersPath = providersPath
        self.registriesPath = registriesPath
        self.day = day
    }

    public func run() throws(PipelineError) -> Report {
        let set: RealLabelSet
        do { set = try RealLabelSet.load(directory: labels) } catch {
            throw PipelineError(step: .loadInputs, message: error.description, isInputError: true)
        }
        let catalog = try AccuracyJob.catalog(providers: providersPath, registries: registriesPath)
        guard FileManager.default.fileExists(atPath: corpus) else {
            throw PipelineError(step: .loadInputs, url: corpus, message: "no corpus folder here (see ../shared/corpus-real/README.md)", isInputError: true)
        }
        let reader = DocumentReader(extractor: Extractor(catalog: catalog))
        let grader = Grader(catalog: catalog, day: day)
        var reports: [SetReport] = []
        for name in Array(Set(set.documents.map(\.set))).sorted() {
            let documents = set.documents.filter { $0.set == name }
            var tally = Tally()
            var quotes = 0
            var notVerbatim: [String] = []
            var snapshots: [String: [DocumentSnapshot]] = [:]
            for label in documents {
                let path = "\(corpus)/\(label.path)"
                guard FileManager.default.fileExists(atPath: path) else {
                    throw PipelineError(step: .loadInputs, url: path, message: "labelled, but not in the corpus", isInputError: true)
                }
                let record = ExtractJob.readFile(path)
                var snapshot = reader.read(DocumentReference(url: record.requestedURL, kind: .other), fetch: record)
                // The health set's pages are health services'; the others' users' data are not health data.
                snapshot.findings = snapshot.findings?.read(as: name == "health" ? .health : .other)
                snapshots[label.platform, default: []].append(snapshot)
                let findings = snapshot.findings ?? DocumentFindings()
                compare(label, snapshot: snapshot, grader: grader, into: &tally)
                let page = VerbatimCheck(pageText: Self.pageText(record))
                for quote in findings.quotes {
                    quotes += 1
                    if !page.contains(quote) { notVerbatim.append("\(label.path): «\(quote)»") }
                }
            }
            var platforms = 0
            var right = 0
            for (folder, level) in set.levels.filter({ $0.key.hasPrefix(name + "/") }).sorted(by: { $0.key < $1.key }) {
                platforms += 1
                let platform = Platform(
                    id: (folder as NSString).lastPathComponent, name: folder, category: "label", operator: "—",
                    website: "https://label.invalid", documents: [])
                let card = grader.grade(platform, documents: snapshots[folder] ?? [])
                if card.level.rawValue == level {
                    right += 1
                } else {
                    tally.note("\(folder): level: expected \(level), graded \(card.level.rawValue) (\(card.levelReasons.joined(separator: " ")))")
                }
            }
            reports.append(
                SetReport(
                    name: name, documents: documents.count, fields: tally.fields(Self.fields), platforms: platforms, levelsRight: right,
                    quotes: quotes, quotesNotVerbatim: notVerbatim, misses: tally.misses))
        }
        return Report(sets: reports)
    }

    private func compare(_ label: RealLabelSet.Document, snapshot: DocumentSnapshot, grader: Grader, into tally: inout Tally) {
        let findings = snapshot.findings ?? DocumentFindings()
        let expected = Set(label.hosts.map(\.key))
        // An unknown provider is written in many ways ("X", "X SAS", "la société X"): one name inside the other counts.
        func key(_ host: HostFinding) -> String {
            let found = host.identityKey
            guard host.providerID == nil else { return found }
            let name = CompanyNames.comparable(host.asWritten)
            return expected.first { candidate in
                guard candidate.hasPrefix("written:") else { return false }
                let labelled = CompanyNames.comparable(String(candidate.dropFirst("written:".count)))
                return !labelled.isEmpty && !name.isEmpty && (labelled.contains(name) || name.contains(labelled))
            } ?? found
        }
        let page = label.path
        tally.count("hosts", page, expected: expected, found: Set(findings.hosts.map(key)))
        tally.count(
            "roles", page, expected: Set(label.hosts.flatMap { host in host.roles.map { "\(host.key) \($0.rawValue)" } }),
            found: Set(findings.hosts.flatMap { host in host.roles.map { "\(key(host)) \($0.rawValue)" } }))
        let platform = Platform(id: "label", name: page, category: "label", operator: "—", website: "https://label.invalid", documents: [])
        let card = grader.grade(platform, documents: [snapshot])
        tally.count("hds", page, expected: Tally.status(label.hds), found: Tally.status(card.hds.status))
        tally.count("secNumCloud", page, expected: Tally.status(label.secNumCloud), found: Tally.status(Tally.pageSecNumCloud(findings)))
        tally.count("dataLocation", page, expected: Set(label.dataLocation.map(\.rawValue)), found: Set(findings.dataLocations.map(\.location.rawValue)))
        tally.count("exposure", page, expected: Tally.flag(label.exposureDisclosed), found: Tally.flag(!findings.exposureDisclosures.isEmpty))
    }

    /// The text a quote of this page must be found in: every text node of an HTML page; for a PDF, both of
    /// pdftotext's readings (reading order and layout, where table rows come from).
    static func pageText(_ record: FetchRecord) -> String {
        if PDFTextConverter.isPDF(record.body, contentType: record.contentType ?? "") {
            let converter = PDFTextConverter()
            return [false, true].compactMap { try? converter.text(from: record.body, layout: $0).get() }.joined(separator: "\n")
        }
        return PageText.of(html: record.body, charset: record.charset)
    }
}

/// Whether a quote is the page's own words: compared without white space (a sentence split by inline tags or line
/// breaks is still verbatim), each cell of a table row (" | ") on its own. A PDF sentence that runs on to the next
/// page is verbatim when its two parts are, with only the page's footer and the next one's header between them.
struct VerbatimCheck {
    private let text: [Unicode.Scalar]
    private let joined: String
    /// A page break (form feed), kept through the squeezing as a marker.
    private static let pageBreak = Unicode.Scalar(0)
    /// The most page furniture (footer, page number, header) a sentence crossing pages may skip, squeezed.
    private static let furniture = 400

    init(pageText: String) {
        joined = Self.squeezed(pageText.replacingOccurrences(of: "\u{0C}", with: "\u{0}"))
        text = Array(joined.unicodeScalars)
    }

    func contains(_ quote: String) -> Bool {
        quote.components(separatedBy: " | ").allSatisfy { cell in
            let squeezed = Self.squeezed(cell)
            return squeezed.isEmpty || joined.contains(squeezed) || crossesPage(Array(squeezed.unicodeScalars))
        }
    }

    /// The quote's head ends a page's text and its tail starts the next page's, a little furniture apart.
    private func crossesPage(_ quote: [Unicode.Scalar]) -> Bool {
        let breaks = text.indices.filter { text[$0] == Self.pageBreak }
        for split in stride(from: quote.count - 1, to: 0, by: -1) {
            let head = quote[..<split]
            let tail = quote[split...]
            for pageBreak in breaks {
                let before = text[max(0, pageBreak - Self.furniture - head.count)..<pageBreak]
                let after = text[(pageBreak + 1)..<min(text.count, pageBreak + 1 + Self.furniture + tail.count)]
                if Self.find(head, in: before), Self.find(tail, in: after) { return true }
            }
        }
        return false
    }

    private static func find(_ needle: ArraySlice<Unicode.Scalar>, in haystack: ArraySlice<Unicode.Scalar>) -> Bool {
        guard needle.count <= haystack.count else { return false }
        var start = haystack.startIndex
        while start + needle.count <= haystack.endIndex {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace && !ignorable.contains($0.value) }))
    }

    /// Invisible characters that pages put inside words (soft hyphen, zero-width spaces and joiners, BOM).
    private static let ignorable: Set<UInt32> = [0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
}

extension DocumentFindings {
    /// Every quote printed for this document.
    var quotes: [String] {
        hosts.flatMap { $0.evidence.map(\.quote) } + hds.map(\.evidence.quote) + secNumCloud.map(\.evidence.quote) + zeroKnowledge.map(\.quote)
            + dataLocations.map(\.evidence.quote) + exposureDisclosures.map(\.quote)
    }
}

/// Company names reduced for comparison: lower case, accents, punctuation and legal forms dropped.
enum CompanyNames {
    static let legalForms: Set<String> = [
        "sas", "sasu", "sa", "sarl", "eurl", "inc", "llc", "ltd", "limited", "gmbh", "ag", "bv", "nv", "plc", "srl", "spa", "sl",
        "corp", "corporation", "company", "co", "la", "le", "les", "societe", "group", "groupe",
    ]

    static func comparable(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(words).split(separator: " ").filter { !legalForms.contains(String($0)) }.joined(separator: " ")
    }
}
