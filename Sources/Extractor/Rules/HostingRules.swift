import Foundation

/// Rules that find who hosts what: a sentence about hosting, the provider named in it, and the sentences that look
/// like hosting but are not (a platform's legal status, an operator running on others' servers).
extension Rules {
    static let hostingSentence = Rule(
        "hosting-sentence", finds: "A sentence about hosting something somewhere: the providers it names are hosts.",
        trigger: .hosting,
        words: Lexicon.words("hosting-words"),
        pattern: #"heberg|\bhosted\b|\bhosting\b|\bhost\b|\bhosts\b|(?:conserve|stocke|archive|sauvegarde|centralise)e?s?\s+(?:par|chez|dans(?!\s+le\s+cadre\b)|aupres|sur|au sein)|\bstored\s+(?:by|with|at|in)|\bsur\s+(?:un|des|les|nos|ses|leurs)\s+serveurs?\b|\b(?:serveurs|clusters)\b[^.]{0,60}?\b(?:sur|dans)\s+lesquel(?:le)?s\b|\b(?:serveurs|infrastructures?|centres de donnees|datacenters?)\s+(?:de\s+donnees\s+|informatiques?\s+)?(?:fourni|mis\s+a\s+disposition|exploite|gere|opere)e?s?\s+par\b|\b(?:utilise|utilisons|utilisent|s'appuie\s+sur|s'appuient\s+sur|repose\s+sur|reposent\s+sur)\s+(?:l'|les\s+)infrastructures?\b|\b(?:fournit|fournissent)\s+(?:l'|les\s+)infrastructures?\b|\bprovides?\s+the\s+(?:technical\s+)?infrastructure\b|\bkept\s+(?:by|with|at(?!\s+(?:least|most|a\s+minimum)))\b|\bbacked\s+up\s+(?:by|with|at|on)\b|"# + storingData,
        examples: ["Nos serveurs sont hébergés par Nuage Exemple SAS.", "Example Cloud stores your session notes.", "We use Example Cloud in its Paris region to store your appointment data.",
            "Backups are kept by Example Backup Ltd in Lyon.", "Exemple Inc., laquelle fournit l'infrastructure technique de la plateforme.", "Your files are stored with a cloud provider.", "Les dossiers sont conservés chez notre prestataire.", "Vos données sont centralisées chez Nuage Exemple SAS.",
            "Les serveurs Exemple Cloud sur lesquels vos dossiers sont gardés sont à Lyon.", "Nous utilisons des serveurs de données fournis par le groupe Exemple.",
            "Exemple Messagerie utilise l'infrastructure mondiale de sa maison mère."],
        counterExamples: ["Nous envoyons une lettre d'information chaque mois.", "The hostname is shown in the address bar.",
            "Les photos stockées dans le cadre de nos services", "Les formulaires sur lesquels vous écrivez sont fournis par la mairie.",
            "Exemple fournit l'assistance technique de la plateforme.", "Visit our store to buy a gift card.", "Your browser may store cookies.",
            "Download the app on the App Store to keep your health records.", "Backups are kept at least 30 days."])

    static let listAnnouncement = Rule(
        "list-announcement",
        finds: "\"nous avons recours aux prestataires suivants :\": a sentence that only announces the list below it; after a hosting sentence, the list names hosts.",
        trigger: nil,
        pattern: #"\b(?:suivante?s|ci-dessous|following|below)\b"#,
        examples: ["Nous avons recours aux prestataires suivants :", "We use the following providers:"],
        counterExamples: ["Nous avons recours à des prestataires :"])

    static let providerWords = Rule(
        "provider-words",
        finds: "\"chez les prestataires suivants :\", \"par notre partenaire X\": words that say companies are named, so that a list item or the words after a description may be a bare name (\"oXya – en Île-de-France\").",
        trigger: nil,
        pattern: #"\b(?:prestataires?|fournisseurs?|sous-traitants?|societes|hebergeurs?|partenaires?|operateurs?|filiales?|providers?|processors?|subprocessors?|vendors?|companies|partners?)\b"#,
        examples: ["Vos données sont centralisées chez les prestataires suivants :", "stored with the following providers:"],
        counterExamples: ["Les types d'hébergement suivants :"])

    static let mixedPurposes = Rule(
        "mixed-purposes",
        finds: "An introduction that gives hosting among other services (security, maintenance, communication, payment): a company we do not know in its list may be there for one of the others.",
        trigger: nil,
        pattern: #"\bsecurite\b|\bmaintenance\b|\bcommunication\b|\bsupport\b|\bassistance\b|\bmarketing\b|\bpaiements?\b|\bcomptab|\banalyse\b|\bconseil|\bpublicit|\bprospection\b|\bsecurity\b|\bpayments?\b|\baccounting\b|\badvertising\b|\bcustomer (?:service|support)\b"#,
        examples: ["qui fournissent les services de cloud et d'hébergement, la sécurité informatique et la maintenance :"],
        counterExamples: ["Vos données sont hébergées par les prestataires suivants :"])

