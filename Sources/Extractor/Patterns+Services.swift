import Foundation
import SovereigntyModel

extension Patterns {
    /// "envoyés par", "sent through": a provider that carries the platform's messages holds them too.
    static let messagingService = FoldedRegex(
        folded: #"(?:envoye|expedie|achemine|archive|transmis|delivre|diffuse)e?s?\s+(?:par|au moyen|via|par l'intermediaire|grace|depuis|avec)|\bsent\s+(?:by|through|via|using)|delivered\s+(?:by|through|via)|\benvoi\s+(?:des|de)\s+(?:e-?mails?|courriels?|sms|notifications?|messages?)|\benvoi\s+(?:des|de|d')\s*[^.;]{0,60}?\b(?:par|via)\s+(?:une?\s+)?(?:e-?mails?|courriels?|sms|notifications?)\b|\benvoi\s+(?:des|de|d')\s*[^.;]{0,80}?\(\s*(?:sms|e-?mails?|courriels?)\s*\)|\bsending\s+(?:of\s+)?(?:e-?mails?|sms|notifications?)|\b(?:achemine|envoie|expedie|delivre|transmet)(?:nt)?\s+(?:les|nos|vos|des)\s+(?:e-?mails?|courriels?|sms|notifications?|messages?)"#
    )
    /// A table's service cell that says the provider hosts, stores or serves data.
    static let hostingService = FoldedRegex(
        folded: #"heberg|\bstock|sauvegard|infrastructure|serveurs?\b|\bcdn\b|diffusion de contenu|content delivery|hosting|storage|\bbackup|\bcloud\b|archivage|infogerance|\bpaas\b|\biaas\b|execution de l'application|\bddos\b|\bproxy\b|deni de service|denial of service"#
    )
    /// Statements that only might happen: a possible migration is not a host.
    static let conditional = FoldedRegex(
        folded: #"\bpourrai(?:t|ent)\b|\bserai(?:t|ent)\b|\benvisag|\bcould\b|\bwould\b|\bmight\b|\bsi\s+(?:cette|ce|nous|vous|le|la|les)\b|\beventuel"#
    )
    /// Words that hold a SecNumCloud qualification, as opposed to merely naming it.
    static let secNumCloudHeld = FoldedRegex(
        folded: #"qualifie(?:e|s|es)?\s+(?:sec\s?num\s?cloud|par l'anssi)|sec\s?num\s?cloud[^.;]{0,40}qualifi|(?:dispose|detient|beneficie|obtenu|possede|holds?|has|obtained)[^.;]{0,60}sec\s?num\s?cloud|sec\s?num\s?cloud[- ]qualified|qualified[^.;]{0,30}sec\s?num\s?cloud|certifie(?:e|s|es)?\s+sec\s?num\s?cloud|label(?:lise)?\s+sec\s?num\s?cloud"#
    )
    /// A qualification under way, said in a clause of its own: "ne bénéficie pas à ce jour de la qualification
    /// SecNumCloud ; elle est en cours de qualification" is sought, not denied.
    static let qualificationUnderWay = FoldedRegex(
        folded: #"(?:en cours|en voie) de qualification|qualification (?:est\s+)?en cours|(?:processus|demarche|procedure) de qualification|qualification (?:is\s+)?(?:in progress|under way|underway|pending)"#)
    /// Before a provider's name: it hosted, and no longer does ("Jusqu'au 31 mars 2026, les données étaient hébergées
    /// par X"). "Jusqu'à leur suppression" is a retention period, not an end date.
    static let formerHost = FoldedRegex(
        folded: #"\betai(?:t|ent)\s+(?:heberge|stocke|conserve)|\bjusqu'(?:au|en)\s+(?:\d|1er\b|premier\b)|\bprecedemment\b|\banciennement\b|\bauparavant\b|\bpreviously\b|\bformerly\b|\b(?:was|were)\s+(?:hosted|stored)|\buntil\s+(?:\d|january|february|march|april|may|june|july|august|september|october|november|december)"#)
    /// A parenthesis that defines a term ("ci-après « le Prestataire »") rather than saying what is hosted.
    static let definedTerm = FoldedRegex(folded: #"ci-?apres|ci-?dessous|hereinafter|denomme"#)
    /// Before a provider's name: the sentence denies that it holds anything.
    static let hostDenial = FoldedRegex(
        folded: #"\bne\b|\bn'|\baucune?\b|\bjamais\b|\bnever\b|\bno\b|\bnot\b|\bnone\b|\bni\b|\bsans\b|\bwithout\b|\bplus de\b"#)
    /// Right after a provider's name: "X n'héberge aucune donnée".
    static let denialAfter = FoldedRegex(folded: #"^\s*(?:ne|n')\b|^\s*(?:does not|doesn't|never)\b"#)
    /// The provider is named as an owner, not a host: "une plateforme de la société X". "Les serveurs de la société X"
    /// are X's own, which makes X the host.
    static let ownership = FoldedRegex(
        folded: #"(?:(?<!serveurs )(?<!infrastructure )(?<!infrastructures )(?<!datacenters )(?<!donnees )de la societe|filiale d[eu']|filiale du groupe|appartenant a|appartient a|du groupe|owned by|subsidiary of|propriete d[eu']|une marque d[eu']|a brand of|detenue par|controlee par)\s*$"#)
    /// The publisher of the service, named in the same sections.
    static let editor = FoldedRegex(
        folded: #"\bedite(?:e|s|es)?\s+par|\bedite(?:nt)?\s+(?:un|une|le|la|l'|les|des)\s|\bediteur\b|directeur de (?:la )?publication|responsable de (?:la )?publication|published by|\bpublisher\b|\bexploite(?:e)?\s+par"#)

    /// "des hébergeurs certifiés", "a certified provider": the sentence speaks of hosts it does not name.
    static let indefiniteHost = FoldedRegex(
        folded: #"\bdes\s+hebergeurs|\bun\s+hebergeur|\bd'un\s+hebergeur|\b(?:deux|plusieurs|trois)\s+hebergeurs|\ban?\s+(?:hds-)?certified\s+(?:health data\s+)?(?:host|provider)|\bcertified\s+(?:hosts|providers)|\bdes\s+prestataires"#)

    /// Column headers of subprocessor tables.
    static let providerColumn = FoldedRegex(folded: #"prestataire|fournisseur|sous-traitant|provider|processor|vendor|partenaire|hebergeur|\bnom\b|\bname\b|societe$|^societe"#)
    static let entityColumn = FoldedRegex(folded: #"entite|entity|contractant|raison sociale|legal"#)
    static let locationColumn = FoldedRegex(folded: #"localisation|location|\blieu\b|pays d'hebergement|hosting country|region|ou sont|where"#)
    static let serviceColumn = FoldedRegex(folded: #"service|prestation|finalite|purpose|activite|\brole\b|usage|objet|mission|description|traitement|\btaches?\b|\btasks?\b"#)
    /// Phrases that carry role or hosting words without saying what is hosted: data centres, the name of the
    /// HDS certificate ("hébergeur de données de santé"), "sur une plateforme agréée".
    static let roleNoise = FoldedRegex(
        folded: #"centres?\s+de\s+donnees|data\s?cent(?:er|re)s?|salles?\s+(?:informatiques?|serveurs?)|hebergeurs?\s+(?:certifie(?:e|s|es)?\s+|agree(?:e|s|es)?\s+)?de\s+donnees\s+de\s+sante(?:\s+certifie(?:e|s|es)?)?|(?:certificat|certification|agrement)\s+(?:d'|de\s+l')?hebergeurs?(?:\s+de\s+donnees\s+de\s+sante)?|pour\s+l'hebergement\s+de\s+donnees\s+de\s+sante(?:\s+a\s+caractere\s+personnel)?|hebergeur\s+(?:infogereur|d'infrastructure\s+physique)|activites?\s+d'hebergeur|health\s+data\s+host(?:ing)?(?:\s+provider)?|sites?\s+de\s+(?:production|secours)|second\s+site|site\s+distant|(?:sur|via)\s+(?:une|la|leur|sa|son)\s+plate-?forme\s+(?:agree|certifie|securise)e?"#)
    /// After a provider's name, a verb that makes the sentence about its status.
    static let statusVerb = FoldedRegex(
        folded: #"^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:est|n'est|ne|n'a|a obtenu|dispose|detient|beneficie|possede|is|has|holds|does|was|reste|demeure)\b"#)
}

/// A pattern that cannot match a sentence without one of its trigger words: with the sentence's triggers it is not
/// even run when they are missing, and the text it is asked about (often a clause cut out of the sentence) is not made.
struct GatedPattern: Sendable {
    let words: TriggerSet
    let pattern: FoldedRegex

    func matches(in text: @autoclosure () -> Folded, triggers: TriggerSet) -> Bool {
        !triggers.isDisjoint(with: words) && pattern.matches(in: text())
    }

    static let negation = GatedPattern(words: .negationWords, pattern: Patterns.negation)
    static let noTransfer = GatedPattern(words: .negationWords, pattern: Patterns.noTransfer)
    static let hostDenial = GatedPattern(words: .negationWords, pattern: Patterns.hostDenial)
    static let conditional = GatedPattern(words: .conditionalWords, pattern: Patterns.conditional)
    /// Each with its words, for the test that checks no pattern matches without them.
    static let all = [negation, noTransfer, hostDenial, conditional]
}

/// Where a table cell or a short phrase places data.
enum PlaceNames {
    private static let france = FoldedRegex(folded: #"\bfrance\b|\bparis\b|roubaix|gravelines|strasbourg|\blyon\b|\blille\b|\bniort\b"#)
    private static let europe = FoldedRegex(
        folded: #"union europeenne|\bue\b|\beee\b|\beu\b|\beea\b|europe|allemagne|germany|irlande|ireland|belgique|belgium|luxembourg|pays-bas|netherlands|espagne|spain|italie|italy|suede|sweden|finlande|finland|pologne|poland|autriche|austria|danemark|denmark|portugal|francfort|frankfurt|dublin|amsterdam"#)
    private static let outside = FoldedRegex(
        folded: #"etats-unis|\busa\b|united states|\bus\b|royaume-uni|united kingdom|suisse|switzerland|inde\b|india|canada|singapour|singapore|japon|japan|australie|australia|israel"#)

    static func locations(in cell: Folded) -> [(DataLocation, NSRange)] {
        var found: [(DataLocation, NSRange)] = []
        if let range = france.firstRange(in: cell) { found.append((.france, range)) }
        if let range = europe.firstRange(in: cell) { found.append((.europeanUnion, range)) }
        if let range = outside.firstRange(in: cell) { found.append((.outsideEU, range)) }
        return found
    }
}
