import Foundation

/// Rules that place data: in France, in the EU/EEA, or outside it. A location needs words of keeping data somewhere
/// (`location-context`) and a place; each place rule runs only when its own words are in the sentence.
extension Rules {
    static let peoplePlace = Rule(
        "people-place",
        finds: "Right before a place: where people live or are (\"utilisateurs résidant dans\", \"si vous êtes situé dans\", \"residents of\", \"établissement principal\"), not where their data is.",
        trigger: nil,
        pattern: #"(?:(?<!donnees )(?<!data )\bresid(?:ez|ant|ante|ants|antes|ent|ente|ents|entes|ing|e|es|ence|er)\b|\bdomicili[a-z]*|\bdomiciles?\b|\bressortissants?\b|\bcitoyens?\b|\bcitizens?\b|\bnationals?\b|\bvi(?:t|vent|vez|vant)\b|\b(?:live|lives|living)\b|\b(?:utilisateurs?|users?|personnes?|clients?|consommateurs?|consumers?|abonnes?|membres?|members?|passagers?|voyageurs?|internautes|visiteurs?|visitors?|enfants?|mineurs?)\s+(?:qui\s+(?:sont|se\s+trouvent)\s+|who\s+are\s+|(?:that|which)\s+are\s+)?(?:situes?|located|localises?|bases?|based|se\s+trouvant)\b|\bvous\s+(?:etes|vous\s+trouvez|trouvez)\b|\byou\s+are\s+(?:located|based|in)\b|\betablissement\s+principal\b|\bplace\s+of\s+establishment\b|\bare\s+located\b|\b(?:utilisateurs|users|personnes|clients|consommateurs|consumers|abonnes|passagers|voyageurs|internautes|visiteurs|visitors|residents)\s+(?:de\s+l'|de\s+la\s+|du\s+|des\s+|d'|of\s+(?:the\s+)?|from\s+(?:the\s+)?|in\s+the\s+)(?=\s*$)|\b(?:se\s+rend(?:ent|re|ez)?|voyag(?:e|ent|ez|er|eant)|travel(?:s|ling|ing)?\s+to|entr(?:er|ez|ent)|enter(?:s|ing)?)(?=\s*$))(?:[^.;:!?,]|,(?=\s*(?:including|notamment|y\s+compris|such\s+as|telle?s?\s+que)\b)){0,50}$"#,
        examples: ["Pour les utilisateurs résidant dans ", "Si vous êtes situé dans ", "If you are located in certain regions, including the ", "This section applies to users located in the ", "Notre établissement principal se trouve aux ",
            "Nous limitons les informations des utilisateurs de l'", "Les voyageurs qui se rendent ", "Un justificatif de domicile situé ", "À moins de résider "],
        counterExamples: ["Les données sont stockées en ", "Les données résident en ", "Vos données sont hébergées par un prestataire situé en ",
            "Les serveurs sont localisés dans des États membres de l'"])

    static let placeInName = Rule(
        "place-in-name",
        finds: "Right before a place: it is part of a name, not where data is (\"Règlement (UE)\", \"directive (UE)\", \"Data Privacy Framework UE-États-Unis\", a defined term \"ci-après « EEE »\", a definition \"l'EEE, qui comprend les États membres de l'UE\").",
        trigger: nil,
        pattern: #"(?:\b(?:reglement|directive|regulation|framework)\s*\)?\s*\(?\s*|\b(?:ci-?apres|hereinafter|denommee?s?)\b[^.;]{0,30}|«\s*|\b(?:qui\s+(?:comprend|regroupe|inclut|englobe|reunit)|(?:which|that)\s+(?:includes?|comprises?|consists?\s+of))\s+(?:les|l'ensemble des|tous les|toutes les|all(?:\s+the)?|the)\s+(?:\d+\s+)?(?:etats|pays|states|countries|member\s+states)\b[^.;()]{0,30})$"#,
        examples: ["conformément au Règlement ", "de la directive (", "le Data Privacy Framework) ", "(ci-après dénommé « ",
            "(« EEE », qui comprend tous les États membres de l'"],
        counterExamples: ["Les données sont stockées dans l'", "Conformément au règlement, les données sont hébergées en "])