    static let lodging = Rule(
        "lodging",
        finds: "\"Hébergement\" as a place to stay (\"hôtels ou hébergements\", \"réserver un hébergement\", \"l'hébergeant\"): lodging, not hosting; a sentence whose only hosting words are these names no host.",
        trigger: .hosting,
        pattern: #"\b(?:hotels?|chambres?|gites?|campings?|sejours?|logements?|vacances)\s+(?:ou|et|,)\s+(?:des\s+|les\s+|d'autres\s+)?hebergements?\b|\bhebergements?\s+(?:touristiques?|de\s+vacances|traditionnels?|hoteliers?|insolites?|de\s+longue\s+duree|ou\s+(?:des\s+)?(?:experiences|sejours|logements))\b|\b(?:reserver|reservez|reservation|louer|sejourner)\s+(?:(?:un|une|des|certains|certaines|votre|vos|d'|l'|le|les|du|de\s+l')\s*)?(?:[a-z]+\s+)?hebergements?\b|\bl'hebergeant\b|\bheberger\s+(?:un|des|vos|votre|leurs?|ses)\s+(?:sejours?|voyageurs?|invites?|hotes?|vacanciers?)\b"#,
        examples: ["Réserver certains hôtels ou hébergements traditionnels", "Pour réserver un hébergement de longue durée", "La pièce d'identité de l'hébergeant", "Si vous utilisez la plateforme pour réserver ou héberger un séjour"],
        counterExamples: ["Le site est hébergé par Exemple SAS.", "Les serveurs hébergeant l'application sont situés chez Exemple SAS.", "L'hébergement des données est assuré par Exemple SAS."])

    static let hostInProvidersDataCentre = Rule(
        "host-in-providers-data-centre",
        finds: "\"dans un centre de données d'X\": a hosting statement that the data-centre words (role noise) would hide.",
        trigger: .hosting,
        words: Lexicon.words("data-centre-words"),
        pattern: #"\b(?:dans|in)\s+(?:un|les|des|ses|leurs|the|a)\s+(?:centres? de donnees|datacenters?|data ?cent(?:er|re)s?)\s+(?:d'|de\s|du\s|of\s)"#,
        examples: ["Les données résident dans un centre de données d'Exemple Cloud à Lyon.", "Data lives in the data centres of Example Cloud."],
        counterExamples: ["Le centre de données est sécurisé.", "Nous visitons des centres de recherche."])

    static let hostStatus = Rule(
        "host-status",
        finds: "\"agit en qualité d'hébergeur\": a platform's legal status for its users' content (LCEN), not a hosting provider.",
        trigger: .hosting,
        pattern: #"(?:en\s+(?:tant|qualite)\s+qu'|qualite\s+d'|statut\s+d'|role\s+d'|regime\s+(?:juridique\s+)?(?:de\s+l'|d'))\s*hebergeurs?\b(?!\s+(?:de\s+donnees|agree|certifie|hds|du\s+site))|\bas\s+an?\s+(?:hosting\s+provider|host)\b"#,
        examples: ["La plateforme agit en qualité d'hébergeur des contenus publiés.", "We act as a hosting provider for your posts."],
        counterExamples: ["Exemple Cloud agit en qualité d'hébergeur de données de santé.", "Le site est hébergé par Exemple SAS."])

    static let useRestriction = Rule(
        "use-restriction",
        finds: "A sentence that opens by forbidding a use of the site (\"Il est interdit d'extraire … des pages hébergées par X\", \"Toute reproduction des contenus hébergés … est interdite\", \"You may not copy …\"): its hosting words say what is forbidden, not who hosts.",
        trigger: .prohibitionWords, words: Lexicon.triggerWords(["interdi*", "pouvez", "autorise*", "prohibited", "forbidden", "not"]),
        pattern: #"^[^a-z]*(?:(?:il\s+est\s+(?:[a-z]+\s+){0,3}interdit\b|(?:[a-z]+\s+)?interdit\s+(?:de|d')|vous\s+(?:vous\s+interdisez|ne\s+pouvez\s+pas|n'etes\s+pas\s+autorises?)\b|(?:it\s+is\s+)?(?:strictly\s+)?(?:prohibited|forbidden)\s+to\b|you\s+(?:may|must|shall)\s+not\b)[^.;]{0,80}?\b(?:extra|aspir|reprodu|copi|copy|collect|scrap|crawl|harvest|telecharg|download|diffus|republi|modifi|exploit)|toute\s+(?:forme\s+d'|autre\s+)?(?:reproduction|extraction|copie|utilisation|exploitation|representation|collecte|diffusion|modification)\b[^.]*\binterdite?s?\b)"#,
        examples: ["Il est formellement interdit d'extraire les fiches des pages hébergées par Exemple.",
            "Toute reproduction des contenus hébergés sur les serveurs Exemple est interdite.", "You may not scrape pages hosted by Example Ltd.",
            "« Il est formellement et strictement interdit de copier les pages hébergées par Exemple."],
        counterExamples: ["Le site est hébergé par Exemple SAS ; toute reproduction est interdite.",
            "Exemple SAS, hébergeur du site, s'interdit de transférer les données hors de l'Union européenne.",
            "Vous ne pouvez pas vous opposer à l'hébergement de vos données de santé par Exemple Santé, hébergeur certifié.",
            "Il est interdit à l'hébergeur Exemple d'utiliser vos données à d'autres fins."])

