import Extractor
import Foundation
import PDFText
import SovereigntyModel

/// The extract step for one fetched document: decides whether the body can be read, then extracts, within the
/// document's budget (time, `pdftotext` included, and text size): past it, the document fails with that reason.
public struct DocumentReader: Sendable {
    let extractor: Extractor
    let pdf: PDFTextConverter
    let budget: DocumentBudget

    public init(extractor: Extractor, pdf: PDFTextConverter = PDFTextConverter(), budget: DocumentBudget = DocumentBudget()) {
        self.extractor = extractor
        self.pdf = pdf
        self.budget = budget
    }

    /// Below this much visible text, a page that carries scripts is an empty shell that needs JavaScript.
    static let shellTextLength = 200

    public func read(_ reference: DocumentReference, fetch: FetchRecord) -> DocumentSnapshot {
        guard fetch.succeeded else { return DocumentSnapshot(reference: reference, fetch: fetch, findings: nil) }
        let meter = budget.start()
        func overBudget(_ exceeded: DocumentBudget.Exceeded) -> DocumentSnapshot {
            DocumentSnapshot(reference: reference, fetch: fetch, findings: nil, readFailure: exceeded.failure)
        }
        let type = fetch.contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let fetchedAt = Timestamp.string(fetch.fetchedAt)
        if PDFTextConverter.isPDF(fetch.body, contentType: type) {
            let textCap = budget.maximumTextBytes
            // One run of pdftotext: the word positions give the prose and the tables. The XHTML around every word
            // is some twenty times the text, so the cap on the text stops it at twenty times.
            let boxCap = textCap > Int.max / 20 ? Int.max : textCap * 20
            switch pdf.boxes(from: fetch.body, timeout: meter.remaining, maximumBytes: boxCap) {
            case .success(let boxes):
                do {
                    let findings = try extractor.extract(pdfBoxes: boxes, url: fetch.finalURL, fetchedAt: fetchedAt, budget: meter)
                    return DocumentSnapshot(reference: reference, fetch: fetch, findings: findings)
                } catch {
                    return overBudget(error)
                }
            case .failure(.timedOut(let seconds)) where seconds < pdf.timeout:
                return overBudget(.time(limit: budget.seconds))
            case .failure(.tooMuchText):
                return overBudget(.text(bytes: nil, limit: textCap))
            case .failure(let failure):
                let reason: FetchFailure.Reason = if case .timedOut = failure { .timeout } else { .unsupportedContent }
                return DocumentSnapshot(
                    reference: reference, fetch: fetch, findings: nil, readFailure: FetchFailure(reason: reason, message: failure.description))
            }
        }
        guard Self.isHTML(type) else {
            return DocumentSnapshot(
                reference: reference, fetch: fetch, findings: nil,
                readFailure: FetchFailure(reason: .unsupportedContent, message: "content type '\(type)' is neither HTML nor PDF"))
        }
        let html = fetch.rendered ?? fetch.body
        let findings: DocumentFindings
        do {
            findings = try extractor.extract(
                html: html, charset: fetch.rendered == nil ? fetch.charset : "UTF-8", url: fetch.finalURL, fetchedAt: fetchedAt, budget: meter)
        } catch {
            return overBudget(error)
        }
        if findings.textLength < Self.shellTextLength && findings.hosts.isEmpty && Self.carriesScripts(html) {
            return DocumentSnapshot(
                reference: reference, fetch: fetch, findings: nil,
                readFailure: FetchFailure(
                    reason: .needsJavaScript,
                    message: "the page has almost no text without JavaScript (\(findings.textLength) characters)"
                        + (reference.render == .browser ? "" : "; mark it render: browser in platforms.yml")))
        }
        return DocumentSnapshot(reference: reference, fetch: fetch, findings: findings)
    }

    static func isHTML(_ type: String) -> Bool {
        type.isEmpty || type == "text/html" || type == "application/xhtml+xml" || type == "text/plain"
    }

    private static func carriesScripts(_ body: Data) -> Bool {
        body.range(of: Data("<script".utf8)) != nil || body.range(of: Data("<SCRIPT".utf8)) != nil
    }
}