    static let activityPlace = Rule(
        "activity-place",
        finds: "Before a place, with no word of keeping data between them: a sale, a delivery, a law or an authority, an event, an origin (\"vendus en France\", \"les obligations en vigueur en France\", \"l'autorité de contrôle en France\", \"a lieu en France\"), not where data is kept.",
        trigger: nil,
        pattern: #"\b(?:vente|ventes|vend[a-z]*|livr[a-z]*|commercialis[a-z]*|distribu(?:e|es|ee|ees|ons|ent)|souscription|disponibles?|available|sells?|sold|deliver[a-z]*|ship(?:s|ped|ping)?|(?=(?:a|ont)\s+lieu)(?<!(?:transferts?|traitement|stockage|hebergement)\b[^.;!?]{0,120})(?:a|ont)\s+lieu|(?=takes?\s+place)(?<!(?:transfers?|processing|storage|hosting)\b[^.;!?]{0,120})takes?\s+place|cotee?s?\s+en\s+bourse|en\s+vigueur|in\s+force|applicables?|autorites?\s+de\s+(?:protection|controle)|(?:supervisory|data\s+protection)\s+authorit(?:y|ies)|tribuna(?:l|ux)|juridictions?|courts?|lois?|laws?|legislations?|reglementations?|obligations?\s+legales|provenant|en\s+provenance|originating|emise?s?|issued|appels?\s+(?:local|locaux|national|nationaux|international|internationaux|gratuit)|(?:local|national|international)\s+calls?)\b(?:(?!heberg|stock|conserv|archiv|serveur|server|hosted|stored|kept|transf|data\s?cent|datacent)[^.;!?]){0,100}$"#,
        examples: ["Des produits proposés à la vente, principalement sous sa marque, ", "conformément aux obligations en vigueur ", "la CNIL, autorité de protection des données ",
            "vérifier que l'utilisation du service a lieu ", "Products are delivered ", "les données provenant des pays membres de l'", "Coût d'un appel local ",
            "les cartes émises hors de l'"],
        counterExamples: ["Pour la livraison, vos données sont hébergées ", "Les données sont stockées ", "Conformément à la loi, nos serveurs sont situés ",
            "Si le transfert a lieu ", "Le traitement des données de paiement, confié à notre prestataire, a lieu ", "Nous pourrions transférer vos données aux autorités des pays de votre itinéraire, situés "])

    static let comparedPlace = Rule(
        "compared-place",
        finds: "Right before a place: a comparison with it (\"un niveau de protection équivalent à celui accordé au sein de l'EEE\", \"comparable to that of the EU\"), not where data is.",
        trigger: nil,
        pattern: #"\b(?:equivalente?s?|comparables?|similaires?|identiques?|semblables?|superieure?s?|inferieure?s?|equivalent|similar|same|lower|higher)\s+(?:a|as|to|que)\s+(?:celui|celle|ceux|celles|that|those)\s+(?:[a-z]+\s+){0,2}?(?:de|du|des|dans|au sein de|en vigueur dans|in|within|of|applicable in)\s*(?:l'|la\s*|le\s*|les\s*|the\s*)?$"#,
        examples: ["un niveau de protection équivalent à celui accordé au sein de l'", "n'est pas comparable à celui de l'", "equivalent to that of the "],
        counterExamples: ["Les données sont stockées dans l'", "Les serveurs, dont celui de secours, sont hébergés en ", "personal data that is stored in the ",
            "nos serveurs, y compris ceux situés dans l'"])

    /// A cloud region ("région Europe", "AWS region", "eu-west-3 region"), not any region ("une autre région", "Région
    /// parisienne", "la Région européenne" of a group's entities).
    private static let cloudRegion =
        #"\bregions?\s+(?:europe|eu|ue|france|paris|cloud|aws|azure|google|d'hebergement|de\s+(?:stockage|donnees|cloud|l'ue|l'union|l'eee)|[a-z]+-[a-z]+-?\d)\b|\b(?:cloud|aws|azure|gcp|data|hosting|storage|datacenter)\s+regions?\b"#