    static let operatorOnProviders = Rule(
        "operator-on-providers",
        finds: "\"opéré par X, avec des ressources techniques fournies par :\": X runs the hosting on the providers named after it; it is the operator, not a host.",
        trigger: nil,
        pattern: #"avec\s+(?:des|les)\s+(?:ressources|moyens|infrastructures?|serveurs)\s+(?:techniques\s+)?(?:fourni|mis|proposee?s?\s+par)|sur\s+(?:l'|les\s+)infrastructures?\s+d|en\s+s'appuyant\s+sur|with\s+(?:technical\s+)?(?:resources|infrastructure)\s+provided\s+by|on\s+the\s+infrastructure\s+of"#,
        examples: ["Hébergement opéré par Exemple SAS, avec des ressources techniques fournies par :", "Operated by Example Ltd on the infrastructure of Cloud Co."],
        counterExamples: ["Le site est hébergé par Exemple SAS."])

    static let controllerDecides = Rule(
        "controller-decides",
        finds: "\"X et Y définissent conjointement les finalités et les moyens\", \"X détermine l'hébergement\", \"X determines the purposes\": the companies before decide as controllers; they are no hosts for it.",
        trigger: nil,
        pattern: #"\b(?:determin|defini)[a-z]*\s+(?:conjointement\s+|uniquement\s+|seule?s?\s+|ensemble\s+)?(?:les\s+(?:finalites|objectifs|moyens)|l'hebergement)\b|\b(?:jointly\s+)?determin[a-z]*\s+(?:jointly\s+)?(?:the\s+)?(?:purposes|means|hosting)\b"#,
        examples: ["Exemple SA et Exemple GmbH définissent conjointement les objectifs du traitement, à l'exception de l'hébergement.",
            "Exemple GmbH détermine uniquement l'hébergement des données.", "Example AG determines the purposes and means of processing."],
        counterExamples: ["Le site est hébergé par Exemple SAS.", "Nous déterminons la durée de conservation."])

    static let hostIntroduction = Rule(
        "host-introduction",
        finds: "\"hébergé par X\", \"l'hébergement est assuré par X\", \"Hébergeur : X\", \"hosted by X\", \"les serveurs X\": the name of a host not in the catalogue follows (asked only of a sentence `hosting-sentence` found).",
        trigger: nil,
        pattern: #"(?:(?:stocke|sauvegarde|centralise)(?:e|s|es)?\s+(?:par|chez|aupres\s+d[eu']s?)(?!\s+(?:nos\s+soins|le\s|la\s(?!societe\b)|les\s|l'|ses\s|leurs?\s|vos\s|votre\s))|heberge(?:e|s|es)?\s+(?:par|chez|aupres\s+d[eu']s?|au\s+sein\s+d[eu']|sur\s+(?:les\s+)?(?:serveurs|infrastructures?|plate-?formes?)\s+d[eu']s?|dans\s+les\s+(?:centres\s+de\s+donnees|datacenters?|data\s?cent(?:er|re)s)\s+d[eu']s?)|hebergement\s+(?:[a-z' ]{0,60}?\s)?(?:est|sont|a\s+ete|ont\s+ete)\s+(?:assure|realise|opere|fourni|effectue|confie)e?s?\s+(?:par|a|chez)|hebergeurs?(?:\s+[a-z' ]{0,40}?)?\s*(?::|\best\b|\bsont\b)|hosted\s+(?:by|with|at)|hosting\s+provider(?:\s+is)?\s*:?|\bhost(?:ed)?\s*:|\bsur\s+les\s+serveurs\s+d[eu']s?|\b(?:serveurs|infrastructures?|centres\s+de\s+donnees|datacenters?)\s+(?:de\s+donnees\s+|informatiques?\s+)?(?:fourni|mis\s+a\s+disposition|exploite|gere|opere)e?s?\s+par|\b(?:dans|sur)\s+(?:les|des)\s+(?:centres\s+de\s+donnees|datacenters?|data\s?cent(?:er|re)s|infrastructures?)\s+d[eu']s?|(?:\butilise|\butilisons|\butilisent|\bsur)\s+(?:l'|les\s+)infrastructures?\s+(?:[a-z]+\s+)?d[eu']|\b(?:serveurs|clusters)(?=\s+(?!de\b|d'|du\b|des\b)))\s*(?:(?:la\s+societe|la\s+ste|l'entreprise|la\s+start-up|the\s+company|la|le|les)\s+|l'\s*)?"#,
        examples: [
            "Le site est hébergé par la société Nuage Exemple SAS.", "L'hébergement est assuré par Exemple Infra.", "Hosted by: Example Cloud Inc.",
            "L'hébergement du site a été confié à Exemple Infra.", "Les fiches sont gardées sur les serveurs Exemple, situés à Lyon.",
            "Nous utilisons des serveurs de données fournis par le groupe Exemple.", "Les données sont stockées dans les centres de données de Exemple Ltd.",
            "Exemple Messagerie utilise l'infrastructure mondiale de sa maison mère.", "Les données sont stockées par Exemple Sport qui les collecte.",
        ],
        counterExamples: ["Nous choisissons nos partenaires avec soin.", "Les données sont stockées dans nos systèmes.",
            "Le billet est sauvegardé par le Transporteur.", "Les contenus stockés par les Utilisateurs"])

