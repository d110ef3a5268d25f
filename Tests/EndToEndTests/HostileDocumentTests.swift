import Extractor
import Foundation
import InputFiles
import PDFText
import Pipeline
import SovereigntyModel
import Testing
import TestSupport

/// Documents built to make the extract step work for minutes: each one is read in time linear in its size, or given
/// up with its reason.
@Suite struct HostileDocumentTests {
    let reader: DocumentReader

    init() throws {
        reader = DocumentReader(extractor: Extractor(catalog: try ProviderList.load(path: Fixtures.providers)))
    }

    static func record(_ body: Data, contentType: String) -> FetchRecord {
        FetchRecord(
            requestedURL: "http://127.0.0.1/doc", finalURL: "http://127.0.0.1/doc", httpStatus: 200, contentType: contentType, body: body,
            fetchedAt: Date(timeIntervalSince1970: 1_795_000_000))
    }

    /// The reader's time for one document, and what it read.
    func timedRead(_ body: Data, contentType: String) -> (snapshot: DocumentSnapshot, seconds: Double) {
        let reference = DocumentReference(url: "http://127.0.0.1/doc", kind: .privacyPolicy)
        let start = DispatchTime.now().uptimeNanoseconds
        let snapshot = reader.read(reference, fetch: Self.record(body, contentType: contentType))
        return (snapshot, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// 60 full-width lines a page, each ending in a full stop: the shape that made one paragraph of a whole PDF and
    /// rebuilt it line by line (50 pages took 40 s, 200 pages would take ten minutes). Four times the pages must take
    /// well under sixteen times as long; the bound is loose, for a busy machine.
    @Test(.timeLimit(.minutes(1))) func longTextPDFIsReadInLinearTime() throws {
        let closing = "Les donnees de sante sont hebergees par OVH SAS a Roubaix."
        let (small, smallSeconds) = timedRead(TextPDF.make(pages: 50, closing: closing), contentType: "application/pdf")
        let (large, largeSeconds) = timedRead(TextPDF.make(pages: 200, closing: closing), contentType: "application/pdf")
        for snapshot in [small, large] {
            let findings = try #require(snapshot.findings, "\(snapshot.failure?.message ?? "")")
            #expect(findings.hosts.map(\.providerID) == ["ovhcloud"], "the last line of the last page was read")
        }
        #expect(try #require(large.findings).textLength > 3 * (try #require(small.findings).textLength))
        #expect(largeSeconds < 8 * smallSeconds + 2, "50 pages: \(smallSeconds) s, 200 pages: \(largeSeconds) s")
    }

    /// `pdftotext` has a wall-time bound: a program that does not finish in it is stopped, and the document fails
    /// with that reason (a timeout, kept apart from unreadable content) while the night goes on.
    @Test(.timeLimit(.minutes(1))) func pdftotextPastItsTimeIsStopped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let slow = try directory.write("pdftotext", "#!/bin/sh\nexec sleep 30\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow)
        let converter = PDFTextConverter(executable: slow, timeout: 0.5)
        let start = Date()
        let result = converter.text(from: TextPDF.make(pages: 1))
        #expect(Date().timeIntervalSince(start) < 15, "stopped well before the 30 s the program would run")
        #expect(result == .failure(.timedOut(seconds: 0.5)))

        let reader = DocumentReader(extractor: Extractor(catalog: try ProviderList.load(path: Fixtures.providers)), pdf: converter)
        let snapshot = reader.read(
            DocumentReference(url: "http://127.0.0.1/doc", kind: .privacyPolicy), fetch: Self.record(TextPDF.make(pages: 1), contentType: "application/pdf"))
        #expect(snapshot.findings == nil)
        #expect(snapshot.failure?.reason == .timeout)
        #expect(snapshot.failure?.message == "pdftotext ran for more than 0.5 s and was stopped")
    }

    /// What makes a copy stand in for the legal page it was: new words of a maintenance, error, login or consent page,
    /// with most of the text or every host gone; a document that changed, or always had a login link, is still itself.
    @Test func standInPagesAreToldFromChangedDocuments() throws {
        let extractor = Extractor(catalog: try ProviderList.load(path: Fixtures.providers))
        func read(_ html: String) -> DocumentFindings {
            extractor.extract(html: Data(html.utf8), charset: "utf-8", url: "http://127.0.0.1/notice", fetchedAt: "2026-11-22T03:00:00Z")
        }
        let notice = String(decoding: try Fixtures.page("notice-ovh.html"), as: UTF8.self)
        let hosting = "<p>Le site et les données des patients sont hébergés par OVH SAS, 2 rue Kellermann, 59100 Roubaix, dans ses centres de données situés en France.</p>"
        #expect(notice.contains(hosting))
        let good = read(notice)
        #expect(good.hasLegalText && good.placeholderWords.isEmpty && good.hosts.count == 1)

        let maintenance = read(String(decoding: try Fixtures.page("maintenance-footer.html"), as: UTF8.self))
        #expect(maintenance.placeholderWords == [.maintenance])
        #expect(maintenance.standsIn(for: good)?.hasPrefix("the page no longer reads like the legal page it was: it reads like a maintenance page and lost") == true)
        #expect(maintenance.standsIn(for: maintenance) == nil, "compared with itself, nothing was lost")

        let errorPage = read("<h1>Page introuvable</h1><p>Erreur 404.</p><footer><p>Mentions légales · Cookies</p></footer>")
        #expect(errorPage.standsIn(for: good)?.contains("an error page") == true)
        let bare = read("<h1>Maintenance en cours</h1><p>Merci de votre patience.</p>")
        #expect(bare.standsIn(for: good) == "the page no longer reads like a legal page (maintenance, login or error page?)")

        // The host paragraph gone, nothing of a stand-in page in its place: a changed document, graded as it reads.
        #expect(read(notice.replacingOccurrences(of: hosting, with: "")).standsIn(for: good) == nil)
        // A login link the page always had is no new word; a login wall that took the text is.
        let withLink = notice.replacingOccurrences(of: "Se connecter</a>", with: "Se connecter</a> · <a href=\"/oubli\">Mot de passe oublié ?</a>")
        #expect(read(withLink.replacingOccurrences(of: hosting, with: "")).standsIn(for: read(withLink)) == nil)
        let loginWall = read("<h1>Connexion</h1><p>Identifiez-vous pour accéder au service.</p><p>Mot de passe oublié ?</p><footer><p>Mentions légales · Cookies</p></footer>")
        #expect(loginWall.standsIn(for: good)?.contains("a login page and lost") == true)
    }
}