    static let locationContext = Rule(
        "location-context", finds: "Words of data kept, stored or sent somewhere: without them a place names no data location.",
        trigger: .locationContext,
        words: ["heberg", "stock", "localis", "serveur", " data", "datacent", "data cent", "donnees", "conserv", "transf", "hosted", "stored",
            "located", "server", "region", "residen", "processing", "storage", "hosting", "quitt", "restent", "demeur", "remain", "stay", "leave",
            "sortent", "sortir", "transmi", "communiqu", "traite", "processed", "situe", "trouve", "etabli", "based", "envo", " sent", "kept",
            "store", "storing", "backed up", "adequa"] + bothWaysInBracketsWords,
        pattern: recognisedAdequate + #"|heberge(?:e|s|es)?\b|hebergement|stock|\blocalis(?!ation)|\blocalisation\s+(?:des\s+donnees|des\s+serveurs|de\s+l'hebergement|du\s+stockage|geographique\s+des\s+donnees)|\bserveurs?\b|data ?cent|datacenter|centres? de donnees|conserv|transf(?!ront|orm)|transmi(?:s|se|ses|ssion|tted)\b|communique(?:e|s|es)?\b|\benvoi\s+(?:de\s+|des\s+)?(?:ces|vos|les|leurs|ses|nos)?\s*(?:donnees|informations)\b|\b(?:donnees|informations)\s+(?:[a-z']+\s+){0,4}?envoyee?s?\b|\b(?:data|information)\s+(?:[a-z']+\s+){0,4}?sent\b|\bkept\b|"# + storingData + #"|\bbacked\s+up\b|\b(?:prestataires?|fournisseurs?|sous-traitants?|destinataires?|processors?|sub-processors?|providers?|recipients?|vendors?)\b[^.;]{0,60}?\b(?:situee?s?|etablie?s?|located|based)\b|\b(?:destinataires?|sous-traitants?|recipients?|processors?|sub-processors?)\b[^.;]{0,60}?\bse\s+(?:situent|trouvent|situe|trouve)\b|\b(?:traitee?s?|processed)\s+(?:au sein|hors\b|outside\b|dans (?!le cadre)|en (?!conformite|vue|application|fonction|cas|accord)|within|in (?!accordance|compliance|order|connection|line))|hosted|stored|located|\bservers?\b|"#
            + cloudRegion + #"|residen[a-z]* des donnees|data residency|\b(?:donnees|data|informations|elles|fichiers|dossiers|serveurs)\s+resident\b|quitt|\bsort(?:ent|ir)\b|\brestent\b|\bdemeur(?:e|ent)\b|\bremains?\b|\bstays?\b|\bleaves?\b|"# + processingTakesPlace + "|" + bothWaysInBrackets,
        examples: ["Le Japon est reconnu adéquat par l'Union européenne.", "Les données sont stockées en France.", "Data remains in the EU.", "Hébergé dans la région Europe (Paris)", "Les données résident en France.",
            "Vos données sont traitées au sein de l'Union européenne.", "Vos données pourront être communiquées à un prestataire.",
            "Certains de nos fournisseurs sont situés hors de l'Union européenne.", "Les destinataires sont susceptibles d'être établis dans des pays tiers.", "Ces destinataires se situent parfois hors de l'UE.",
            "Vos informations peuvent être traitées hors de l'Espace économique européen.", "The processing of card payments takes place in Germany.",
            "Vos informations peuvent être envoyées à nos partenaires hors de l'UE.", "L'envoi de vos données vers des pays tiers est encadré.",
            "Your data may be sent to the United States.", "We store your records in Germany.", "Backups are kept in Lille."],
        counterExamples: ["Notre siège est à Paris.", "Une livraison dans une autre région", "La délocalisation d'une commande vers un autre pays",
            "Les colis sont envoyés en France sous 48 heures.", "Nous vous envoyons une lettre d'information.", "Visit our store in Dublin.", "When you shop in our stores in Germany, we collect information.", "Base juridique : décision d'adéquation.",
            "Vous pouvez réserver en boutique", "Une adresse résidentielle en France", "Le formulaire de localisation des passagers en Irlande", "Une course en Région parisienne",
            "Vous demeurez l'importateur vers un autre pays que la France", "Un statut de résident au Royaume-Uni",
            "Le responsable du traitement est établi en France.", "Notre siège social est situé à Paris.", "Les données traitées dans le cadre de l'activité", "Data processed in accordance with the law",
            "La portabilité transfrontalière du service vers un autre pays", "La transformation numérique de nos boutiques en Europe"])

    /// Storing data, in English, with "store" as a verb ("we store your records", "to store … data", "storing files"):
    /// a hosting sentence (`hosting-sentence`) and words of keeping data (`location-context`, `kept-somewhere`); "the App
    /// Store" and "our stores" are not.
    static let storingData = #"(?:\b(?:to|we|they|it|may|will|can|which|that|and|also|securely)\s+(?:store|stores)|\bstoring)\b[^.;]{0,40}?\b(?:data|information|records|files)\b|\b(?:store|stores|storing)\s+(?:your|their|its|all)\b"#

    /// A country the EU recognises as adequate: data goes there under that safeguard (`location-outside-europe`), and
    /// the phrase is about transfers (`location-context`).
    private static let recognisedAdequate = #"\breconnue?s?\s+(?:comme\s+)?adequate?s?\b|\b(?:recognised|recognized|deemed)\s+(?:as\s+)?adequate\b"#

    /// "Le traitement des données … a lieu en Allemagne", "processing takes place in": where the processing itself is.
    private static let processingTakesPlace =
        #"\b(?:traitement|stockage|hebergement|processing|storage|hosting)\b[^.;]{0,120}?\b(?:a lieu|ont lieu|s'effectuent?|se font|se fait|takes? place|occurs?|is carried out|is performed)\s+(?:en|au|aux|dans|a|in|within)\b"#

    static let keptSomewhere = Rule(
        "kept-somewhere",
        finds: "Words of keeping data in a place (hosting, storing, servers, staying), as opposed to sending it: the EU named as a place of residence, law or origin locates no data.",
        trigger: nil,
        pattern: #"heberg|stock|conserv|archiv|\blocalis(?!ation)|\blocalisation\s+(?:des\s+donnees|des\s+serveurs|de\s+l'hebergement|du\s+stockage|geographique\s+des\s+donnees)|\bserveurs?\b|data ?cent|datacenter|centres? de donnees|hosted|stored|located|\bservers?\b|\bkept\b|"# + storingData + #"|\bbacked\s+up\b|restent|demeur|quitt|\bsort(?:ent|ir)\b|\bremains?\b|\bstays?\b|\bleaves?\b|residen[a-z]* des donnees|data residency|au sein de l'(?:ue|union|eee|espace)|within the (?:eu|eea|european)|"#
            + processingTakesPlace + "|" + cloudRegion,
        examples: ["Les données restent dans l'Union européenne.", "Data is kept in Europe.", "La localisation des données est en Allemagne.", "Le traitement des paiements a lieu en Allemagne."],
        counterExamples: ["Règlement (UE) 2016/679.", "Vos données de localisation en Espagne"])

    /// "à Niort", "in Roubaix": a French city after a preposition places data in France.
    private static let cityWords = Places.frenchCities.flatMap { [" a \($0)", " in \($0)"] }

