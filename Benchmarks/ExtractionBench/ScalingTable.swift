import Extractor
import Foundation
import PDFText
import TestSupport

/// Extraction time against input size (1×, 2×, 4×, 8×) for a normal page, a page dense in provider mentions and a long
/// text PDF, with each time's ratio to 1×: linear work doubles with the size, so a ratio well past the scale shows
/// super-linear growth (issue 15: quadratic PDF assembly, quadratic mentions per block).
struct ScalingTable {
    let extractor: Extractor
    let pdf = PDFTextConverter()
    static let scales = [1, 2, 4, 8]

    struct Input {
        var name: String
        /// The document at a scale, and its content type.
        var make: (Int) -> Data
        var isPDF = false
    }

    /// - Parameter normalPage: a legal page of about the given size in bytes.
    func inputs(normalPage: @escaping (Int) -> Data) -> [Input] {
        [
            Input(name: "normal page", make: { normalPage(100_000 * $0) }),
            Input(name: "mention-dense page", make: { Data(("<p>" + String(repeating: "hébergé chez Amazon Web Services, ", count: 1_000 * $0)).utf8) }),
            Input(name: "long text PDF", make: { TextPDF.make(pages: 25 * $0) }, isPDF: true),
        ]
    }

    /// Wall time (a PDF's time is mostly `pdftotext`'s, in a process of its own), the best of three runs.
    func time(_ input: Input, _ body: Data) -> Double {
        (0..<3).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            read(input, body)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.min()!
    }

    /// As the pipeline reads the document: for a PDF, its text and word boxes from `pdftotext`, then the rules.
    private func read(_ input: Input, _ body: Data) {
        if input.isPDF {
            guard case .success(let text) = pdf.text(from: body) else { return }
            let boxes = try? pdf.boxes(from: body).get()
            _ = extractor.extract(pdfText: text, layout: nil, boxes: boxes, url: "http://127.0.0.1/doc.pdf", fetchedAt: "2026-11-22T03:00:00Z")
        } else {
            _ = extractor.extract(html: body, charset: "utf-8", url: "http://127.0.0.1/doc", fetchedAt: "2026-11-22T03:00:00Z")
        }
    }

    func run(normalPage: @escaping (Int) -> Data) {
        print("time against size (wall time, best of 3; ratio to 1×: linear work gives 2, 4, 8)")
        print("  document             scale      size      time   ratio")
        for input in inputs(normalPage: normalPage) {
            var first: Double?
            for scale in Self.scales {
                let body = input.make(scale)
                let seconds = time(input, body)
                let base = first ?? seconds
                first = base
                print(
                    String(
                        format: "  %@ %4d×  %7.0f KB  %8.3f s  %6.2f", input.name.padding(toLength: 20, withPad: " ", startingAt: 0), scale,
                        Double(body.count) / 1000, seconds, seconds / base))
            }
        }
    }
}
