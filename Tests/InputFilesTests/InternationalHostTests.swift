import Foundation
import InputFiles
import SovereigntyModel
import Testing

/// International domain names: converted to their ASCII form at input, since libcurl converts them only in a UTF-8
/// locale (a cron job's C locale made them fail at fetch with "URL using bad/illegal format"), or refused with file:line.
@Suite struct InternationalHostTests {
    /// RFC 3492's own samples (section 7.1) and common European names.
    @Test(arguments: [
        ("café", "caf-dma"),
        ("münchen", "mnchen-3ya"),
        ("bücher", "bcher-kva"),
        ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
        ("ドメイン名例", "eckwd4c7cu47r2wf"),
    ])
    func punycodeMatchesTheRFC(_ label: String, _ code: String) {
        #expect(Punycode.encode(label) == code)
    }

    @Test(arguments: [
        ("https://pharmacie-café.fr/mentions-légales", "https://xn--pharmacie-caf-nhb.fr/mentions-légales"),
        ("https://Café.FR:8443/x?q=é#é", "https://xn--caf-dma.fr:8443/x?q=é#é"),
        ("http://bücher.example。test/", "http://xn--bcher-kva.example.test/"),
        ("https://exemple.test/é", "https://exemple.test/é"),
        ("http://[::1]:80/", "http://[::1]:80/"),
        ("https://ｅｘｅｍｐｌｅ.fr/", "https://exemple.fr/"),
    ])
    func hostIsWrittenInASCII(_ written: String, _ ascii: String) throws {
        #expect(try InternationalHost.asciiURL(written) == ascii)
    }

    static func platforms(url: String) -> String {
        """
        platforms:
          - id: exemple
            name: Exemple
            category: appointments
            operator: Exemple SAS
            website: https://santé.exemple.test
            documents:
              - url: \(url)
                kind: legal-notice
        """
    }

    @Test func platformListKeepsTheASCIIForm() throws {
        let platforms = try PlatformList.parse(text: Self.platforms(url: "https://pharmacie-café.fr/mentions"), file: "platforms.yml")
        #expect(platforms[0].website == "https://xn--sant-epa.exemple.test")
        #expect(platforms[0].documents[0].url == "https://xn--pharmacie-caf-nhb.fr/mentions")
    }

    @Test(arguments: [
        ("https://café☕.fr/", "'☕' (U+2615)"),
        ("https://-café.fr/", "starts or ends with a hyphen"),
        ("https://caf\u{301}é..fr/", "empty label"),
        ("https://\(String(repeating: "é", count: 70)).fr/", "longer than DNS allows"),
    ])
    func unwritableHostsAreRefusedWithFileAndLine(_ url: String, _ mention: String) {
        do {
            _ = try PlatformList.parse(text: Self.platforms(url: url), file: "in/platforms.yml")
            Issue.record("no error for \(url)")
        } catch {
            #expect(error.description.hasPrefix("in/platforms.yml:8"), "\(error)")
            #expect(error.description.contains("documents[0].url"), "\(error)")
            #expect(error.description.contains(mention), "\(error)")
        }
    }
}