    static let locationFrance = Rule(
        "location-france", finds: "Data kept in France: \"en France\", \"à Roubaix\", \"serveurs situés en France\", \"territoire national\".",
        trigger: .franceWords,
        words: ["france", "parisien", "francilien", "francais", "territoire", "metropolitaine", "bretagne", "normandie", "occitanie",
            "aquitaine", "grand est", "provence", "auvergne"] + cityWords,
        // The alternatives after a preposition share it: ICU tries every alternative at every position, so fewer of
        // them is faster.
        pattern: #"\b(?:en france\b|in france\b|(?<![-'])(?:a|in)\s+(?:"# + Places.frenchCities.joined(separator: "|")
            + #")\b|(?:en|in)\s+(?:ile-de-france|hauts-de-france|auvergne-rhone-alpes|bretagne|normandie|occitanie|nouvelle-aquitaine|grand est|provence))|france metropolitaine|territoire (?:national|francais)|sol francais|(?:serveurs|datacenters?|centres de donnees) (?:situes )?(?:francais|en france|parisiens?|franciliens?)|region parisienne"#,
        cancelledBy: [.inSentence(rightsStatement), .justBefore(peoplePlace), .justBefore(placeInName, reach: 70), .justBefore(activityPlace, reach: 120),
            .justBefore(comparedPlace, reach: 60)],
        examples: ["Les données sont hébergées en France.", "Nos serveurs sont situés à Roubaix.", "Data is stored in France."],
        counterExamples: ["Nous sommes une société française.", "Les données sont stockées en Europe.", "Ce service est réservé aux résidents en France."])

    static let locationFranceMore = Rule(
        "location-france-more",
        finds: "The rarer ways of saying France (\"Localisation : France\", \"our Paris data centres\", \"ne sortent jamais de France\", a French cloud region): a rule of their own, so that the common one stays short.",
        trigger: .franceMoreWords,
        words: ["hexagone", " sort", "'sort", "-sort", "quitt", "localisation", "data location", "location of", "lieu d'hebergement", "lieu de stockage"]
            + Places.dataCentreCities.flatMap { ["\($0) data", "\($0) region", "near \($0)", "pres de \($0)", "de \($0)", "d'\($0)", "d' \($0)", "in \($0)", "of \($0)"] }
            + Places.cloudRegionsInFrance,
        pattern: #"(?:localisation|data location|location of (?:the )?data|lieu d'hebergement|lieu de stockage)[a-z' ]{0,40}[:|]\s*(?:en\s+)?france\b|\b(?:"#
            + Places.dataCentreCities.joined(separator: "|") + #")\s+(?:data ?cent(?:er|re)s?|datacenters?|region)\b|(?:\bnear\s+|\bpres de\s+|(?:centres? de donnees|data ?cent(?:er|re)s?|datacenters?)\s+(?:de\s+|d'\s*|in\s+|of\s+))(?:"#
            + Places.dataCentreCities.joined(separator: "|") + #")\b|\b(?:sort|quitt)[a-z]*\s+(?:jamais\s+|pas\s+|plus\s+)?(?:de\s+la\s+|de\s+|la\s+)?france\b|\bhexagone\b|"#
            + Places.cloudRegionsInFrance.joined(separator: "|"),
        examples: ["Localisation des données : France", "Data is hosted in our Paris data centres.", "Les données ne sortent jamais de France.",
            "Region eu-west-3"],
        counterExamples: ["Les données sont hébergées en Allemagne."])

    static let locationEurope = Rule(
        "location-europe", finds: "Data kept in the EU/EEA: \"dans l'Union européenne\", \"in the EEA\", \"en Allemagne\".",
        trigger: .europeWords,
        words: ["europ"] + Lexicon.triggerWords(["ue", "eee", "eu", "eea"]) + Places.europeanCountryNames + Places.dataCentreCitiesEurope,
        pattern: #"(?:\bnear\s+|\bpres\s+de\s+|\b(?:region|centres?\s+de\s+donnees|data\s?cent(?:er|re)s?|datacenters?|serveurs?|servers?)\s+(?:de\s+|d'\s*|of\s+|in\s+|a\s+))(?:(?:the|its|their|our)\s+)?(?:"#
            + Places.dataCentreCitiesEurope.joined(separator: "|") + #")\b|\b(?:"# + Places.dataCentreCitiesEurope.joined(separator: "|")
            + #")\s+(?:region|data\s?cent(?:er|re)s?|datacenters?)\b|union ?europeenne|\bue\b(?!-)|\beee\b|(?:espace economique ?europeen|zone economique ?europeenne)|european union|"# + englishEU + #"|\beea\b|european economic area|\ben europe\b|\bin europe\b|region europe(?![-\w])|regions? europeennes?|(?:\ben|\baux|\bau|\bin|\bthe)\s+(?:"#
            + Places.europeanCountryNames.joined(separator: "|") + #")\b|(?:\ba|\bin)\s+[a-z][a-z'-]*(?:\s+[a-z'-]+){0,2}\s*\(\s*(?:"#
            + Places.europeanCountryNames.joined(separator: "|") + #")\s*\)"#,
        cancelledBy: [.inSentence(rightsStatement), .justBefore(peoplePlace), .justBefore(placeInName, reach: 70), .justBefore(activityPlace, reach: 120),
            .justBefore(comparedPlace, reach: 60)],
        examples: ["Les données sont hébergées dans l'Union européenne.", "Data is stored in Germany.",
            "Pour les utilisateurs situés dans l'EEE, les données sont stockées en Irlande.", "Data is stored in the EU.",
            "Les serveurs sont installés dans un centre de données à Francfort-sur-le-Main (Allemagne).", "Backups are kept in Warsaw (Poland).",
            "Your data is stored in the Frankfurt region.", "Vos dossiers sont hébergés dans un centre de données à Dublin.",
            "Nos serveurs à Amsterdam conservent les sauvegardes."],
        counterExamples: ["X Ltd, société établie à Dublin, héberge vos données.", "Les données sont hébergées en France.", "Si vous résidez dans l'Union européenne, vos données sont conservées.",
            "Les données sont conservées conformément au Règlement (UE) 2016/679.",
            "Nous assurons aux données conservées un niveau de protection équivalent à celui accordé au sein de l'EEE.",
            "L'hébergeur n'est pas responsable des informations stockées dès qu'il en a eu connaissance."])

