@testable import Extractor
import Foundation
import InputFiles
import SovereigntyModel
import Testing
import TestSupport

/// The hosting-chain table the 2024 HDS framework asks hosts to publish: one row per actor, read as that actor's own
/// statement (requirements 29 and 30), each fact quoting its row.
@Suite struct ChainDisclosureTests {
    let extractor: Extractor

    init() throws {
        extractor = Extractor(catalog: try ProviderList.load(path: Fixtures.providers))
    }

    func findings(_ html: String) -> DocumentFindings {
        extractor.extract(html: Data(html.utf8), charset: "utf-8", url: "http://127.0.0.1/chaine", fetchedAt: "2026-11-22T03:00:00Z")
    }

    static func page(header: String, rows: [String]) -> String {
        """
        <html><body><h1>Hébergement des données de santé</h1>
        <p>Conformément au référentiel de certification HDS, voici les acteurs de notre chaîne d'hébergement.</p>
        <table>\(header)\(rows.joined())</table>
        <h2>Cookies</h2><table><tr><th>Nom</th><th>Finalité</th><th>Durée</th></tr>
        <tr><td>_ga</td><td>Mesure d'audience sur nos serveurs</td><td>13 mois</td></tr></table>
        </body></html>
        """
    }

    static let rows = [
        "<tr><td>Nuvéa Santé SAS</td><td>Hébergeur infogéreur de l'application</td><td>Oui</td><td>Oui</td><td>Non</td><td>Non</td></tr>",
        "<tr><td>Amazon Web Services EMEA SARL</td><td>Infrastructure physique, sauvegardes</td><td>Oui</td><td>Non</td><td>Non</td><td>Non</td></tr>",
        "<tr><td>Coffre Numérique SAS</td><td>Gestion des clés de chiffrement</td><td>Non</td><td>Non</td><td>Oui</td><td>En cours d'évaluation</td></tr>",
    ]

    @Test(arguments: [
        // Header cells as <th>, and as an ordinary first row.
        "<tr><th>Acteur</th><th>Rôle dans la chaîne</th><th>Certifié HDS</th><th>Qualifié SecNumCloud</th><th>Accès aux données depuis un pays hors EEE</th><th>Exposé à une législation extra-européenne</th></tr>",
        "<tr><td>Acteur</td><td>Rôle dans la chaîne</td><td>Certifié HDS</td><td>Qualifié SecNumCloud</td><td>Accès aux données depuis un pays hors EEE</td><td>Exposé à une législation extra-européenne</td></tr>",
    ])
    func eachRowIsItsActorsOwnStatement(header: String) throws {
        let result = findings(Self.page(header: header, rows: Self.rows))
        let byName = Dictionary(result.hosts.map { ($0.providerID ?? $0.asWritten, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(byName.keys) == ["Nuvéa Santé SAS", "aws", "Coffre Numérique SAS"])

        let operatorRow = try #require(byName["Nuvéa Santé SAS"])
        #expect(operatorRow.roles == [.application])
        #expect(operatorRow.chainDisclosure?.accessOutsideEEA == false)
        #expect(operatorRow.chainDisclosure?.exposedToThirdCountryLaw == false)

        let aws = try #require(byName["aws"])
        #expect(aws.roles == [.backup])
        #expect(aws.chainDisclosure?.exposedToThirdCountryLaw == false)
        // The quote is the row, cell by cell.
        #expect(aws.chainDisclosure?.evidence.quote == "Amazon Web Services EMEA SARL | Infrastructure physique, sauvegardes | Oui | Non | Non | Non")
        #expect(aws.evidence.map(\.quote) == [aws.chainDisclosure?.evidence.quote])

        let keys = try #require(byName["Coffre Numérique SAS"])
        #expect(keys.roles == [.encryptionKeys])
        #expect(keys.chainDisclosure?.accessOutsideEEA == true)
        #expect(keys.chainDisclosure?.exposedToThirdCountryLaw == nil, "an answer that is neither yes nor no states nothing")

        // HDS where a row says so; SecNumCloud claimed by one row and denied by the others; the exposure one row admits.
        #expect(result.hds.contains { $0.providerIDs == ["aws"] })
        #expect(result.hds.filter { $0.evidence.quote.contains(" | ") }.count == 2, "a row that answers no is no HDS statement")
        #expect(result.secNumCloud.filter { $0.kind == .claimed }.count == 1)
        #expect(result.secNumCloud.filter { $0.kind == .denied }.count == 2)
        #expect(result.exposureDisclosures.isEmpty)
    }

    @Test func anAdmittedExposureIsADisclosure() throws {
        let header = "<tr><th>Prestataire</th><th>Activités</th><th>Exposition à des lois de pays tiers</th></tr>"
        let result = findings(Self.page(header: header, rows: ["<tr><td>Amazon Web Services EMEA SARL</td><td>Hébergement</td><td>Oui (droit américain)</td></tr>"]))
        let aws = try #require(result.hosts.first)
        #expect(aws.providerID == "aws" && aws.chainDisclosure?.exposedToThirdCountryLaw == true)
        #expect(result.exposureDisclosures.map(\.quote) == ["Amazon Web Services EMEA SARL | Hébergement | Oui (droit américain)"])
    }

    /// A table that asks neither question is not one: a cookie table names no host, whatever its cells say.
    @Test func aTableWithoutTheQuestionsIsNotADisclosure() {
        let header = "<tr><th>Acteur</th><th>Rôle</th><th>Durée</th></tr>"
        let result = findings(Self.page(header: header, rows: ["<tr><td>Nuvéa Santé SAS</td><td>Mesure d'audience</td><td>13 mois</td></tr>"]))
        #expect(result.hosts.allSatisfy { $0.chainDisclosure == nil })
    }

    @Test(arguments: [
        ("Oui", true), ("yes", true), ("Certifié", true), ("✓", true), ("Non", false), ("Non exposé", false), ("Aucun accès", false),
        ("No", false), ("En cours", nil), ("—", nil), ("Sur demande motivée", nil),
    ] as [(String, Bool?)])
    func answersAreReadAsYesNoOrNothing(cell: String, expected: Bool?) {
        #expect(DisclosureTable.answer(cell) == expected)
    }
}
