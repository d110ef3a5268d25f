import Foundation

/// Rules about the operator of the service itself: a sentence saying it keeps the data on its own machines (then it is
/// the host), and the sentences that give its name (the controller, the party "we" stands for, the publisher), read
/// only on a page that has such a sentence (`OperatorName`).
extension Rules {
    static let ownInfrastructure = Rule(
        "own-infrastructure",
        finds: "\"stockées sur nos propres serveurs\", \"nos serveurs, qui conservent vos données\", \"our own data centres\": the operator keeps the data on its own machines, so it is the host.",
        trigger: .ownServerWords,
        words: ["nos serveur", "nos propres", "nos principaux", "nos systemes", "nos centres", "nos datacenter", "nos data", "nos infrastructure",
            "serveur interne", "serveurs interne", "par nos soins", "propre infrastructure", "our server", "our own", "our data", "our infrastructure"],
        pattern: #"(?:heberg|stock|conserv|enregistre(?:e|s|es|nt)?\b|enregistrons\b|sauvegard|archiv|se\s+trouvent|\bsitues?\b|\blocalises?\b|\bstored?\b|\bkept\b|\bkeep\b|\bhosted\b)[^.]{0,120}?(?:\bnos\s+(?:propres\s+|principaux\s+)?(?:serveurs|systemes\s+centraux|centres\s+de\s+donnees|datacenters?|data\s?cent(?:er|re)s|infrastructures?)\b|\bserveurs?\s+internes?\b|\b(?:sa|leur|notre)\s+propre\s+infrastructure\b|\bour\s+(?:own\s+)?(?:servers|data\s?cent(?:er|re)s|infrastructure)\b)|(?:\bnos\s+(?:propres\s+|principaux\s+)?(?:serveurs|systemes\s+centraux|centres\s+de\s+donnees|datacenters?|data\s?cent(?:er|re)s|infrastructures?)\b|\bserveurs?\s+internes?\b|\b(?:sa|leur|notre)\s+propre\s+infrastructure\b|\bour\s+(?:own\s+)?(?:servers|data\s?cent(?:er|re)s|infrastructure)\b)[^.]{0,160}?(?:heberg|stock|conserv|enregistre(?:e|s|es|nt)?\b|enregistrons\b|sauvegard|archiv|se\s+trouvent|\bsitues?\b|\blocalises?\b|\bstored?\b|\bkept\b|\bkeep\b|\bhold\b)|(?:heberge|stocke|conserve|sauvegarde|archive|enregistre)e?s?\s+(?:[a-z']+\s+){0,4}?par\s+nos\s+soins\b|\bpar\s+nos\s+soins\b[^.]{0,60}?\b(?:sauvegardee?s?|dupliquee?s?)\b|\bmessages?\b[^.]{0,120}?\b(?:supprimee?s?|effacee?s?)\b[^.]{0,40}?\bde\s+nos\s+serveurs\b|\bmessages?\b[^.]{0,120}?\b(?:deleted|removed)\b[^.]{0,40}?\bfrom\s+our\s+servers\b"#,
        cancelledBy: [.inClause(negation), .inClause(hostedByAnother), .inSentence(passingServerMention)],
        examples: [
            "Vos dossiers sont conservés par nos soins sur nos propres serveurs.", "Nos serveurs, qui conservent vos coordonnées, se trouvent en Europe.",
            "Les fiches sont hébergées sur nos systèmes centraux.", "Les accès aux serveurs internes hébergeant vos données sont contrôlés.",
            "Your files are stored in our own data centres.", "Les contrats sont archivés de manière sécurisée par nos soins.",
            "Les données traitées par nos soins sont dupliquées et sauvegardées chaque nuit.",
            "Les messages envoyés sont supprimés de nos serveurs une fois lus par leurs destinataires.",
        ],
        counterExamples: [
            "Vos photos ne sont jamais stockées sur nos serveurs.", "Nos serveurs sont hébergés par un prestataire spécialisé.",
            "Les journaux de connexion sont conservés sur nos serveurs pendant un an.", "Nous améliorons nos services chaque année.",
            "Ces enregistrements sont effacés par nos soins après un mois.", "Les fichiers sont chiffrés en transit entre votre poste et nos serveurs.",
            "Nous supprimerons ces données de nos serveurs sur simple demande.",
        ])

    static let hostedByAnother = Rule(
        "hosted-by-another",
        finds: "Within the clause of an own-servers phrase: someone else keeps them (\"nos serveurs sont hébergés par un prestataire\"), so the operator is no host.",
        trigger: nil,
        pattern: #"(?:heberge|stocke|conserve|hosted|stored|kept)e?s?\s+(?:[a-z]+\s+){0,3}?(?:par|chez|aupres\s+d|by|with)\s+(?!nos\s+soins)|prestataire|sous-traitant|\bhebergeurs?\b|third[- ]part"#,
        examples: ["Nos serveurs sont hébergés par un prestataire", "our servers are run by a third party"],
        counterExamples: ["stockées par nos soins sur nos propres serveurs"])