    /// "EU" folded is also the French past participle of "avoir" ("elle en a eu connaissance", "n'a pas eu lieu").
    private static let englishEU =
        #"(?<!\ba\s)(?<!\bai\s)(?<!\bas\s)(?<!\bait\s)(?<!\bont\s)(?<!\bavons\s)(?<!\bavez\s)(?<!\bavoir\s)(?<!\bavait\s)(?<!\bavaient\s)(?<!\baura\s)(?<!\baurait\s)(?<!\bauront\s)(?<!\bpas\s)(?<!\bdeja\s)(?<!\bayant\s)(?<!\bavais\s)(?<!\baurez\s)(?<!\baurions\s)(?<!\bauraient\s)(?<!\baient\s)(?<!\baies\s)(?<!\bbien\s)(?<!\bplus\s)(?<!\btoujours\s)(?<!\bjamais\s)(?<![.@])\beu\b(?!-)(?!\s+egard)"#

    static let webAddress = Rule(
        "web-address", finds: "A web address: its words (\"ec.europa.eu\", \"…/data-transfers-outside-eu/\") name no place where data is.",
        trigger: nil, pattern: #"\bhttps?://[^\s]+|\bwww\.[^\s]+|[a-z0-9._-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:eu|fr|com|org|net|int)(?:/[^\s]*|\b)"#,
        examples: ["voir https://ec.europa.eu/info/law/data-transfers-outside-eu/", "www.cnil.fr", "ec.europa.eu/info", "dpo@exemple.eu", "sur europa.eu"],
        counterExamples: ["Les données sont stockées dans l'UE."])

    static let euCountryNearDataCentre = Rule(
        "location-eu-country-near-data-centre",
        finds: "A European country named in a sentence that names a data centre, with or without a preposition: \"centre de données : Irlande\".",
        trigger: .europeWords, pattern: #"\b(?:"# + Places.europeanCountryNames.joined(separator: "|") + #")\b"#,
        examples: ["Centre de données principal : Irlande"], counterExamples: ["Centre de données principal : Lyon"])

    static let dataCentreNamed = Rule(
        "data-centre-named", finds: "Naming a data centre makes a country in the same sentence a data location, address or not.",
        trigger: nil, pattern: #"centres? de donnees|data ?cent(?:er|re)|datacenter"#,
        examples: ["Nos centres de données", "Our datacenter"], counterExamples: ["Notre siège social"])

