import Foundation

/// Rules that find what a platform claims of its hosts: HDS certification, SecNumCloud qualification, encryption that
/// keeps the keys from the host, and exposure to US law.
extension Rules {
    static let hdsClaim = Rule(
        "hds-claim", finds: "A host certified or approved for health data (HDS, \"hébergeur agréé\", article L.1111-8).",
        trigger: .certification,
        words: Lexicon.triggerWords(["hds", "hads"]) + ["certifi", " agre", "'agre", "-agre", "1111-8", "2018-137", "health data", "plateforme agree", "plate-forme agree",
            "hebergeur de donnees de sante", "hebergeurs de donnees de sante"],
        pattern: #"plate-?forme\s+(?:agree|certifiee)|\bhds\b|\bhads\b|(?:certifi|agre)[a-z]*\b[^.]{0,60}(?:donnees de sante|\bhds\b|hebergeur)|hebergeurs?\s+(?:de\s+donnees\s+de\s+sante\s+)?(?:certifi|agre)[a-z]*|hebergeurs?\s+de\s+donnees\s+de\s+sante|l\.?\s?1111-8|2018-137|certified[^.]{0,40}health data|health data host"#,
        cancelledBy: [.inClause(negation), .inSentence(conditional)],
        examples: ["Exemple Cloud est certifié HDS.", "Les données sont confiées à un hébergeur agréé.", "Example Cloud is a certified health data host."],
        counterExamples: ["Exemple Cloud n'est pas certifié HDS.", "Un hébergeur certifié HDS pourrait être choisi.", "Le site est hébergé en France."])

    static let secNumCloud = Rule(
        "secnumcloud", finds: "A mention of the SecNumCloud qualification; what it says of it is read by the rules below.",
        trigger: .certification, words: ["secnum", "sec num"], pattern: #"sec\s?num\s?cloud"#,
        examples: ["Exemple Cloud est qualifié SecNumCloud.", "Offre Sec Num Cloud"],
        counterExamples: ["Exemple Cloud est certifié ISO 27001."])

    static let secNumCloudHeld = Rule(
        "secnumcloud-held", finds: "Words that hold a SecNumCloud qualification, as opposed to merely naming it.",
        trigger: nil,
        pattern: #"qualifie(?:e|s|es)?\s+(?:sec\s?num\s?cloud|par l'anssi)|sec\s?num\s?cloud[^.;]{0,40}qualifi|(?:dispose|detient|beneficie|obtenu|possede|holds?|has|obtained)[^.;]{0,60}sec\s?num\s?cloud|sec\s?num\s?cloud[- ]qualified|qualified[^.;]{0,30}sec\s?num\s?cloud|certifie(?:e|s|es)?\s+sec\s?num\s?cloud|label(?:lise)?\s+sec\s?num\s?cloud"#,
        examples: ["Exemple Cloud est qualifié SecNumCloud.", "Example Cloud holds the SecNumCloud qualification."],
        counterExamples: ["Qu'est-ce que SecNumCloud ?"])

    static let future = Rule(
        "future", finds: "Within a clause: the qualification is sought, not held (\"en cours\", \"will\", \"pas encore\").",
        trigger: nil, pattern: Lexicon.alternatives(Lexicon.entries("future-words")),
        examples: ["La qualification SecNumCloud est en cours.", "Example will be SecNumCloud qualified."],
        counterExamples: ["Exemple Cloud est qualifié SecNumCloud."])

    static let qualificationUnderWay = Rule(
        "qualification-under-way",
        finds: "A qualification under way said in a clause of its own: \"ne bénéficie pas à ce jour de la qualification ; elle est en cours de qualification\" is sought, not denied.",
        trigger: nil,
        pattern: #"(?:en cours|en voie) de qualification|qualification (?:est\s+)?en cours|(?:processus|demarche|procedure) de qualification|qualification (?:is\s+)?(?:in progress|under way|underway|pending)"#,
        cancelledBy: [.inClause(negation)],
        examples: ["elle est en cours de qualification", "the qualification is in progress"],
        counterExamples: ["la qualification n'est pas en cours", "elle est qualifiée"])