    static let passingServerMention = Rule(
        "passing-server-mention",
        finds: "Logs, cookies, an IP address or data in transit to \"our servers\": a passing mention, not where the service's data lives.",
        trigger: nil,
        pattern: #"\blogs?\b|\bjournaux\b|\bjournalisation\b|\bcookies?\b|\btraceurs?\b|adresses?\s+ip\b|\bip\s+address|\bin\s+transit\b|\ben\s+transit\b|\bentre\s+[^.]{0,60}\bet\s+nos\s+serveurs\b|\bbetween\s+[^.]{0,60}\band\s+our\s+servers\b"#,
        examples: ["les journaux de connexion", "server logs", "chiffrées en transit entre votre navigateur et nos serveurs"], counterExamples: ["vos dossiers médicaux"])

    private static let controllerWords =
        ["responsable", "responsables"].flatMap { noun in
            ["", " conjoint", " conjoints"].flatMap { joint in [" de traitement", " du traitement", " des traitement", " traitement"].map { noun + joint + $0 } }
        } + ["controller"]

    static let operatorAsSubject = Rule(
        "operator-as-subject",
        finds: "\"X, en qualité de responsable de traitement\", \"X agit en tant que responsable du traitement\", \"X … est le responsable de traitement\": the name before is the operator's.",
        trigger: .operatorWords, words: controllerWords,
        pattern: #"(?:,\s*)?\b(?:en\s+(?:sa\s+)?qualite\s+de|agi(?:t|ssent)\s+en\s+(?:qualite\s+de|tant\s+que)|(?:est|sont)\s+(?:le|la|les)\s*(?:«\s*|"\s*)?)\s*responsables?\s+(?:conjoints?\s+)?(?:de\s+|du\s+|des\s+)?traitements?\b|,?\s*\b(?:is|acts\s+as)\s+(?:the\s+)?(?:data\s+)?controller\b"#,
        examples: ["Exemple Santé, en qualité de responsable de traitement, collecte vos données.", "Example Ltd is the data controller."],
        counterExamples: ["Vous pouvez écrire au responsable du traitement."])

    static let operatorAfter = Rule(
        "operator-after",
        finds: "\"le responsable du traitement est X\", \"édité par X\", \"the controller is X\": the name after is the operator's.",
        trigger: .operatorWords, words: ["edite par", "editee par", "published by"],
        pattern: #"\bresponsable\s+(?:de|du|des)\s+traitement\s+(?:de\s+vos\s+donnees(?:\s+personnelles|\s+a\s+caractere\s+personnel)?\s+)?est\s+|\bcontroller\s+(?:of\s+your\s+(?:personal\s+)?data\s+)?is\s+|\bedite(?:e)?\s+par\s+|\bpublished\s+by\s+"#,
        examples: ["Le responsable du traitement de vos données est Exemple Santé SAS.", "Ce site est édité par Exemple SAS."],
        counterExamples: ["Contactez le responsable du traitement."])

    static let operatorIntroduced = Rule(
        "operator-introduced",
        finds: "\"Exemple Inc. est une société dédiée aux photos\", \"Example Ltd is a technology company\": a page that opens by presenting a company with its legal form presents the operator (read when no sentence names the controller or \"we\").",
        trigger: .operatorWords, words: Lexicon.triggerWords(["est une societe", "est une entreprise", "est une start-up", "company"]),
        pattern: #"^\s*[^,;:]{2,60}?\s+(?:est\s+une\s+(?:societe|entreprise|start-up)|is\s+an?\s+(?:[a-z]+\s+)?company)\b"#,
        examples: ["Exemple Inc. est une société dédiée aux photos.", "Example Ltd is a camera company."],
        counterExamples: ["Nous sommes une société de services.", "Vous êtes une entreprise ?"])

    static let definedAsUs = Rule(
        "defined-as-us",
        finds: "\"Exemple SAS (« Exemple », « nous »)\", \"les termes « Exemple », « nous »\", \"Exemple SAS (ci-après « la Société »)\": the page calls the operator \"we\" or \"the Company\"; its name is the last one quoted before, else the name before the parenthesis.",
        trigger: nil,
        pattern: #"[«"“]\s*(?:nous|we|us|la\s+societe|the\s+company)\s*[»"”]"#,
        examples: ["Exemple SAS (« Exemple », « notre » ou « nous »)", "Example Ltd (\"Example\", \"we\")", "Exemple SAS (ci-après « la Société »)"],
        counterExamples: ["Nous collectons vos données."])
}
