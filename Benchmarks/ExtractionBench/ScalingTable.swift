import Extractor
import Foundation
import PDFText
import TestSupport

/// Extraction time against input size (1×, 2×, 4×, 8×) for a normal page, a page dense in provider mentions and a long
/// text PDF, with each time's ratio to 1× and that ratio over the scale: linear work keeps the last column near 1, and
/// super-linear growth shows as a column that climbs (issue 15: quadratic PDF assembly, quadratic mentions per block).
struct ScalingTable {
    let extractor: Extractor
    let pdf = PDFTextConverter()
    static let scales = [1, 2, 4, 8]

    enum Kind {
        case html
        /// As the pipeline reads a PDF: one run of `pdftotext` for the word boxes (prose and tables), then the rules.
        case pdf
        /// The reading of the boxes and the rules alone, on what `pdftotext` gave before the clock started.
        case pdfRules
    }

    struct Input {
        var name: String
        var kind: Kind
        /// The document at a scale.
        var make: (Int) -> Data
    }

    /// - Parameter normalPage: a legal page of about the given size in bytes.
    func inputs(normalPage: @escaping (Int) -> Data) -> [Input] {
        let mentions = { (scale: Int) in Data(("<p>" + String(repeating: "hébergé chez Amazon Web Services, ", count: 1_000 * scale)).utf8) }
        return [
            Input(name: "normal page", kind: .html, make: { normalPage(100_000 * $0) }),
            Input(name: "mention-dense page", kind: .html, make: mentions),
            Input(name: "long text PDF", kind: .pdf, make: { TextPDF.make(pages: 25 * $0) }),
            Input(name: "  its rules alone", kind: .pdfRules, make: { TextPDF.make(pages: 25 * $0) }),
        ]
    }

    /// Wall time (a PDF's time is mostly `pdftotext`'s, in a process of its own), the best of three runs.
    func time(_ input: Input, _ body: Data) -> Double {
        let converted = input.kind == .pdfRules ? try? pdf.boxes(from: body).get() : nil
        return (0..<3).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            switch input.kind {
            case .html:
                _ = extractor.extract(html: body, charset: "utf-8", url: "http://127.0.0.1/doc", fetchedAt: "2026-11-22T03:00:00Z")
            case .pdf:
                if case .success(let boxes) = pdf.boxes(from: body) { rules(boxes) }
            case .pdfRules:
                if let converted { rules(converted) }
            }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.min()!
    }

    private func rules(_ boxes: String) {
        _ = extractor.extract(pdfBoxes: boxes, url: "http://127.0.0.1/doc.pdf", fetchedAt: "2026-11-22T03:00:00Z")
    }

    func run(normalPage: @escaping (Int) -> Data) {
        print("time against size (wall time, best of 3; ratio to 1×, and that ratio over the scale: about 1 when linear)")
        print("  document             scale      size      time   ratio  ÷ scale     MB/s")
        for input in inputs(normalPage: normalPage) {
            var first: Double?
            for scale in Self.scales {
                let body = input.make(scale)
                let seconds = time(input, body)
                let base = first ?? seconds
                first = base
                print(
                    String(
                        format: "  %@ %4d×  %7.0f KB  %8.3f s  %6.2f  %7.2f  %7.1f", input.name.padding(toLength: 20, withPad: " ", startingAt: 0), scale,
                        Double(body.count) / 1000, seconds, seconds / base, seconds / base / Double(scale), Double(body.count) / 1e6 / seconds))
            }
        }
    }
}