    static let outsideEurope = Rule(
        "location-outside-europe",
        finds: "Data sent or kept outside the EU. \"États-Unis\" alone is often an address; a preposition makes it a place for data. The EU's standard contractual clauses exist only for transfers outside the EEA, so a transfer framed by them is one; servers or data centres \"dans le monde entier\" are some outside it.",
        trigger: .outsideWords,
        words: ["etats-unis", "united states", "usa", " us ", " us-", " us'", "hors", "outside", "pays tiers", "third countr", "royaume-uni", "united kingdom",
            "non membre", "non-membre", "quitt", "leav", "contractuelles types", "contractual clauses",
            "exterieur", "monde entier", "partout dans le monde", "coins du monde", "travers le monde", "around the world", "worldwide", "throughout the world",
            "across the world", "adequa"] + otherCountriesAfterPreposition,
        pattern: #"\bdecisions?\s+d'adequation\b|\badequacy\s+decisions?\b|(?:"# + recognisedAdequate + #")(?:\s+(?:par\s+(?:l'\s*|la\s+)?(?:ue|union\s?europeenne|commission(?:\s+europeenne)?|eee)|by\s+the\s+(?:eu|european\s+(?:union|commission)|commission))\b)?|(?:\baux|\bvers les|\bvers des|\bdirection des|\bin the|\bto the|\bwithin the|\by compris (?:aux|les)|\bincluding (?:in )?the)\s+(?:etats-unis|united states|usa|us\b)|(?:\bhors|\ben ?dehors)\s+(?:du\s+territoire\s+)?(?:de\s+l'|du\s+|de\s+la\s+)?"# + europeanUnionNames + #"(?:\s*\(\s*«?\s*(?:ue|eee)\b\s*»?\s*\)?)?|(?:\ba\s+l'|\ben\s+)exterieur\s+(?:de\s+l'|du\s+|de\s+la\s+)"# + europeanUnionNames + #"\b|\bexterieur(?:e?s)?\s+(?:a\s+l'|au\s+|a\s+la\s+)"# + europeanUnionNames + #"\b|\b(?:pays|etats?)\s+non[- ]membres?\s+(?:de\s+l'|de\s+la\s+)?(?:ue|union ?europeenne|eee|(?:espace economique ?europeen|zone economique ?europeenne))|\bquitt[a-z]*\s+(?:le\s+territoire\s+de\s+)?l'"# + europeanUnionNames + #"|outside (?:the )?(?:eu|european|eea)(?:\s*\(\s*(?:eu|eea)\s*\))?|\bleav[a-z]*\s+the\s+(?:eu|eea|european)|pays tiers|third countr|clauses contractuelles types|standard contractual clauses|(?:\bserveurs?|\bservers?|centres? de donnees|data ?cent(?:er|re)s?|datacenters?)\b[^.;]{0,80}?(?:dans le monde entier|partout dans le monde|aux quatre coins du monde|a travers le monde|around the world|worldwide|throughout the world|across the world)|(?:\bvers le|\bau|\bto the|\bin the)\s+(?:royaume-uni|united kingdom)\b|(?=(?:\ben|\bau|\bvers\s+(?:le\s+|la\s+|l')?|\ba|\bin|\bto)\s*(?:"# + otherCountriesNamed.joined(separator: "|")
            + #")\b)(?<=\b(?:heberge(?:e|es|s)?|stocke(?:e|es|s)?|conserve(?:e|es|s)?|transferee?s?|transmise?s?|traitee?s?|hosted|stored|kept|transferred|processed|serveurs?|servers?|data ?cent(?:er|re)s?|centres? de donnees)\b[^.;]{0,60})(?:\ben|\bau|\bvers\s+(?:le\s+|la\s+|l')?|\ba|\bin|\bto)\s*(?:"#
            + otherCountriesNamed.joined(separator: "|") + #")\b"#,
        cancelledBy: [.inSentence(companySeat), .inSentence(rightsStatement), .inMainClause(noTransfer, separators: [";", ".", " mais ", " but "]), .justBefore(peoplePlace),
            .justBefore(placeInName, reach: 70), .justBefore(activityPlace, reach: 120)],
        examples: ["Des données sont transférées aux États-Unis.", "Data may be stored outside the EU.", "Transférées dans un pays non membre de l'Union européenne.",
            "Des serveurs situés en dehors du territoire de l'EEE.", "Vos données quittent l'EEE.",
            "Stockées dans d'autres pays, y compris les États-Unis.",
            "Ces transferts sont encadrés par les clauses contractuelles types de la Commission européenne.",
            "Si le destinataire est établi dans un pays hors de l'EEE qui ne fait pas l'objet d'une décision d'adéquation, nous signons des clauses.",
            "Le service peut impliquer le transfert de vos données vers des pays tiers (n'appartenant pas à l'Union européenne).",
            "Vos données peuvent transiter par des serveurs situés dans le monde entier.",
            "Vos données pourront être communiquées à l'extérieur de l'Union européenne.", "Nous pouvons transférer vos données vers des pays extérieurs à l'Union européenne.", "We store data in data centers around the world.",
            "Les données sont hébergées au Canada.", "Certaines données sont stockées en Inde par notre prestataire.",
            "Le Japon est reconnu adéquat par l'Union européenne pour ces traitements.", "Such transfers rely on an adequacy decision."],
        counterExamples: ["Aucune donnée n'est transférée hors de l'Union européenne.", "Sa maison mère est établie aux États-Unis.",
            "Aucune donnée n'est transférée, et aucune clause contractuelle type n'est donc signée.",
            "This section only applies to users located in the United States, whose data is stored there.",
            "Le transfert de vos données hors de l'Union européenne n'est pas effectué.",
            "Vous avez le droit de savoir à quels tiers vos données ont été transmises en dehors de l'UE.",
            "Nos clients dans le monde entier nous confient leurs données, stockées en France.",
            "Nos produits, dont les données de traçabilité sont conservées, sont livrés en Suisse.",
            "Si vous réservez un logement situé au Japon, vos données sont transmises à son hôte."])

    /// Countries outside the EEA other than the United States and the United Kingdom (read above with their own
    /// prepositions): "au Canada", "en Inde", "à Singapour", "in Switzerland", a few words after a verb of keeping
    /// or sending data ("hébergées au Canada"), since these names stand in addresses and bookings far more often.
    private static let otherCountriesNamed = Places.otherCountries.map(\.name).filter {
        !["etats-unis", "etats unis", "united states", "usa", "royaume-uni", "united kingdom"].contains($0)
    }

    /// The words of those countries as the trigger automaton reads them, each after its preposition: bare, "chine"
    /// is in "machine" and "inde" in "indemnité".
    private static let otherCountriesAfterPreposition = otherCountriesNamed.flatMap { country in
        ["en", "au", "a", "in", "to", "vers", "vers le", "vers la", "vers l"].map { "\($0) \(country)" } + ["l \(country)", "l\(country)"]
    }