    static let endToEnd = Rule(
        "end-to-end-encryption", finds: "End-to-end or client-side encryption: the host cannot read the data.",
        trigger: .encryption,
        words: ["bout en bout", "bout-en-bout", "bout-en bout", "bout en-bout", "end-to-end", "end to end", "end-to end", "end to-end",
            "e2ee", "cote client", "client-side", "client side",
            "zero-knowledge", "zero knowledge", "zero-access", "zero access", "connaissance nulle", "connaissance zero"],
        pattern: #"(?:chiffr|crypt)[a-z]*\s+de\s+bout[- ]en[- ]bout|end[- ]to[- ]end[- ]encrypt|\be2ee\b|(?:chiffr|crypt)[a-z]*\s+cote\s+client|client[- ]side\s+encrypt|zero[- ]knowledge|zero[- ]access|connaissance\s+(?:nulle|zero)"#,
        cancelledBy: [.inClause(negation)],
        examples: ["Vos messages sont chiffrés de bout en bout.", "We use end-to-end encryption."],
        counterExamples: ["Vos messages ne sont pas chiffrés de bout en bout.", "Les données sont chiffrées au repos."])

    static let noKeys = Rule(
        "no-keys", finds: "\"We do not hold the keys\": itself negative, and a zero-knowledge claim.",
        trigger: .encryption,
        words: Lexicon.triggerWords(["cle", "cles"]) + ["keys", "decrypt", "dechiffr", "n'avons pas acces", "n'avons jamais acces", "n'avons aucun acces",
            "ne pouvons pas", "ne pouvons jamais", "cannot read", "cannot access", "can't read", "can't access", "can not read",
            "can not access", "unable to read", "unable to access"],
        pattern: #"ne\s+(?:detenons|possedons|disposons|conservons|avons|stockons)\s+(?:pas|jamais|aucun)[^.]{0,40}\bcles?\b|n'avons\s+(?:pas|jamais|aucun)\s+acces[^.]{0,60}(?:contenu|donnees|cles)|ne\s+pouvons\s+(?:pas|jamais)\s+(?:lire|acceder|dechiffrer)|(?:cannot|can't|can not|are unable to)\s+(?:read|access|decrypt)\s+(?:your|the)|(?:do not|don't|never)\s+(?:hold|have|store)\s+(?:the\s+|your\s+|any\s+)?(?:encryption\s+|decryption\s+)?keys"#,
        examples: ["Nous ne détenons pas les clés de chiffrement.", "Nous ne pouvons pas lire vos messages.", "We cannot read your files."],
        counterExamples: ["Nous détenons les clés de chiffrement."])

    /// A US parent group: "filiale française d'un groupe américain", "dont la maison mère est située aux États-Unis".
    private static let usParent =
        #"(?:filiale|subsidiary)[^.;]{0,30}(?:groupe|societe|entreprise|company|group|corporation)\s+(?:americaine?|us\b|u\.s\.|des etats-unis)|(?:societe|maison) mere[^.;]{0,30}(?:aux etats-unis|americaine)|owned by an? (?:us|u\.s\.|american)\b"#

    static let usParentGroup = Rule(
        "us-parent-group", finds: "After an unknown provider's name: its parent group is American.",
        trigger: .exposure, pattern: usParent,
        examples: ["Exemple SAS, filiale française d'un groupe américain.", "Example Ltd, owned by a US corporation."],
        counterExamples: ["Exemple SAS, filiale d'un groupe français."])

    static let exposure = Rule(
        "exposure", finds: "A disclosure that data may be reached under US law (Cloud Act, FISA, a US parent).",
        trigger: .exposure,
        words: ["cloud act", "patriot act", "fisa", "section 702", "12333", "societe mere", "maison mere", "americ", "etats-unis",
            " us auth", " us gov", " us law", "-us auth", "-us gov", "-us law", "'us auth", "'us gov",
            "'us law", "extraterritorial", "filiale", "subsidiary", "owned by"],
        pattern: #"cloud act|patriot act|\bfisa\b|section 702|12333|"# + usParent
            + #"|(?:autorites|juridictions?|lois?|administration) (?:americaines?|des etats-unis)|us (?:authorities|government|law)|extraterritorial"#,
        cancelledBy: [.inClause(hostDenial)],
        examples: ["Exemple Cloud est soumis au Cloud Act.", "Data may be disclosed to US authorities."],
        counterExamples: ["Exemple Cloud n'est pas soumis au Cloud Act.", "Les données restent en France."])

    static let companySeat = Rule(
        "company-seat", finds: "Where a company is established: not where data are, so a country named there places no data.",
        trigger: nil, pattern: #"societe mere|maison mere|siege|headquarter|parent company|etablie aux|incorporated"#,
        examples: ["Sa maison mère est établie aux États-Unis.", "Example Inc., incorporated in Delaware."],
        counterExamples: ["Les données sont transférées aux États-Unis."])
}