    static let paymentData = Rule(
        "payment-data",
        finds: "A sentence or section about payment or card data (\"stockées sur les serveurs X\" of a payment provider): a company we do not know named there is a payment provider, not a host.",
        trigger: nil,
        pattern: #"\bpaiements?\b|\bbancaires?\b|cryptogramme|\bcartes?\s+de\s+credit\b|\bpayments?\b|\bcards?\b|\bbanking\b|\bdebiteurs?\b|\bprelevements?\b|\bmandats?\s+(?:sepa|de\s+prelevement)\b"#,
        examples: ["Règles applicables aux moyens de paiement", "Les données bancaires sont stockées sur les serveurs Exemple Pay.",
            "Les données du mandat validées par le débiteur et stockées par EXEMPLE"],
        counterExamples: ["Vos dossiers sont stockés sur les serveurs Exemple."])

    static let hostAsSubject = Rule(
        "host-as-subject",
        finds: "\"X, qui héberge les données\", \"X assure l'hébergement\", \"X est responsable de l'hébergement\", \"X, en tant qu'éditeur et hébergeur du site\": the name before the phrase is a host (a group company hosting for its brands, a tool described before its name).",
        trigger: .hosting,
        pattern: #"\b(?:qui|laquelle|lequel|lesquelles|lesquels)\s*(?:heberge(?:nt)?\b|assure(?:nt)?\s+l'hebergement\b|fourni(?:t|ssent)\s+(?:l'|les\s+)infrastructures?\b)|\bwhich\s+provides\s+the\s+(?:technical\s+)?infrastructure\b|\ben\s+(?:qualite|tant\s+que)\s+(?:de\s+)?(?:sous-traitant|prestataire)\b(?=[^.]{0,100}?\bhebergeur\s+(?:du|de\s+la|de\s+l'|des)\s*(?:site|plate-?forme|application|donnees|service)\b)|\bassurant\s+l'hebergement\b|\b(?:est|sont)\s+(?:responsables?|chargee?s?|en\s+charge)\s+de\s+l'hebergement\b|\bassure(?:nt)?\s+l'hebergement\b|\ben\s+(?:tant\s+qu'|qualite\s+d')\s*(?:editeur\s+et\s+)?hebergeur\s+(?:du|de\s+la|des)\s+["«“]?\s*(?:site|sites|plate-?forme|donnees|portail|application)\b"#,
        examples: ["L'outil de discussion Exemple Chat, qui héberge les conversations en Europe.", "Exemple Groupe AG est responsable de l'hébergement de vos données.",
            "Sous-traitant : Exemple Web, en tant qu'éditeur et hébergeur du site.", "Les sociétés du Groupe Exemple assurant l'hébergement des portails.",
            "Vos données sont transmises à Exemple Inc., laquelle fournit l'infrastructure technique de la plateforme.",
            "Elles sont traitées par Exemple, qui intervient en qualité de sous-traitant chargé du site (gestion technique, hébergeur du site)."],
        counterExamples: ["Le prestataire qui gère les paiements.", "Exemple SAS agit en qualité d'hébergeur des contenus publiés.",
            "Exemple intervient en qualité de sous-traitant pour le support."])

    static let hostBlockLabel = Rule(
        "host-block-label",
        finds: "The host block of a legal notice, as a label on its own line (\"Hébergeur\", \"Hébergement du site\", \"Hosting\"): by law (LCEN art. 6) it names the host of the site.",
        trigger: .hosting,
        pattern: #"^\s*(?:(?:article\s+)?[0-9]+(?:\.[0-9]+)*\.?\s*(?:[-:)]\s*)?)?(?:l')?(?:hebergeurs?|hebergement|hosting(?: provider)?|hosts?|web ?hosts?|hosted by|site hosting|hebergement et (?:realisation|conception)|(?:services?|prestataires?|fournisseurs?) d'hebergement)(?:\s+(?:du|de|des|of)\s+(?:ce\s+|notre\s+|the\s+)?(?:site|sites|site internet|site web|website|web site|portail|plateforme))?\s*:?\s*$"#,
        examples: ["Hébergeur du site", "Hosting", "Hébergement :", "4.2. Services d'hébergement", "Article 3 - Hébergeur"],
        counterExamples: ["Hébergement des données de santé chez Exemple SAS", "4.2. Hébergement des données"])