    static let insideByDenial = Rule(
        "location-europe-by-denial",
        finds: "Data said never to leave the EU/EEA (\"aucune donnée n'est transférée hors de l'UE\", \"never leaves the EEA\"): denying every transfer outside it says the data stay inside. Not when the sentence keeps an exception or a condition (\"sauf\", \"unless\", \"si\", \"en principe\"), nor a \"but\" between the denial and the place.",
        trigger: .outsideWords,
        // The denial governs a verb of sending or keeping, a few words after it, then the place: "ne … jamais
        // transférées … hors de l'UE", "ne quittent pas l'EEE".
        pattern: #"(?:\b(?:ne|n')|\baucune?\b|\bjamais\b|\bnever\b|\b(?:do|does|did|will|shall|would|can|could|may|is|are|was|were)\s+not\b|\bno\s+(?:personal\s+)?data\b|\bsans\b|\bwithout\b)\s*(?:[a-z']+\s+){0,4}?(?:transf|stock|heberg|envo|communiqu|mov|sen[dt]|stor|kept|process|trait)[a-z]*(?:(?!\bmais\b|\bbut\b|\bqui\b|\bwhich\b|\bthat\b|\bet\b|\band\b|,)[^.;:]){0,100}?(?:(?:\bhors|\ben ?dehors)\s+(?:du\s+territoire\s+)?(?:de\s+l'|du\s+|de\s+la\s+)?"# + europeanUnionNames + #"\b|\boutside\s+(?:of\s+)?(?:the\s+)?(?:eu|european|eea|europe)\b)|(?:\b(?:ne|n')|\baucune?\b|\bjamais\b|\bnever\b|\b(?:do|does|did|will|shall|would|can|could|may|is|are|was|were)\s+not\b|\bno\s+(?:personal\s+)?data\b|\bsans\b|\bwithout\b)\s*(?:[a-z']+\s+){0,2}?(?:quitt|leav)[a-z]*\s+(?:jamais\s+|pas\s+|plus\s+|never\s+)?(?:de\s+)?(?:le\s+territoire\s+de\s+)?(?:l'|the\s+)?(?:ue|union ?europeenne|eee|(?:espace economique ?europeen|zone economique ?europeenne)|europe|eu|eea|european union)\b"#,
        cancelledBy: [.inSentence(exceptionOrCondition), .inSentence(rightsStatement), .justBefore(peoplePlace)],
        examples: ["Aucune donnée n'est transférée hors de l'Union européenne.", "Nous ne transférons pas vos données en dehors de l'EEE.",
            "Vos données ne quittent jamais l'Union européenne.", "Your data never leaves the EEA.", "We do not transfer personal data outside the European Union.",
            "Il n'y a pas de transfert de données hors Europe."],
        counterExamples: ["Aucune donnée n'est transférée hors de l'UE, sauf si vous y consentez.", "Nous ne vendons pas vos données, mais elles peuvent être transférées hors de l'UE.",
            "Si le prestataire ne peut pas garantir leur protection, les données ne sont pas transférées hors de l'UE.",
            "En principe, aucune donnée n'est transférée en dehors de l'EEE.", "Des données sont transférées hors de l'Union européenne.",
            "Le destinataire est établi dans un pays hors de l'EEE qui ne fait pas l'objet d'une décision d'adéquation.",
            "Nous ne travaillons pas avec des prestataires qui transfèrent les données hors de l'UE sans garanties.",
            "Vos données ne sont transférées hors de l'Union européenne qu'à destination de pays reconnus adéquats.",
            "Data not needed for the service may be transferred outside the EU.",
            "Nous ne vendons pas vos données et elles peuvent être transférées hors de l'UE."])

    /// The EU or the EEA by any of its names, French or English.
    private static let europeanAreaNames =
        #"(?:ue|eu|eee|eea|union ?europeenne|(?:espace economique ?europeen|zone economique ?europeenne)|european union|european economic area|europe)"#

    static let insideAndOutside = Rule(
        "location-inside-and-outside",
        finds: "Data, or those who receive it, both in and out of the EU/EEA: \"à l'intérieur ou à l'extérieur de l'UE\", \"dans et hors de l'EEE\", \"within and outside the EU\", \"sous-traitants (UE et hors UE)\": both places at once.",
        trigger: .outsideWords, words: bothWaysInBracketsWords,
        pattern: #"\b(?:a l'interieur|au sein|dans|within|inside|in)\s+(?:(?:de\s+l'|du\s+|de\s+la\s+|l'|la\s+|le\s+|the\s+)?"# + europeanAreaNames
            + #"\s+)?(?:et|ou|and|or|et/ou|and/or)\s+(?:a l'exterieur|en dehors|hors|outside)\b(?:\s+(?:de\s+l'|du\s+|de\s+la\s+|de\s+|of\s+(?:the\s+)?|the\s+))?\s*"#
            + europeanAreaNames + #"\b|"# + bothWaysInBrackets,
        cancelledBy: [.inSentence(rightsStatement), .justBefore(peoplePlace), .justBefore(activityPlace, reach: 120)],
        examples: ["Vos données peuvent être communiquées à l'intérieur ou à l'extérieur de l'Union européenne.",
            "Nos sous-traitants (UE et hors UE) reçoivent vos données.", "Data may be processed by providers within and outside the EEA.",
            "Vos données sont transmises à des partenaires situés dans l'EEE et en dehors de l'EEE."],
        counterExamples: ["Vos données sont communiquées à nos partenaires à l'extérieur de l'Union européenne.",
            "Vos données sont transférées à nos clients qui résident dans et hors de l'Union européenne.",
            "Les produits sont disponibles dans et hors de l'UE, et vos données sont conservées."])

