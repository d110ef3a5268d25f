@testable import Extractor
import Foundation
import InputFiles
import SovereigntyModel
import Testing
import TestSupport

/// The users' data are health data on a health service only: elsewhere a host of "vos données" runs the application,
/// and only a sentence that names health data in words makes a health-data host.
@Suite struct ServiceKindTests {
    static func findings(_ body: String) throws -> DocumentFindings {
        let extractor = Extractor(catalog: try ProviderList.load(path: Fixtures.providers))
        let html = "<html><body><h1>Mentions légales</h1>\(body)</body></html>"
        return extractor.extract(html: Data(html.utf8), charset: "utf-8", url: "http://127.0.0.1/mentions", fetchedAt: "2026-11-22T03:00:00Z")
    }

    @Test func theUsersDataAreHealthDataOnAHealthServiceOnly() throws {
        let page = try Self.findings("<p>Vos données personnelles sont hébergées par OVH SAS à Roubaix.</p>")
        #expect(page.read(as: .health) == page)
        #expect(page.hosts.first?.roles == [.healthData])
        let other = page.read(as: .other)
        #expect(other.hosts.first?.roles == [.application])
        #expect(other.hosts.first?.evidence.first?.roles == [.application])
        #expect(other.hosts.first?.evidence.first?.quote == page.hosts.first?.evidence.first?.quote)
    }

    @Test func healthDataNamedInWordsStaysHealthDataOnAnyService() throws {
        let page = try Self.findings(
            "<p>Le site est hébergé par Clever Cloud SAS.</p><p>Les données de santé sont hébergées par OVH SAS, hébergeur certifié HDS.</p>")
        let roles = Dictionary(page.read(as: .other).hosts.map { ($0.providerID ?? $0.asWritten, $0.roles) }, uniquingKeysWith: { $0 + $1 })
        #expect(roles["ovhcloud"] == [.healthData])
        #expect(roles["clever-cloud"] == [.website])
    }
}