    static let hostBlockRunIn = Rule(
        "host-block-run-in",
        finds: "\"Hébergement EXEMPLE\", \"Hébergeur du site Exemple SAS\": the host block's label with its value on the same line and no colon (the host of the site); the value must be in capitals or carry its legal form.",
        trigger: .hosting,
        pattern: #"^\s*(?:l')?(?:hebergeurs?|hebergement|hosting(?: provider)?|web ?hosts?)(?:\s+(?:du|de|des|of)\s+(?:ce\s+|notre\s+|the\s+)?(?:site|site internet|site web|website|plateforme))?\s+(?=\S)"#,
        examples: ["Hébergement EXEMPLE NET", "Hébergeur du site Exemple SAS"],
        counterExamples: ["Nos serveurs sont hébergés en France."])

    static let hostBlockSentence = Rule(
        "host-block-sentence",
        finds: "\"L'hébergement est assuré par X\" with no role said: the legal notice's host block, written as a sentence (the host of the site).",
        trigger: .hosting,
        pattern: #"^\s*(?:l')?hebergement\s+(?:(?:du|de ce|de notre)\s+site(?:\s+internet|\s+web)?\s+)?(?:est|sont)\s+(?:assure|realise|opere|fourni|effectue|confie)e?s?\s+(?:par|a|chez)\b"#,
        examples: ["L'hébergement est assuré par Exemple SAS.", "Hébergement du site est confié à Exemple Infra."],
        counterExamples: ["Nous assurons l'hébergement des données par Exemple SAS."])

    static let hostingHeading = Rule(
        "hosting-heading", finds: "A heading or a label that opens a hosting section (\"Hébergement\", \"Stockage\", \"Prestataires techniques\").",
        trigger: .heading, words: Lexicon.words("hosting-heading-words"),
        pattern: #"heberg|\bhosting\b|\bhost\b|\bhosts\b|infrastructure|\bstockage\b|\bstorage\b|prestataires? techniques?|technical (?:service )?providers?"#,
        examples: ["Hébergement et sécurité", "Technical providers", "Stockage des données"],
        counterExamples: ["Vos droits", "Article 12"])

    static let serviceLabel = Rule(
        "service-label",
        finds: "A label naming a service a provider renders (\"Envoi des e-mails\", \"SMS\", \"Sauvegardes\"): with a role, it reads as a hosting label.",
        trigger: nil,
        pattern: #"^\s*(?:envoi|expedition|emission|routage|sauvegarde|backup|cdn|diffusion|messagerie|e-?mailing|sms|notifications?|emails?|courriels?)\b"#,
        examples: ["Envoi des e-mails", "SMS", "Sauvegarde des dossiers"],
        counterExamples: ["Nos engagements sur les e-mails"])

    static let messagingService = Rule(
        "messaging-service",
        finds: "\"envoyés par X\", \"sent through X\": a provider that carries the platform's messages holds them too.",
        trigger: .messaging,
        words: Lexicon.words("messaging-words"),
        pattern: #"(?:envoye|expedie|achemine|archive|transmis|delivre|diffuse)e?s?\s+(?:par|au moyen|via|par l'intermediaire|grace|depuis|avec)|\bsent\s+(?:by|through|via|using)|delivered\s+(?:by|through|via)|\benvoi\s+(?:des|de)\s+(?:e-?mails?|courriels?|sms|notifications?|messages?)|\benvoi\s+(?:des|de\s+la|de\s+notre|de\s+nos|de\s+vos|de\s+votre|de)\s+(?:newsletters?|lettres?\s+d'information)\b|\benvoi\s+(?:des|de|d')\s*[^.;]{0,60}?\b(?:par|via)\s+(?:une?\s+)?(?:e-?mails?|courriels?|sms|notifications?)\b|\benvoi\s+(?:des|de|d')\s*[^.;]{0,80}?\(\s*(?:sms|e-?mails?|courriels?)\s*\)|\bsending\s+(?:of\s+)?(?:e-?mails?|sms|notifications?)|\b(?:achemine|envoie|expedie|delivre|transmet)(?:nt)?\s+(?:les|nos|vos|des)\s+(?:e-?mails?|courriels?|sms|notifications?|messages?)|\b(?:campagnes?|services?)\s+(?:de\s+|d')?(?:marketing\s+par\s+e-?mail|e-?mailing)\b|\be-?mail\s+marketing\s+(?:campaigns?|services?)"#,
        examples: ["Les SMS sont envoyés par Exemple Messages SAS.", "Emails are sent through Example Mail Inc.", "Envoi d'un rappel par SMS.",
            "Campagnes de marketing par e-mail", "Services d'e-mailing", "L'envoi de la newsletter est effectué par la société EXEMPLE."],
        counterExamples: ["Vous pouvez nous écrire par courrier.", "Vos préférences de marketing par e-mail"])

