import Foundation
import SovereigntyModel

extension Patterns {
    /// "envoyés par", "sent through": a provider that carries the platform's messages holds them too.
    static let messagingService = NSRegularExpression(
        folded: #"(?:envoye|expedie|achemine|archive|transmis|delivre|diffuse)e?s?\s+(?:par|au moyen|via|par l'intermediaire|grace|depuis|avec)|\bsent\s+(?:by|through|via|using)|delivered\s+(?:by|through|via)|\benvoi\s+(?:des|de)\s+(?:e-?mails?|courriels?|sms|notifications?|messages?)|\bsending\s+(?:of\s+)?(?:e-?mails?|sms|notifications?)"#
    )
    /// A table's service cell that says the provider hosts, stores or serves data.
    static let hostingService = NSRegularExpression(
        folded: #"heberg|\bstock|sauvegard|infrastructure|serveurs?\b|\bcdn\b|diffusion de contenu|content delivery|hosting|storage|\bbackup|\bcloud\b|archivage"#
    )
    /// Statements that only might happen: a possible migration is not a host.
    static let conditional = NSRegularExpression(
        folded: #"\bpourrai(?:t|ent)\b|\bserai(?:t|ent)\b|\benvisag|\bcould\b|\bwould\b|\bmight\b|\bsi\s+(?:cette|ce|nous|vous|le|la|les)\b|\beventuel"#
    )
    /// Words that hold a SecNumCloud qualification, as opposed to merely naming it.
    static let secNumCloudHeld = NSRegularExpression(
        folded: #"qualifie(?:e|s|es)?\s+(?:sec\s?num\s?cloud|par l'anssi)|sec\s?num\s?cloud[^.;]{0,40}qualifi|(?:dispose|detient|beneficie|obtenu|possede|holds?|has|obtained)[^.;]{0,60}sec\s?num\s?cloud|sec\s?num\s?cloud[- ]qualified|qualified[^.;]{0,30}sec\s?num\s?cloud|certifie(?:e|s|es)?\s+sec\s?num\s?cloud|label(?:lise)?\s+sec\s?num\s?cloud"#
    )
    /// Column headers of subprocessor tables.
    static let providerColumn = NSRegularExpression(folded: #"prestataire|fournisseur|sous-traitant|provider|processor|vendor|partenaire|hebergeur|\bnom\b|\bname\b|societe$|^societe"#)
    static let entityColumn = NSRegularExpression(folded: #"entite|entity|contractant|raison sociale|legal"#)
    static let locationColumn = NSRegularExpression(folded: #"localisation|location|\blieu\b|pays d'hebergement|hosting country|region|ou sont|where"#)
    static let serviceColumn = NSRegularExpression(folded: #"service|prestation|finalite|purpose|activite|\brole\b|usage|objet|mission|description|traitement"#)
    /// Data-centre words contain "données" but say nothing about whose data.
    static let dataCentre = NSRegularExpression(folded: #"centres?\s+de\s+donnees|data\s?cent(?:er|re)s?|salles? informatiques?"#)
}

/// Where a table cell or a short phrase places data.
enum PlaceNames {
    private static let france = NSRegularExpression(folded: #"\bfrance\b|\bparis\b|roubaix|gravelines|strasbourg|\blyon\b|\blille\b|\bniort\b"#)
    private static let europe = NSRegularExpression(
        folded: #"union europeenne|\bue\b|\beee\b|\beu\b|\beea\b|europe|allemagne|germany|irlande|ireland|belgique|belgium|luxembourg|pays-bas|netherlands|espagne|spain|italie|italy|suede|sweden|finlande|finland|pologne|poland|autriche|austria|danemark|denmark|portugal|francfort|frankfurt|dublin|amsterdam"#)
    private static let outside = NSRegularExpression(
        folded: #"etats-unis|\busa\b|united states|\bus\b|royaume-uni|united kingdom|suisse|switzerland|inde\b|india|canada|singapour|singapore|japon|japan|australie|australia|israel"#)

    static func locations(in cell: Folded) -> [(DataLocation, NSRange)] {
        var found: [(DataLocation, NSRange)] = []
        if let range = france.firstRange(in: cell) { found.append((.france, range)) }
        if let range = europe.firstRange(in: cell) { found.append((.europeanUnion, range)) }
        if let range = outside.firstRange(in: cell) { found.append((.outsideEU, range)) }
        return found
    }
}
