@testable import Extractor
import Foundation
import Testing

/// Legal texts converted from PDF put each printed line in a paragraph: a paragraph that ends mid-sentence and is
/// followed by one starting in lower case is one block; anything else keeps its paragraphs apart.
@Suite struct ContinuedParagraphTests {
    private func texts(_ body: String) -> [String] {
        HTMLTextReader.blocks(html: Data("<html><body>\(body)</body></html>".utf8), charset: "utf-8", keepAllText: true)
            .filter { !$0.isHeading }.map(\.text)
    }

    /// A line long enough to be a printed one, without closing punctuation.
    private let line = "Les données des patients sont conservées pendant la durée du suivi et"

    @Test func aSentenceCutIntoPrintedLinesIsOneBlock() {
        let blocks = texts(
            "<p>Pour des raisons pratiques, certains de nos prestataires sont situés</p>\n"
                + "<div><p>en dehors de l'Union européenne, notamment aux États-Unis, et les</p></div>\n"
                + "<p>échanges sont encadrés par des clauses types.</p>\n"
                + "<p>Une autre phrase commence ici, avec sa majuscule et son point.</p>")
        #expect(
            blocks == [
                "Pour des raisons pratiques, certains de nos prestataires sont situés en dehors de l'Union européenne, notamment aux États-Unis, et les échanges sont encadrés par des clauses types.",
                "Une autre phrase commence ici, avec sa majuscule et son point.",
            ])
    }

    @Test func closedSentencesLabelsCapitalsAndShortLinesStayApart() {
        let paragraphs = [
            "Le site est édité par une société anonyme au capital de dix euros.", "et la suite commence en minuscule ici.",
            "Le site est hébergé par le prestataire suivant :", "exemple hébergement sas, 1 rue de la Paix, Paris",
            "Les données de santé sont hébergées chez un hébergeur certifié", "Hébergeur Exemple SAS, 2 avenue de la Gare",
            "Hébergeur", "nom de l'hébergeur en minuscules",
        ]
        #expect(texts(paragraphs.map { "<p>\($0)</p>" }.joined()) == paragraphs)
        // Indentation is no text: a short label stays a label however it is laid out.
        #expect(texts("<p>Hébergeur\n                                   </p><p>nom de l'hébergeur</p>") == ["Hébergeur", "nom de l'hébergeur"])
    }

    @Test func aLineBreakAnEmptyParagraphOrAnotherBlockEndsTheParagraph() {
        #expect(texts("<p>\(line)<br></p><p>suivi de texte.</p>") == [line, "suivi de texte."])
        #expect(texts("<p>\(line)</p><p></p><p>suivi de texte.</p>") == [line, "suivi de texte."])
        #expect(texts("<p>\(line)</p><footer>suivi de texte.</footer>") == [line, "suivi de texte."])
        #expect(texts("<p>\(line)</p><section><p>suivi de texte.</p></section>") == [line, "suivi de texte."])
        #expect(texts("<p>\(line)</p><h2>un titre</h2><p>suivi de texte.</p>") == [line, "suivi de texte."])
    }

    @Test func textTheReaderSkipsEndsTheParagraph() {
        #expect(texts("<p>\(line)</p><p style=\"display:none\">caché</p><p>suivi de texte.</p>") == [line, "suivi de texte."])
        #expect(texts("<p>\(line)</p><script>var x = 1;</script><p>suivi de texte.</p>") == [line, "suivi de texte."])
    }

    @Test func listMarkersItemsCellsAndBoldLinesAreNeverJoined() {
        #expect(texts("<p>\(line)</p><p>a) un premier cas prévu par la loi.</p>") == [line, "a) un premier cas prévu par la loi."])
        let blocks = texts(
            "<ul><li>Un premier élément de liste sans point final et assez long</li><li>un second élément qui commence en minuscule</li></ul>"
                + "<p><strong>Un titre en gras sans point final mais assez long pour compter</strong></p><p>suivi d'un paragraphe en minuscule.</p>"
                + "<p>\(line)</p><p><strong>suivi</strong> d'un paragraphe qui commence en gras.</p>")
        #expect(blocks.contains("Un premier élément de liste sans point final et assez long"))
        #expect(blocks.contains("un second élément qui commence en minuscule"))
        #expect(blocks.contains("suivi d'un paragraphe en minuscule."))
        #expect(blocks.contains(line))
    }
}