    /// "en charge de la gestion", "chargée de l'envoi", "responsable de la diffusion": the trigger words of
    /// `messaging-in-charge` (words such as "de la gestion des" alone would wake half the blocks of a page).
    private static let inChargeOf: [String] = ["charge", "chargee", "charges", "chargees", "responsable", "responsables"].flatMap { who in
        ["de la gestion", "de l'envoi", "de l'expedition", "de la diffusion", "de l'acheminement"].map { "*\(who) \($0)*" }
    } + ["*sending*", "*delivery of*"]

    static let messagingInCharge = Rule(
        "messaging-in-charge",
        finds: "\"X est le sous-traitant en charge de la gestion des notifications push\", \"X is responsible for sending our e-mails\": the subject of the sentence carries the platform's messages.",
        trigger: .messaging,
        words: Lexicon.triggerWords(inChargeOf),
        pattern: #"\b(?:est|sont)\s+(?:(?:le|la|les|un|une|notre|nos)\s+|l')?(?:[a-z-]+\s+){0,5}?(?:en\s+charge|chargee?s?|responsables?)\s+de\s+(?:la\s+gestion|l'envoi|l'expedition|la\s+diffusion|l'acheminement)\s+(?:d(?:es|e\s+nos|e\s+vos|e\s+la|e\s+notre|u|e)\s+(?:push|notifications?|e-?mails?|sms|courriels?|newsletters?|messages?|lettres?\s+d'information)\b|d'e-?mails?\b)|\b(?:is|are)\s+(?:(?:the|our|a|an)\s+)?(?:[a-z-]+\s+){0,3}?(?:in\s+charge\s+of|responsible\s+for)\s+(?:sending|the\s+(?:sending|delivery)\s+of)\s+(?:(?:our|the|your)\s+)?(?:push|notifications?|e-?mails?|sms|messages?|newsletters?)\b"#,
        examples: ["Exemple est le sous-traitant de la marque en charge de la gestion des push notifications.",
            "Exemple Mail is responsible for sending our e-mails.", "EXEMPLE est chargé de l'envoi des SMS.", "Exemple est en charge de l'envoi d'e-mails."],
        counterExamples: ["Exemple est en charge de la gestion des paiements.", "Le responsable du traitement des e-mails est joignable.",
            "Les Utilisateurs sont responsables des messages qu'ils publient."])

    static let messagingCarrier = Rule(
        "messaging-carrier",
        finds: "\"… effectué par la société X\", \"… via notre prestataire X\": after the words of a messaging sentence, the company that carries the messages (asked only of a sentence `messaging-service` found).",
        trigger: nil,
        pattern: #"\b(?:effectuee?s?|realisee?s?|assuree?s?|geree?s?|confiee?s?|operee?s?|handled|performed|managed|carried\s+out)\s+(?:par|a|by)\s+(?:(?:la\s+societe|la\s+ste|l'entreprise|the\s+company|notre\s+(?:prestataire|partenaire|sous-traitant)|le\s+(?:prestataire|partenaire|sous-traitant)|our\s+(?:provider|partner|processor))\s+)?|\b(?:par|via|by|through)\s+(?:la\s+societe|la\s+ste|l'entreprise|the\s+company|notre\s+(?:prestataire|partenaire|sous-traitant)|le\s+(?:prestataire|partenaire|sous-traitant)|our\s+(?:provider|partner|processor))\s+"#,
        examples: ["L'envoi de la newsletter est effectué par la société EXEMPLE.", "sent through our provider Example"],
        counterExamples: ["L'envoi de la newsletter est hebdomadaire.", "Les communications envoyées par e-mail par Exemple.com respectent la loi."])

    static let nameThenService = Rule(
        "name-then-service",
        finds: "\"Exemple – Services de marketing par e-mail\": a line that is a table row written out, a name, a dash, then the service it renders; when the service hosts or carries data, the name is the provider's.",
        trigger: nil,
        pattern: #"^\s*(?:\|[^|]{0,40}?)?\s*[-–—]\s+[^.;:]{3,70}$"#,
        examples: [" – Services de marketing par e-mail", " | Pays-Bas - Hébergement du site"],
        counterExamples: [" est notre prestataire d'hébergement, situé en France.", " – Vos données sont hébergées chez nous. Elles sont sauvegardées."])