    /// The words of `bothWaysInBrackets`, as the trigger automaton reads them.
    private static let bothWaysInBracketsWords = ["ue", "eu", "eee", "eea"].flatMap { area in
        ["et", "ou", "and", "or"].flatMap { link in ["hors", "non", "outside"].map { "\(area) \(link) \($0)" } }
    }

    /// "(UE et hors UE)", "(EU and non-EU)" after those who receive data.
    private static let bothWaysInBrackets =
        #"\(\s*(?:l')?(?:ue|eu|eee|eea)\s+(?:et|ou|and|or)\s+(?:hors|non|outside)[- ]?(?:de\s+l'|the\s+)?(?:ue|eu|eee|eea)\s*\)"#

    static let outsideByAuthorities = Rule(
        "location-outside-by-authorities",
        finds: "Data handed to the authorities of a named country outside the EU (\"transmises aux autorités américaines\", \"aux services d'immigration des États-Unis\"): it leaves the EU for that country. Read only where `exposure-foreign-authorities` found the authorities handed the data; not the authorities after \"du\", \"de la\" (\"les exigences du gouvernement britannique\"), who ask rather than receive.",
        trigger: .exposure,
        words: namedNonEUCountryWords,
        pattern: authorities + #"[^.;]{0,80}?\b(?:"# + namedNonEUCountryAdjective + #")\b"#,
        cancelledBy: [.justBefore(askingAuthorities, reach: 12)],
        examples: ["Nous envoyons ces données aux autorités américaines.", "Les codes de réservation sont transmis aux services d'immigration des États-Unis.",
            "Les données peuvent être transmises aux autorités locales et étrangères (dont aux États-Unis)."],
        counterExamples: ["Dans le cadre des exigences du gouvernement britannique, vous devez transmettre ces informations au transporteur.",
            "Vos données peuvent être transmises aux autorités françaises."])

    static let exceptionOrCondition = Rule(
        "exception-or-condition",
        finds: "In a sentence: an exception, a condition or a restriction (\"sauf\", \"à moins que\", \"unless\", \"si\", \"en principe\", \"ne … qu'à destination de\", \"only\"), so that what it denies may still happen.",
        trigger: nil,
        pattern: #"\bsauf\b|\bexcepte\b|\bhormis\b|\bexcept\b|\bunless\b|\ba moins\b|\ben principe\b|\bin principle\b|\bnormalement\b|\bnormally\b|\bgeneralement\b|\bgenerally\b|\bsous reserve\b|\bsubject to\b|\ben dehors des cas\b|\bsi\b|\bs'ils?\b|\bif\b|\blorsque\b|\bwhen\b|\bwhere\b|\bqu'(?:a|au|aux|en|vers|dans|avec|pour)\b|(?<!plus\s)(?<!moins\s)(?<!ainsi\s)(?<!tant\s)(?<!autant\s)\bque\s+(?:vers|a|au|aux|en|pour)\b|\bonly\b"#,
        examples: ["sauf si vous y consentez", "unless required by law", "Si le prestataire", "ne sont transférées qu'à destination de"],
        counterExamples: ["Aucune donnée n'est transférée.", "Aucun prestataire n'intervient, pas plus que dans la maintenance."])

    /// The EU or the EEA by name, after "hors de", "en dehors de" or "quitter" (a space lost in conversion allowed).
    static let europeanUnionNames = #"(?:ue|union ?europeenne|eee|(?:espace economique ?europeen|zone economique ?europeenne)|europe)"#

    /// Where a table's location cell places data.
    static let placeFrance = Rule(
        "place-france", finds: "A table's location cell that places data in France.", trigger: nil,
        pattern: #"\bfrance\b|"# + Lexicon.alternatives(Places.dataCentreCities),
        examples: ["France", "Roubaix (FR)"], counterExamples: ["Allemagne"])

    static let placeEurope = Rule(
        "place-europe", finds: "A table's location cell that places data in the EU/EEA.", trigger: nil,
        pattern: #"union ?europeenne|\bue\b|\beee\b|\beu\b|\beea\b|europe|"#
            + (Places.europeanCountryNames + Places.europeanCityNames).joined(separator: "|"),
        examples: ["Union européenne", "Dublin, Irlande"], counterExamples: ["États-Unis"])

    static let placeOutside = Rule(
        "place-outside", finds: "A table's location cell that places data outside the EU/EEA.", trigger: nil,
        pattern: #"\bus\b|"# + Lexicon.alternatives(Places.otherCountries.map(\.name)),
        examples: ["États-Unis", "US"], counterExamples: ["France"])
}
