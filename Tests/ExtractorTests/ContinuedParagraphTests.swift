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

    @Test func aSentenceCutIntoPrintedLinesIsOneBlock() {
        let blocks = texts(
            "<p>Pour des raisons pratiques, certains de nos prestataires sont situés</p>\n"
                + "<p>en dehors de l'Union européenne, notamment aux États-Unis, et les</p>\n"
                + "<p>échanges sont encadrés par des clauses types.</p>\n"
                + "<p>Une autre phrase commence ici, avec sa majuscule et son point.</p>")
        #expect(
            blocks == [
                "Pour des raisons pratiques, certains de nos prestataires sont situés en dehors de l'Union européenne, notamment aux États-Unis, et les échanges sont encadrés par des clauses types.",
                "Une autre phrase commence ici, avec sa majuscule et son point.",
            ])
    }

    @Test func closedSentencesLabelsAndCapitalsStayApart() {
        // A full stop ends the paragraph; a label ends with a colon; a name starts with a capital; a short line is a label.
        let blocks = texts(
            "<p>Le site est édité par une société anonyme au capital de dix euros.</p><p>et la suite commence en minuscule ici.</p>"
                + "<p>Le site est hébergé par le prestataire suivant :</p><p>exemple hébergement sas, 1 rue de la Paix, Paris</p>"
                + "<p>Les données de santé sont hébergées chez un hébergeur certifié</p><p>Hébergeur Exemple SAS, 2 avenue de la Gare</p>"
                + "<p>Hébergeur</p><p>nom de l'hébergeur en minuscules</p>")
        #expect(blocks.count == 8)
    }

    @Test func listItemsCellsAndBoldLinesAreNeverJoined() {
        let blocks = texts(
            "<ul><li>Un premier élément de liste sans point final et assez long</li><li>un second élément qui commence en minuscule</li></ul>"
                + "<p><strong>Un titre en gras sans point final mais assez long pour compter</strong></p><p>suivi d'un paragraphe en minuscule.</p>")
        #expect(blocks.contains("Un premier élément de liste sans point final et assez long"))
        #expect(blocks.contains("un second élément qui commence en minuscule"))
        #expect(blocks.contains("suivi d'un paragraphe en minuscule."))
    }
}