    static let serviceOnInfrastructure = Rule(
        "service-on-infrastructure",
        finds: "\"Exemple utilise l'infrastructure globale de X\", \"X fournit l'infrastructure technique\": the service runs on X's infrastructure; with no narrower role said, X holds its back end (application).",
        trigger: .hosting,
        pattern: #"\b(?:utilise|utilisons|utilisent|s'appuie\s+sur|s'appuient\s+sur|repose\s+sur|reposent\s+sur|fournit|fournissent)\s+(?:l'|les\s+)infrastructures?\b|\bprovides?\s+the\s+(?:technical\s+)?infrastructure\b"#,
        examples: ["Exemple Messagerie utilise l'infrastructure globale de sa maison mère.", "Example Inc. provides the technical infrastructure."],
        counterExamples: ["L'infrastructure est sécurisée.", "Exemple fournit l'assistance technique."])

    /// A table's service cell that says the provider hosts, stores or serves data.
    static let hostingService = Rule(
        "hosting-service", finds: "A subprocessor table's service cell that says the provider hosts, stores or serves data: the row names a host.",
        trigger: nil,
        pattern: #"heberg|\bstock|sauvegard|infrastructure|serveurs?\b|\bcdn\b|diffusion de contenu|content delivery|hosting|storage|\bbackup|\bcloud\b|archivage|infogerance|\bpaas\b|\biaas\b|execution de l'application|\bddos\b|\bproxy\b|deni de service|denial of service"#,
        examples: ["Hébergement des données", "Cloud storage", "Protection contre le déni de service"],
        counterExamples: ["Paiement en ligne", "Support client"])

    static let statusVerb = Rule(
        "status-verb", finds: "Right after a provider's name, a verb that makes the sentence about its status (\"X est certifié\"), not a host list.",
        trigger: nil,
        pattern: #"^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:est|n'est|ne|n'a|a obtenu|dispose|detient|beneficie|possede|is|has|holds|does|was|reste|demeure)\b"#,
        examples: [" est certifiée HDS.", " (Exemple) dispose de la qualification."],
        counterExamples: [" et Exemple Cloud hébergent les données."])

    static let companyDetails = Rule(
        "company-details", finds: "Registration details (\"RCS\", \"capital\", \"siège\"): the block reads as a company's identity, the value of a host label.",
        trigger: nil, pattern: #"\brcs\b|capital|siege|immatricul|registered|sis\b|situee? au|domicili"#,
        examples: ["Exemple SAS, RCS Lyon 123 456 789", "Registered office: 1 Example Street"],
        counterExamples: ["Afin de respecter les dispositions suivantes"])

    static let editor = Rule(
        "editor", finds: "The publisher of the service, named in the same sections as the host: not its host.",
        trigger: .editorWords, words: ["edite", "directeur de", "responsable de", "published by", "publisher", "exploite"],
        pattern: #"\bedite(?:e|s|es)?\s+par|\bedite(?:nt)?\s+(?:un|une|le|la|l'|les|des)\s|\bediteur\b|directeur de (?:la )?publication|responsable de (?:la )?publication|published by|\bpublisher\b|\bexploite(?:e)?\s+par"#,
        examples: ["Le site est édité par Exemple Santé SAS.", "Publisher: Example Health Ltd"],
        counterExamples: ["Le site est hébergé par Exemple SAS."])

    static let siteMaker = Rule(
        "site-maker",
        finds: "A line naming who made the site (\"Ce site a été créé par :\", \"Conception : \", \"Designed by\"): the company after it is a web agency, not a host.",
        trigger: nil,
        pattern: #"\b(?:site|sites|application|app|plate-?forme|logo|charte\s+graphique)\b[^.:;]{0,40}?\b(?:cree|realise|concu|developpe|integre|designe)e?s?(?:\s+et\s+(?:cree|realise|concu|developpe|integre|designe)e?s?)?\s+par\b|^\s*(?:conception|realisation|creation|developpement|design|webdesign|credits?)(?:\s+(?:et|&)\s+(?:conception|realisation|creation|developpement|design|integration))?(?:\s+(?:du\s+site|graphique|web|technique))?\s*:|\b(?:designed|developed|built|created)\s+by\b|\bagence\s+web\b|\bweb\s+agency\b"#,
        examples: ["Ce site a été créé par :", "Conception et réalisation : Exemple Studio SARL", "Website designed by Example Ltd"],
        counterExamples: ["Ce site est hébergé par :", "Les données créées par vous"])

    static let indefiniteHost = Rule(
        "indefinite-host", finds: "\"des hébergeurs certifiés\", \"a certified provider\": the sentence speaks of hosts it does not name, so it points back to none.",
        trigger: nil,
        pattern: #"\bdes\s+hebergeurs|\bun\s+hebergeur|\bd'un\s+hebergeur|\b(?:deux|plusieurs|trois)\s+hebergeurs|\ban?\s+(?:hds-)?certified\s+(?:health data\s+)?(?:host|provider)|\bcertified\s+(?:hosts|providers)|\bdes\s+prestataires"#,
        examples: ["Les données sont confiées à des hébergeurs certifiés.", "We use a certified health data host."],
        counterExamples: ["Exemple Cloud est certifié hébergeur de données de santé."])

