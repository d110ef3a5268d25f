import Foundation

/// Writes text PDFs of any length: one `BT … Tj T* … ET` content stream a page, Helvetica, no compression.
///
/// Every line is a full-width sentence ending in a full stop, the shape that once made one paragraph of a whole
/// document; words are drawn from a small vocabulary so that no line repeats (repeated lines are read as running
/// headers and dropped).
public enum TextPDF {
    /// - Parameter closing: a last line, after all the others (ASCII: the font's encoding is not UTF-8).
    public static func make(pages: Int, linesPerPage: Int = 60, closing: String? = nil, seed: UInt64 = 1) -> Data {
        let vocabulary = """
            donnees utilisateurs traitement finalite securite conservation acces rectification opposition portabilite service \
            contrat patient medecin dossier compte courriel adresse consentement duree responsable destinataire mesure garantie \
            registre analyse incident notification delai
            """.split(separator: " ").map(String.init)
        var random = SplitMix(state: seed)
        var objects: [String] = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\((0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " "))] /Count \(pages) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        for page in 0..<pages {
            var stream = "BT /F1 9 Tf 40 800 Td 11 TL\n"
            for _ in 0..<linesPerPage {
                let words = (0..<8).map { _ in random.pick(vocabulary) }.joined(separator: " ")
                stream += "(Le responsable indique que \(words) restent proteges.) Tj T*\n"
            }
            if page == pages - 1, let closing { stream += "(\(closing)) Tj T*\n" }
            stream += "ET"
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * page) 0 R >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }
}
