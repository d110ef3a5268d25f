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
        words: ["cloud act", "patriot act", "fisa", "section 702", "12333", "societe mere", "maison mere", "extraterritorial", "filiale", "subsidiary",
            "owned by"],
        pattern: #"\bcloud act\b|patriot act|\bfisa\b|section 702|12333|"# + usParent + #"|extraterritorial"#,
        cancelledBy: [.inClause(hostDenial)],
        examples: ["Exemple Cloud est soumis au Cloud Act.", "Exemple SAS, filiale française d'un groupe américain, héberge les données."],
        counterExamples: ["Exemple Cloud n'est pas soumis au Cloud Act.", "Les données restent en France.",
            "Ces informations sont comparées au contenu de votre bibliothèque iCloud actuellement disponible."])

    /// "us …" as the trigger automaton reads it after a space, a hyphen or an apostrophe, and written "U.S. …".
    private static func usWordVariants(_ words: [String]) -> [String] {
        words.flatMap { [" \($0)", "-\($0)", "'\($0)", "u s\($0.dropFirst(2))"] }
    }

    /// Authorities, governments, customs and immigration services: who may be handed data (`location-outside-by-authorities`
    /// reads them too).
    static let authorities =
        #"\b(?:autorites?(?!\s+de\s+(?:controle|protection))|gouvernements?|agences?\s+gouvernementales?|instances?\s+gouvernementales?|(?:services?\s+(?:des\s+)?)?douanes?|douanieres?|immigration|administrations?|etats\s+(?:et\s+administrations\s+)?(?:[a-z]+\s+(?:et|ou)\s+)?(?=etrangers)|authorit(?:y|ies)|governments?|government\s+agenc(?:y|ies)|customs|law\s+enforcement)\b"#

    /// A country outside the EU named by its adjective or its name, "foreign" states, or the countries of a
    /// passenger's route.
    private static let foreignCountry =
        #"\b(?:(?<!l')etrangere?s?(?!\s+(?:a|aux)\b)|foreign|"# + namedNonEUCountryAdjective + #"|(?:d'autres|de|des) pays tiers|d'un pays tiers|d'autres pays|third countr(?:y|ies)|other countries|(?:hors|en dehors)\s+(?:de\s+l'|du\s+|de\s+la\s+)?"# + europeanUnionNames + #"|outside\s+(?:the\s+)?(?:eu|eea|european union)|(?:de\s+votre|du|des|de\s+ce|of\s+your)\s+pays\s+(?:de\s+(?:destination|transit|depart|provenance|vol)|d'escale)|des\s+(?:differents\s+)?pays\s+(?:situes\s+sur|figurant\s+sur|se\s+trouvant\s+sur|de\s+votre\s+itineraire|par\s+lesquels|survoles|traverses)|(?:countries|country)\s+(?:on\s+your\s+(?:itinerary|route)|of\s+(?:destination|transit)))\b"#

    /// A country outside the EU by its adjective, or its name after "des", "aux", "du", "of the": "américaines",
    /// "des États-Unis" (`exposure-foreign-authorities`, `location-outside-by-authorities`).
    static let namedNonEUCountryAdjective = #"(?:nord-)?americaine?s?|canadien(?:ne)?s?|chinoise?s?|russes?|algerien(?:ne)?s?|marocaine?s?|tunisien(?:ne)?s?|turcs?|turques?|israelien(?:ne)?s?|britanniques?|indien(?:ne)?s?|japonaise?s?|australien(?:ne)?s?|american|canadian|chinese|russian|british|indian|des etats-unis|aux etats-unis|du canada|de (?:la )?chine|du royaume-uni|of the united states"#

    /// Their words, as the trigger automaton reads them.
    static let namedNonEUCountryWords = ["americ", "canad", "chinois", "chine", "chinese", "russe", "russian", "algerien", "marocain", "tunisien",
        "turc", "turque", "israelien", "britanni", "british", "indien", "indian", "japonais", "australien", "etats-unis", "royaume-uni",
        "united states"]

    static let askingAuthorities = Rule(
        "asking-authorities",
        finds: "Right before authorities: \"du\", \"de la\", \"de l'\", \"of the\" (\"les exigences du gouvernement britannique\"): the authorities whose requirements or requests the sentence speaks of, not those handed data.",
        trigger: nil, pattern: #"\b(?:du|de\s+la|de\s+l'|of\s+the)\s*$"#,
        examples: ["dans le cadre des exigences du ", "at the request of the "], counterExamples: ["Nous transmettons ces données aux "])

    static let foreignAuthorities = Rule(
        "exposure-foreign-authorities",
        finds: "Authorities of a country outside the EU, \"foreign\" ones or those of the countries on a passenger's route, that are given data (\"communiquées aux autorités douanières des pays de votre itinéraire\", \"disclosed to US authorities\"): a non-EU state can reach the data. Only with words of data handed over (`handed-over`).",
        trigger: .exposure,
        // The countries' words, not the authorities' ("autorité" is in nearly every privacy policy): far fewer blocks
        // hold them, and each is read only when it does.
        words: ["etranger", "foreign"] + namedNonEUCountryWords + ["pays tiers", "autres pays", "third countr", "other countries", "hors", "dehors", "outside", "pays de", "pays d'escale",
            "pays situes", "pays figurant", "pays se trouvant", "pays par lesquels", "pays survoles", "pays traverses", "countries on",
            "country on", "countries of", "country of", "quel que soit", "quelle que soit", "quels que soient", "quelles que soient", "tout etat",
            "tout pays", "any state", "any country"]
            + usWordVariants(["us authorit", "us government", "us law enforcement"]),
        pattern: authorities + #"(?:[^.;]){0,80}?"# + foreignCountry + #"|"# + authorities
            + #"(?:[^.;]){0,160}?(?:(?:quel que soit|quelle que soit|quels que soient|quelles que soient) (?:l'etat|le pays|les etats|les pays)|\bde tout (?:etat|pays)\b(?!\s+membre)|\bany (?:state|country)\b(?!\s+member))|\b(?:us|u\.s\.)\s+(?:authorities|government|law enforcement)"#,
        // An exception after a denial ("ne … pas …, sauf si … les autorités du pays de destination") says when it happens.
        cancelledBy: [.inClause(negation, separators: Clause.defaultSeparators + [" sauf ", " except ", " unless ", " a moins "]), .inSentence(safeguardsOrTrade),
            .justBefore(askingAuthorities, reach: 12)],
        examples: ["Vos données peuvent être communiquées aux autorités douanières des pays de votre itinéraire.", "Data may be disclosed to US authorities.",
            "Le transporteur est tenu de mettre ces informations à la disposition d'autorités publiques étrangères habilitées.",
            "Nous transmettons les données de réservation aux autorités américaines et canadiennes.",
            "Nos filiales peuvent divulguer vos données aux autorités chinoises sans autre avis.",
            "Le membre autorise la société à transmettre ses informations aux États et administrations français et étrangers.",
            "Nous ne vendons pas vos données, sauf si elles sont requises par les autorités du pays de destination.",
            "Ces informations peuvent être transmises aux autorités gouvernementales et aux autres transporteurs, quel que soit l'État."],
        counterExamples: ["Vous pouvez déposer une plainte auprès de l'autorité de contrôle de votre pays.",
            "Nous ne communiquons jamais vos données aux autorités étrangères.", "Vos données peuvent être communiquées aux autorités françaises.",
            "En tout état de cause, la société reste étrangère aux litiges nés de la fourniture du service.",
            "We may share your data with various authorities when the law requires it.",
            "Vos données peuvent être transférées vers des États situés hors de l'Union européenne.",
            "Nous communiquons ces données aux autorités compétentes de tout État membre.",
            "Nous transmettons vos données aux autorités judiciaires, y compris si vous résidez à l'étranger.",
            "Selon les exigences du gouvernement britannique, vous transmettez ces informations au transporteur."])

    static let foreignLaw = Rule(
        "exposure-foreign-law",
        finds: "A law of a country outside the EU, or a foreign law, under which data can be reached (\"prestataires soumis à la législation nord-américaine\", \"required by US law to disclose\", \"une juridiction étrangère\"). Only with words of data handed over (`handed-over`): US copyright or export laws reach no data.",
        trigger: .exposure,
        words: ["americ", "etats-unis", "etranger", "foreign"]
            + usWordVariants(["us law", "us legislation", "us jurisdiction", "us federal"]),
        pattern: #"\b(?:lois?|legislations?|droit|juridictions?|reglementations?)\s+(?:federale?s?\s+)?(?:et\s+(?:des\s+|de\s+l')?(?:etats?\s+)?)?(?:nord-)?americaine?s?\b|\b(?:lois?|legislations?|droit|juridictions?)\s+des\s+etats-unis\b|\b(?:lois?|legislations?|droit|reglementations?)\s+(?:applicables?|en vigueur)\s+aux\s+etats-unis\b|\b(?:laws?|legislation)\s+(?:of|applicable in|in force in)\s+the\s+united\s+states\b|\b(?:us|u\.s\.|american)\s+(?:federal\s+)?(?:law|legislation|jurisdiction)s?\b|\b(?:lois?|legislations?|droit|juridictions?|reglementations?|tribunaux)\s+etrangere?s?\b|\bforeign\s+(?:laws?|legislations?|jurisdictions?|courts?)\b"#,
        cancelledBy: [.inClause(negation), .inSentence(safeguardsOrTrade)],
        examples: ["Ces espaces de stockage sont fournis par des prestataires soumis à la législation nord-américaine.", "We may be required by US law to disclose your data.",
            "Transférées vers une juridiction étrangère, vos informations pourront devoir être divulguées à ses autorités.",
            "Nous pouvons divulguer vos informations pour respecter les lois fédérales et des États américains.",
            "Vous acceptez que la communication de vos informations soit soumise aux lois applicables aux États-Unis.",
            "Your information may be disclosed as required by the laws of the United States."],
        counterExamples: ["Le contenu est protégé par les lois européennes sur le droit d'auteur.",
            "Vos données ne sont pas soumises aux lois applicables aux États-Unis."])

    static let reachFromAbroad = Rule(
        "exposure-reach-from-abroad",
        finds: "Access to the data from a country outside the EU that the page says cannot be ruled out (\"l'accès aux données depuis les États-Unis ne peut être exclu\"): data kept in the EU can still be reached from there, mostly because the provider is established there.",
        trigger: .exposureMoreWords,
        words: ["etre exclu", "etre ecarte", "pas exclu", "be excluded", "be ruled out"],
        pattern: #"\bacces\b[^.;]{0,80}?\b(?:depuis|a partir)\s+"# + namedNonEUCountry + #"[^.;]{0,80}?"# + notRuledOut + #"|"# + notRuledOut
            + #"[^.;]{0,80}?\b(?:accessibles?|acces|access(?:ed|ible)?)\b[^.;]{0,60}?\b(?:depuis|a partir|from)\s+"# + namedNonEUCountry
            + #"|\baccess(?:ed)?\b[^.;]{0,80}?\bfrom\s+"# + namedNonEUCountry + #"[^.;]{0,80}?"# + notRuledOut,
        examples: ["Ce prestataire ayant son siège aux États-Unis, un accès aux données depuis les États-Unis ne peut être exclu.",
            "Il ne peut être exclu que les données soient accessibles depuis les États-Unis.",
            "As the provider is based in the US, access to the data from the United States cannot be ruled out."],
        counterExamples: ["L'accès aux données depuis les États-Unis est impossible.", "Nos équipes peuvent accéder à vos données depuis l'Inde.",
            "Access from the United States is technically blocked, and no exception is excluded from this rule by us."])

    /// "ne peut (pas) être exclu", "cannot be ruled out".
    private static let notRuledOut =
        #"\b(?:ne\s+(?:peut|peuvent|saurait|sauraient)\s+(?:[a-z]+\s+){0,2}?etre\s+(?:exclue?s?|ecartee?s?)|n'est\s+pas\s+exclue?|(?:cannot|can\s?not|could\s+not)\s+be\s+(?:excluded|ruled\s+out))\b"#

    /// A country outside the EU by its name (not "foreign" ones, which may be in the EU).
    static let namedNonEUCountry =
        #"(?:les\s+|la\s+|le\s+|l'|the\s+)?(?:etats-unis|united\s+states|usa|us|u\.s\.|chine|china|russie|russia|inde|india|royaume-uni|united\s+kingdom|canada)\b"#

    static let thoseCountriesAuthorities = Rule(
        "exposure-authorities-of-those-countries",
        finds: "The authorities of \"ces pays\" / \"those countries\" (the countries outside the reader's own that the sentence before sends data to) and their access to the data (\"les autorités de sécurité de ces pays peuvent accéder à vos données\", \"the rights of authorities to access your data in those countries may differ\"). Not when the access itself is denied (`access-denied`).",
        trigger: .exposureMoreWords,
        words: ["ces pays", "ces autres pays", "these countries", "those countries", "such countries", "these other countries", "those other countries",
            "such other countries"],
        pattern: #"\b(?:autorites|forces\s+de\s+l'ordre|tribunaux|authorities|law\s+enforcement|courts)\b(?:[^.;]{0,120}?\b(?:de|dans)\s+ces\s+(?:autres\s+)?pays\b[^.;]{0,80}?\bacce(?:s|der)\b|[^.;]{0,100}?\bacce(?:s|der)\b[^.;]{0,100}?\b(?:de|dans)\s+ces\s+(?:autres\s+)?pays\b|[^.;]{0,120}?\b(?:in|of)\s+(?:these|those|such)\s+(?:other\s+)?countries\b[^.;]{0,80}?\baccess|[^.;]{0,100}?\baccess\w*\b[^.;]{0,100}?\bin\s+(?:these|those|such)\s+(?:other\s+)?countries\b)"#,
        cancelledBy: [.inClause(accessDenied)],
        examples: ["Les tribunaux ou les autorités de sécurité de ces autres pays peuvent être autorisés à accéder à vos données.",
            "Les droits des autorités en matière d'accès à vos informations dans ces pays peuvent différer de ceux de votre pays.",
            "Law enforcement authorities in those countries may be able to access your personal data."],
        counterExamples: ["Le voyageur se conforme aux exigences des autorités de ces pays en matière d'immigration.",
            "Les autorités de ces pays n'ont pas accès à vos données, qui restent chiffrées."])

    static let accessDenied = Rule(
        "access-denied",
        finds: "In a clause: access itself denied (\"n'ont pas accès\", \"ne peuvent pas accéder\", \"cannot access\").",
        trigger: nil,
        pattern: #"\bn'(?:ont|a|auront)\s+(?:pas|jamais|aucun)\s+(?:d')?acces\b|\bne\s+(?:peuvent|peut|pourront|pourra)\s+(?:pas|jamais)\s+(?:y\s+)?acceder\b|\b(?:cannot|can\s?not|will\s+not|do\s+not|never)\s+(?:have\s+)?access|\bno\s+access\b"#,
        examples: ["les autorités n'ont pas accès", "cannot access your data"], counterExamples: ["les autorités peuvent accéder à vos données"])

    static let frameworkDisclosure = Rule(
        "exposure-privacy-framework",
        finds: "The EU-US Data Privacy Framework's own notice that data received under it may be given to public authorities (\"communiquer des informations traitées dans le cadre du Data Privacy Framework en cas de demandes légitimes d'autorités publiques\"): under that framework, the authorities are American.",
        trigger: .exposureMoreWords,
        words: ["privacy framework", "privacy shield", "cadre de protection des donnees ue-etats-unis", "cadre de protection des donnees ue etats-unis",
            "dpf"],
        pattern: #"(?:data\s+privacy\s+framework|privacy\s+shield|cadre\s+de\s+protection\s+des\s+donnees\s+ue-etats-unis|\bdpf\b)[^.;]{0,160}?\b(?:autorites\s+publiques|public\s+authorities|forces\s+de\s+l'ordre|law\s+enforcement)\b|\b(?:autorites\s+publiques|public\s+authorities)\b[^.;]{0,160}?(?:data\s+privacy\s+framework|privacy\s+shield|cadre\s+de\s+protection\s+des\s+donnees\s+ue-etats-unis|\bdpf\b)"#,
        cancelledBy: [.inClause(negation)],
        examples: ["Nous pouvons être tenus de communiquer des informations reçues dans le cadre du Data Privacy Framework en réponse à des demandes légitimes d'autorités publiques.",
            "Under the Data Privacy Framework, we may be required to disclose personal data in response to lawful requests by public authorities."],
        counterExamples: ["Nous adhérons au Data Privacy Framework.", "We may disclose information in response to lawful requests by public authorities.",
            "Nous ne communiquons aucune donnée reçue dans le cadre du Data Privacy Framework aux autorités publiques."])

    static let handedOver = Rule(
        "handed-over",
        finds: "In a sentence: words of data given, disclosed or made accessible (\"communiquer\", \"transmettre\", \"donner accès\", \"mettre à la disposition de\", \"disclose\"): a foreign law or authority named without them (copyright) reaches no data.",
        trigger: nil,
        pattern: #"communiqu|transm[ei]|partag|divulg|\bacces\b|remett|\bfourni(?:r|s|e|es|t|ssons|ssent|ra|ront)?\b|\ba\s+la\s+disposition\s+d|transfer|requete|requisition|\b(?:informations?|donnees|data)\b[^.;]{0,40}\b(?:requises?|exigees?|demandees?|required|requested)\b|\bdisclos|\bshar(?:e|ed|ing)\b|\bprovid(?:e|es|ed|ing)\b|\baccess|\btransfer|\brequest(?:s|ed)?\b|\bhand(?:ed)? over|\bobtain|\bsubmit|envoy|\bsend|\bsent\b"#,
        examples: ["Vos données peuvent être communiquées", "Data may be disclosed", "si de telles informations sont requises par les autorités"],
        counterExamples: ["Le contenu est protégé par les lois américaines sur le droit d'auteur.", "Le contenu mis à disposition sur la plateforme",
            "Les documents exigés par les autorités du pays de transit", "Nos fournisseurs de services sont soumis au droit étranger."])

    static let safeguardsOrTrade = Rule(
        "safeguards-or-trade",
        finds: "In a sentence: transfer safeguards approved by a state (adequacy decisions, standard clauses) or trade rules (export controls, sanctions): the state named there approves or forbids, it is not handed data.",
        trigger: nil,
        pattern: #"decisions? d'adequation|adequacy|clauses contractuelles|contractual clauses|garanties appropriees|appropriate safeguards|\bapprouvee?s?\b|\bapproved\b|\bexportations?\b|\bexports?\b|\bsanctions?\b|\bembargo"#,
        examples: ["les clauses contractuelles types approuvées par les autorités britanniques", "listes de sanctions du gouvernement des États-Unis"],
        counterExamples: ["Vos données sont communiquées aux autorités douanières."])

    static let companySeat = Rule(
        "company-seat", finds: "Where a company is established: not where data are, so a country named there places no data.",
        trigger: nil, pattern: #"societe mere|maison mere|siege|headquarter|parent company|etablie aux|incorporated"#,
        examples: ["Sa maison mère est établie aux États-Unis.", "Example Inc., incorporated in Delaware."],
        counterExamples: ["Les données sont transférées aux États-Unis."])
}