    static let definedTerm = Rule(
        "defined-term", finds: "A parenthesis that defines a term (\"ci-après « le Prestataire »\") rather than saying what is hosted.",
        trigger: nil, pattern: #"ci-?apres|ci-?dessous|hereinafter|denomme"#,
        examples: ["ci-après « le Prestataire »", "hereinafter the Provider"],
        counterExamples: ["site vitrine"])

    static let distractor = Rule(
        "distractor", finds: "Cookies, tracking or sign-in near a provider's name: it is not named as a host.",
        trigger: .distractorWords,
        words: ["cookie", "traceur", "analytics", "publicit", "advertis", "mesure d'audience", "se connecter avec", "sign in with",
            "reseaux sociaux", "social network", "analyse", "usage analysis"],
        pattern: #"cookie|traceur|\banalytics\b|publicit|advertis|mesure d'audience|se connecter avec|sign in with|reseaux sociaux|social network|\banalyses?\s+(?:et\s+amelioration|d'audience|de\s+(?:l'audience|la\s+frequentation|frequentation|l'utilisation|la\s+navigation|navigation|trafic))|\busage\s+analysis"#,
        examples: ["Les cookies de mesure d'audience d'Exemple.", "Sign in with Example.", "Analyse et amélioration de l'application"],
        counterExamples: ["Le site est hébergé par Exemple SAS."])

    static let roleNoise = Rule(
        "role-noise",
        finds: "Phrases that carry role or hosting words without saying what is hosted (data centres, the HDS certificate's name, \"sur une plateforme agréée\"): blanked before roles are read.",
        trigger: .roleNoiseWords,
        words: ["centre", "center", "salle", "hebergeur", "certificat", "agrement", "pour l'hebergement", "health data host", "site de ",
            "sites de ", "second site", "site distant", "site physique", "sites physique", "plateforme", "plate-forme", "mail", "donnees du site", "donnees de ce site", "donnees de notre site",
            "courriel", "adresse electronique", "adresses electronique", "collecte", "recueilli", "obtenu", "collected", "gathered", "via", "through", "par le biais"],
        pattern: #"centres?\s+de\s+donnees|data\s?cent(?:er|re)s?|salles?\s+(?:informatiques?|serveurs?)|hebergeurs?\s+(?:certifie(?:e|s|es)?\s+|agree(?:e|s|es)?\s+)?de\s+donnees\s+de\s+sante(?:\s+certifie(?:e|s|es)?)?|(?:certificat|certification|agrement)\s+(?:d'|de\s+l')?hebergeurs?(?:\s+de\s+donnees\s+de\s+sante)?|pour\s+l'hebergement\s+de\s+donnees\s+de\s+sante(?:\s+a\s+caractere\s+personnel)?|hebergeur\s+(?:infogereur|d'infrastructure\s+physique)|activites?\s+d'hebergeur|health\s+data\s+host(?:ing)?(?:\s+provider)?|sites?\s+(?:de\s+(?:production|secours)|physiques?)|second\s+site|site\s+distant|(?:sur|via)\s+(?:une|la|leur|sa|son)\s+plate-?forme\s+(?:agree|certifie|securise)e?|\badresses?\s+(?:e-?mail|mail|electronique|de\s+courriel)|(?<=donnees\s)(?:du|de\s+ce|de\s+notre)\s+site(?:\s+internet|\s+web)?\b|\b(?:e-?mail|mail|courriel)\s+address|(?<![a-z-])(?:e-?mail|mail|courriel)\s*:|(?:collectee?s?|recueillie?s?|obtenue?s?|collected|gathered)\s+(?:par\s+le\s+biais\s+d[eu']|par\s+l'intermediaire\s+d[eu']|au\s+moyen\s+d[eu']|a\s+partir\s+d[eu']|via|sur|depuis|through|on|from)\s*(?:notre|nos|le|les|la|ce|cette|l'|our|the|this)?\s*(?:site|sites|site\s+web|site\s+internet|website|application|app)\b|\b(?:via|through|par\s+le\s+biais\s+d[eu'])\s*(?:le|notre|ce|l'|our|the|this)?\s*(?:site|website|site\s+web|site\s+internet)\b"#,
        examples: ["Exemple est hébergeur de données de santé certifié.", "Deux centres de données en France.", "Les sites physiques hébergeant l'infrastructure",
            "Mail : contact@exemple.fr", "Les données collectées par le biais de notre site", "Les fichiers transmis via le site",
            "Les noms et adresses e-mail de vos contacts", "Les données du site sont stockées chez Exemple."],
        counterExamples: ["Le site vitrine est hébergé par Exemple SAS."])
}
