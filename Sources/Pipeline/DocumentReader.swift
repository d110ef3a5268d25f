import Extractor
import Foundation
import PDFText
import SovereigntyModel

/// The extract step for one fetched document: decides whether the body can be read, then extracts.
public struct DocumentReader: Sendable {
    let extractor: Extractor
    let pdf: PDFTextConverter

    public init(extractor: Extractor, pdf: PDFTextConverter = PDFTextConverter()) {
        self.extractor = extractor
        self.pdf = pdf
    }

    /// Below this much visible text, a page that carries scripts is an empty shell that needs JavaScript.
    static let shellTextLength = 200

    public func read(_ reference: DocumentReference, fetch: FetchRecord) -> DocumentSnapshot {
        guard fetch.succeeded else { return DocumentSnapshot(reference: reference, fetch: fetch, findings: nil) }
        let type = fetch.contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let fetchedAt = Timestamp.string(fetch.fetchedAt)
        if PDFTextConverter.isPDF(fetch.body, contentType: type) {
            switch pdf.text(from: fetch.body) {
            case .success(let text):
                // Tables from word positions; the -layout text only when those cannot be had.
                let boxes = try? pdf.boxes(from: fetch.body).get()
                let layout = boxes == nil ? try? pdf.text(from: fetch.body, layout: true).get() : nil
                let findings = extractor.extract(pdfText: text, layout: layout, boxes: boxes, url: fetch.finalURL, fetchedAt: fetchedAt)
                return DocumentSnapshot(reference: reference, fetch: fetch, findings: findings)
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
        let findings = extractor.extract(html: html, charset: fetch.rendered == nil ? fetch.charset : "UTF-8", url: fetch.finalURL, fetchedAt: fetchedAt)
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
