import Foundation
import TestSupport

/// The synthetic document site the scale benchmark crawls: `platforms` platforms of five documents each, spread over
/// several loopback host names, every page a French legal page of about 6.5 KB naming a hosting provider.
///
/// Pages are made from their place (platform, document) and a version, so the server needs no storage: changing a
/// page is raising its version, which changes its text and its `ETag`.
struct BenchSite: Sendable {
    static let kinds = ["legal-notice", "privacy-policy", "terms", "subprocessors", "other"]
    static let hosts = [
        ("OVH SAS", "2 rue Kellermann, 59100 Roubaix"), ("Scaleway SAS", "8 rue de la Ville l'Évêque, 75008 Paris"),
        ("Amazon Web Services EMEA SARL", "38 avenue John F. Kennedy, L-1855 Luxembourg"),
        ("Microsoft Ireland Operations Limited", "One Microsoft Place, Dublin 18, Irlande"),
        ("3DS Outscale SAS", "1 rue Royale, 92210 Saint-Cloud"), ("Google Cloud France SARL", "8 rue de Londres, 75009 Paris"),
    ]

    let platforms: Int
    /// Base URL of each host name (`http://127.0.0.x:port`).
    let hostURLs: [String]
    /// Documents whose version is raised by `change(percent:)`.
    private(set) var versions: [Int: Int] = [:]

    var documents: Int { platforms * Self.kinds.count }

    func url(platform: Int, kind: Int) -> String {
        "\(hostURLs[platform % hostURLs.count])/p\(platform)/\(Self.kinds[kind])"
    }

    /// The number of a document from its path (`/p12/terms` → 12 × 5 + 2), nil for any other path.
    static func document(path: String) -> Int? {
        let parts = path.split(separator: "/")
        guard parts.count == 2, parts[0].hasPrefix("p"), let platform = Int(parts[0].dropFirst()),
            let kind = kinds.firstIndex(of: String(parts[1]))
        else { return nil }
        return platform * kinds.count + kind
    }

    func version(of document: Int) -> Int { versions[document] ?? 0 }

    func etag(of document: Int) -> String { "\"d\(document)-v\(version(of: document))\"" }

    /// Raises the version of `percent`% of the documents, spread evenly over the list.
    mutating func change(percent: Int) {
        let step = 100 / max(1, percent)
        for document in stride(from: step / 2, to: documents, by: step) { versions[document, default: 0] += 1 }
    }

    /// The page of a document at its current version.
    func page(_ document: Int) -> Data {
        let platform = document / Self.kinds.count
        let kind = Self.kinds[document % Self.kinds.count]
        // A platform names one host, in the documents that speak of hosting; the others never name one.
        var platformRandom = SplitMix(state: UInt64(platform) &* 104_729)
        let (host, address) = platformRandom.pick(Self.hosts)
        var random = SplitMix(state: UInt64(document) &* 7919)
        var html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>\(kind) — Service \(platform)</title></head><body>"
        html += "<nav><a href=\"/\">Accueil</a> <a href=\"/contact\">Contact</a></nav><main><h1>\(Self.title(kind))</h1>"
        html += "<h2>Éditeur</h2><p>Le service Santé \(platform) est édité par Santé \(platform) SAS, au capital de 10 000 euros, "
        html += "immatriculée au RCS de Paris sous le numéro \(800_000_000 + platform), dont le siège est situé 12 rue de la Paix, 75002 Paris.</p>"
        if Self.namesHost(kind) {
            html += "<h2>Hébergement</h2><p>Le site et les données de santé sont hébergés par \(host), \(address), hébergeur certifié HDS "
            html += "(hébergeur de données de santé) conformément à l'article L.1111-8 du code de la santé publique.</p>"
        }
        if version(of: document) > 0 {
            html += "<p>Mise à jour n° \(version(of: document)) : les sauvegardes sont désormais conservées en France.</p>"
        }
        let filler = [
            "Les données personnelles sont traitées conformément au règlement général sur la protection des données (RGPD) et à la loi Informatique et Libertés.",
            "Vous disposez d'un droit d'accès, de rectification, d'effacement et de portabilité de vos données, que vous pouvez exercer auprès de notre délégué.",
            "Les cookies de mesure d'audience ne sont déposés qu'avec votre consentement, recueilli par le bandeau affiché lors de votre première visite.",
            "Les présentes conditions peuvent être modifiées à tout moment ; la version applicable est celle en ligne au jour de votre utilisation.",
            "Les professionnels de santé restent seuls responsables des informations médicales qu'ils saisissent dans le service.",
            "Toute reproduction, même partielle, du contenu de ce site est interdite sans l'autorisation préalable de l'éditeur.",
        ]
        var section = 1
        while html.utf8.count < 6_200 {
            html += "<h2>Article \(section)</h2>"
            for _ in 0..<3 { html += "<p>\(random.pick(filler))</p>" }
            section += 1
        }
        html += "</main><footer>© Santé \(platform) — <a href=\"/mentions\">Mentions légales</a></footer></body></html>"
        return Data(html.utf8)
    }

    /// The legal notice, the privacy policy and the list of subprocessors name the host; terms and other pages do not.
    static func namesHost(_ kind: String) -> Bool { ["legal-notice", "privacy-policy", "subprocessors"].contains(kind) }

    private static func title(_ kind: String) -> String {
        switch kind {
        case "legal-notice": "Mentions légales"
        case "privacy-policy": "Politique de confidentialité"
        case "terms": "Conditions générales d'utilisation"
        case "subprocessors": "Liste des sous-traitants"
        default: "Informations"
        }
    }

    /// `platforms.yml` for the first `count` platforms.
    func platformsYAML(count: Int) -> String {
        var yaml = "platforms:\n"
        for platform in 0..<count {
            yaml += "  - id: sante-\(platform)\n    name: Santé \(platform)\n    category: appointments\n"
            yaml += "    operator: Santé \(platform) SAS\n    website: \(hostURLs[platform % hostURLs.count])/\n    documents:\n"
            for kind in Self.kinds.indices { yaml += "      - url: \(url(platform: platform, kind: kind))\n        kind: \(Self.kinds[kind])\n" }
        }
        return yaml
    }
}
