import Foundation
import SovereigntyModel

/// The wordings the Extractor recognises, written against folded text (lower case, no accents).
/// Kept in one place so that a reviewer reads the whole vocabulary at once.
enum Patterns {
    /// A sentence about hosting something somewhere.
    static let hosting = FoldedRegex(
        folded: #"heberg|\bhosted\b|\bhosting\b|\bhost\b|\bhosts\b|(?:conserve|stocke|archive|sauvegarde)e?s?\s+(?:par|chez|dans|aupres|sur|au sein)|\bstored\s+(?:by|with|at|in)|\bsur\s+(?:un|des|les|nos|ses|leurs)\s+serveurs?\b"#)
    /// "dans un centre de données d'X": a hosting statement that role noise ("centre de données") would hide.
    static let inProvidersDataCentre = FoldedRegex(
        folded: #"\b(?:dans|in)\s+(?:un|les|des|ses|leurs|the|a)\s+(?:centres? de donnees|datacenters?|data ?cent(?:er|re)s?)\s+(?:d'|de\s|du\s|of\s)"#)
    /// A heading or label that opens a hosting section.
    static let hostingHeading = FoldedRegex(
        folded: #"heberg|\bhosting\b|\bhost\b|\bhosts\b|infrastructure|\bstockage\b|\bstorage\b|prestataires? techniques?|technical (?:service )?providers?"#)
    /// The host block of a legal notice, as a label: "Hébergeur", "Hébergeurs du site", "Hébergement", "Hosting", "Host".
    static let hostBlockLabel = FoldedRegex(
        folded: #"^\s*(?:l')?(?:hebergeurs?|hebergement|hosting(?: provider)?|hosts?|web ?hosts?|hosted by|site hosting|hebergement et (?:realisation|conception))(?:\s+(?:du|de|des|of)\s+(?:ce\s+|notre\s+|the\s+)?(?:site|sites|site internet|site web|website|web site|portail|plateforme))?\s*:?\s*$"#)
    /// "L'hébergement est assuré par X", "Hébergement : assuré par X": the host block, written as a sentence.
    static let hostBlockSentence = FoldedRegex(
        folded: #"^\s*(?:l')?hebergement\s+(?:(?:du|de ce|de notre)\s+site(?:\s+internet|\s+web)?\s+)?(?:est|sont)\s+(?:assure|realise|opere|fourni|effectue|confie)e?s?\s+(?:par|a|chez)\b"#)
    /// "opéré par X, avec des ressources techniques fournies par :": X runs the hosting on the providers named after;
    /// it is the operator, not a host.
    static let operatorOnProviders = FoldedRegex(
        folded: #"avec\s+(?:des|les)\s+(?:ressources|moyens|infrastructures?|serveurs)\s+(?:techniques\s+)?(?:fourni|mis|proposee?s?\s+par)|sur\s+(?:l'|les\s+)infrastructures?\s+d|en\s+s'appuyant\s+sur|with\s+(?:technical\s+)?(?:resources|infrastructure)\s+provided\s+by|on\s+the\s+infrastructure\s+of"#)
    /// Words of keeping data in a place (hosting, storing, servers, staying), as opposed to sending it.
    static let keptSomewhere = FoldedRegex(
        folded: #"heberg|stock|conserv|archiv|localis|serveur|data ?cent|datacenter|centres? de donnees|hosted|stored|located|server|\bkept\b|restent|demeur|quitt|\bsort(?:ent|ir)\b|\bremains?\b|\bstays?\b|\bleaves?\b|residen[a-z]* des donnees|data residency|au sein de l'(?:ue|union|eee|espace)|within the (?:eu|eea|european)|region"#)
    /// "agit en qualité d'hébergeur", "le statut d'hébergeur": a platform's legal status for its users' content
    /// (LCEN), not a hosting provider.
    static let hostStatus = FoldedRegex(
        folded: #"(?:en\s+(?:tant|qualite)\s+qu'|qualite\s+d'|statut\s+d'|role\s+d'|regime\s+(?:juridique\s+)?(?:de\s+l'|d'))\s*hebergeurs?\b(?!\s+(?:de\s+donnees|agree|certifie|hds|du\s+site))|\bas\s+an?\s+(?:hosting\s+provider|host)\b"#)
    /// A label naming a service a provider renders ("Envoi des e-mails", "SMS", "Sauvegardes"): with a role, it reads as
    /// a hosting label.
    static let serviceLabel = FoldedRegex(
        folded: #"^\s*(?:envoi|expedition|emission|routage|sauvegarde|backup|cdn|diffusion|messagerie|e-?mailing|sms|notifications?|emails?|courriels?)\b"#)
    /// Text about cookies, tracking or sign-in: providers named there are not hosts.
    static let distractor = FoldedRegex(
        folded: #"cookie|traceur|\banalytics\b|publicit|advertis|mesure d'audience|se connecter avec|sign in with|reseaux sociaux|social network"#)
    /// "hébergé par X", "l'hébergement est assuré par X", "Hébergeur : X", "hosted by X": X follows.
    static let hostIntroduction = FoldedRegex(
        folded: #"(?:heberge(?:e|s|es)?\s+(?:par|chez|aupres\s+d[eu']s?|au\s+sein\s+d[eu']|sur\s+(?:les\s+)?(?:serveurs|infrastructures?|plate-?formes?)\s+d[eu']s?|dans\s+les\s+(?:centres\s+de\s+donnees|datacenters?|data\s?cent(?:er|re)s)\s+d[eu']s?)|hebergement\s+(?:[a-z' ]{0,60}?\s)?(?:est|sont)\s+(?:assure|realise|opere|fourni|effectue|confie)e?s?\s+(?:par|a|chez)|hebergeurs?(?:\s+[a-z' ]{0,40}?)?\s*(?::|\best\b|\bsont\b)|hosted\s+(?:by|with|at)|hosting\s+provider(?:\s+is)?\s*:?|\bhost(?:ed)?\s*:|\bsur\s+les\s+serveurs\s+d[eu']s?)\s*(?:(?:la\s+societe|la\s+ste|l'entreprise|la\s+start-up|the\s+company|la|le|les)\s+|l'\s*)?"#
    )
    /// Legal forms that show a company name.
    static let legalForm = FoldedRegex(
        folded: #"\b(?:sas|sasu|sarl|sa|sca|snc|eurl|scop|gie|ltd|limited|inc|llc|gmbh|ag|bv|nv|plc|s\.a\.s|s\.a|s\.a r\.l|s\.a\.r\.l|sarl|corporation|corp)\b"#
    )
    static let companyDetails = FoldedRegex(folded: #"\brcs\b|capital|siege|immatricul|registered|sis\b|situee? au|domicili"#)

    static let hds = FoldedRegex(
        folded: #"plate-?forme\s+(?:agree|certifiee)|\bhds\b|\bhads\b|(?:certifi|agre)[a-z]*\b[^.]{0,60}(?:donnees de sante|\bhds\b|hebergeur)|hebergeurs?\s+(?:de\s+donnees\s+de\s+sante\s+)?(?:certifi|agre)[a-z]*|hebergeurs?\s+de\s+donnees\s+de\s+sante|l\.?\s?1111-8|2018-137|certified[^.]{0,40}health data|health data host"#
    )
    static let secNumCloud = FoldedRegex(folded: #"sec\s?num\s?cloud"#)
    /// Within a clause: the statement is denied.
    static let negation = FoldedRegex(
        folded: #"\bne\b[^.;]{0,60}\b(?:pas|plus|jamais|aucun|aucune)\b|\bn'[a-z]+\b[^.;]{0,60}\b(?:pas|plus|jamais)\b|\bnon[- ](?:certifi|qualifi|agre)|\bnot\b|\bno longer\b|\bsans\b[^.;]{0,20}(?:certification|qualification|agrement)|\baucune?\s+(?:certification|qualification)|\bpas\s+(?:encore\s+)?(?:certifi|qualifi)"#
    )
    /// Within a clause: the qualification is sought, not held.
    static let future = FoldedRegex(
        folded: #"en cours|\bvise|\bviser|prochain|a venir|en voie|\bengage|demarche|processus|candidat|obtention|d'ici|objectif|\bvisant|in progress|pending|seeking|\baims?\b|\bwill\b|roadmap|planned|expected|\bapplied\b|\bpas encore\b"#
    )
    /// End-to-end or client-side encryption, which a negation cancels.
    static let endToEnd = FoldedRegex(
        folded: #"(?:chiffr|crypt)[a-z]*\s+de\s+bout[- ]en[- ]bout|end[- ]to[- ]end[- ]encrypt|\be2ee\b|(?:chiffr|crypt)[a-z]*\s+cote\s+client|client[- ]side\s+encrypt|zero[- ]knowledge|zero[- ]access|connaissance\s+(?:nulle|zero)"#
    )
    /// "we do not hold the keys": itself negative, and a zero-knowledge claim.
    static let noKeys = FoldedRegex(
        folded: #"ne\s+(?:detenons|possedons|disposons|conservons|avons|stockons)\s+(?:pas|jamais|aucun)[^.]{0,40}\bcles?\b|n'avons\s+(?:pas|jamais|aucun)\s+acces[^.]{0,60}(?:contenu|donnees|cles)|ne\s+pouvons\s+(?:pas|jamais)\s+(?:lire|acceder|dechiffrer)|(?:cannot|can't|can not|are unable to)\s+(?:read|access|decrypt)\s+(?:your|the)|(?:do not|don't|never)\s+(?:hold|have|store)\s+(?:the\s+|your\s+|any\s+)?(?:encryption\s+|decryption\s+)?keys"#
    )
    /// Naming a data centre makes a country in the same sentence a data location, address or not.
    static let dataCentreNamed = FoldedRegex(folded: #"centres? de donnees|data ?cent(?:er|re)|datacenter"#)
    static let countryAlone = FoldedRegex(
        folded: #"\b(?:allemagne|belgique|irlande|pays-bas|espagne|italie|suede|finlande|pologne|autriche|danemark|portugal|luxembourg|germany|belgium|ireland|netherlands)\b"#)
    static let locationContext = FoldedRegex(
        folded: #"heberge(?:e|s|es)?\b|hebergement|stock|localis|serveur|data ?cent|datacenter|centres? de donnees|conserv|transf|hosted|stored|located|server|region|residen|quitt|\bsort(?:ent|ir)\b|\brestent\b|demeur|\bremains?\b|\bstays?\b|\bleaves?\b"#
    )
    /// French cities where data centres and hospitals are: "à Niort" places data in France.
    static let frenchCities = "paris|marseille|lyon|toulouse|nice|nantes|montpellier|strasbourg|bordeaux|lille|rennes|reims|toulon|saint-etienne|le havre|grenoble|dijon|angers|nimes|villeurbanne|clermont-ferrand|le mans|aix-en-provence|brest|tours|amiens|limoges|annecy|perpignan|metz|besancon|orleans|rouen|mulhouse|caen|nancy|roubaix|tourcoing|avignon|poitiers|pau|la rochelle|calais|niort|agen|bayonne|valence|quimper|lorient|vannes|saint-brieuc|laval|cholet|troyes|colmar|chambery|ajaccio|bastia|gravelines|saint-denis|aubervilliers|nanterre|courbevoie|boulogne-billancourt|montreuil|bezons|massy|marcoussis|pantin|clichy|levallois-perret|issy-les-moulineaux|saclay|evry|versailles|cergy|creteil|bobigny|melun|beauvais|chartres|blois|bourges|chateauroux|nevers|auxerre|macon|bourg-en-bresse|vesoul|belfort|epinal|chaumont|chalons-en-champagne|charleville-mezieres|laon|arras|saint-lo|alencon|evreux|cherbourg|aurillac|moulins|gueret|tulle|perigueux|cahors|rodez|albi|montauban|auch|tarbes|foix|carcassonne|mende|privas|gap|draguignan|mont-de-marsan|angouleme|la roche-sur-yon|saint-nazaire|biarritz|beziers|narbonne|sete|arles|cannes|antibes|wissembourg|croix".split(separator: "|").map(String.init)

    /// Cities named before "data centres" or "region" in English ("our Paris data centres").
    static let dataCentreCities = ["paris", "marseille", "lyon", "lille", "strasbourg", "roubaix", "gravelines", "nantes", "bordeaux", "toulouse"]
    /// Cloud regions in France, by the names the large clouds give them.
    static let cloudRegionsInFrance = [
        "eu-west-3", "europe-west9", "francecentral", "france central", "france centre", "francesouth", "france south", "france sud", "fr-par",
    ]

    /// The alternatives after a preposition share it: ICU tries every alternative at every position, so fewer of
    /// them is faster.
    static let france = FoldedRegex(
        folded: #"\b(?:en france\b|in france\b|(?:a|in)\s+(?:"# + frenchCities.joined(separator: "|") + #")\b|(?:en|in)\s+(?:ile-de-france|hauts-de-france|auvergne-rhone-alpes|bretagne|normandie|occitanie|nouvelle-aquitaine|grand est|provence))|france metropolitaine|territoire (?:national|francais)|sol francais|(?:serveurs|datacenters?|centres de donnees) (?:situes )?(?:francais|en france|parisiens?|franciliens?)|region parisienne"#
    )
    /// The rarer ways of saying France, run only when their own words are there (`Triggers.franceMoreWords`): ICU
    /// tries every alternative at every position, so the common pattern stays short.
    static let franceMore = FoldedRegex(
        folded: #"(?:localisation|data location|location of (?:the )?data|lieu d'hebergement|lieu de stockage)[a-z' ]{0,40}[:|]\s*(?:en\s+)?france\b|\b(?:"# + dataCentreCities.joined(separator: "|") + #")\s+(?:data ?cent(?:er|re)s?|datacenters?|region)\b|(?:\bnear|\bpres de|(?:centres? de donnees|data ?cent(?:er|re)s?|datacenters?)\s+(?:de|d'|in|of))\s*(?:"# + dataCentreCities.joined(separator: "|") + #")\b|\b(?:sort|quitt)[a-z]*\s+(?:jamais\s+|pas\s+|plus\s+)?(?:de\s+la\s+|de\s+|la\s+)?france\b|\bhexagone\b|"# + cloudRegionsInFrance.joined(separator: "|") + #""#
    )
    static let europe = FoldedRegex(
        folded: #"union europeenne|\bue\b|\beee\b|espace economique europeen|european union|\beu\b(?!-)|\beea\b|european economic area|\ben europe\b|\bin europe\b|region europe(?![-\w])|regions? europeennes?|(?:\ben|\baux|\bau|\bin|\bthe)\s+(?:allemagne|belgique|irlande|pays-bas|espagne|italie|suede|finlande|pologne|autriche|danemark|portugal|luxembourg|germany|belgium|ireland|netherlands|spain|italy|sweden|finland|poland|austria|denmark)\b"#
    )
    /// Data sent or kept outside the EU. "États-Unis" alone is often an address; a preposition makes it a place for data.
    static let outsideEurope = FoldedRegex(
        folded: #"(?:\baux|\bvers les|\bvers des|\bdirection des|\bin the|\bto the|\bwithin the)\s+(?:etats-unis|united states|usa|us\b)|\bhors\s+(?:de\s+l'|du\s+|de\s+la\s+)?(?:ue|union europeenne|eee|espace economique europeen|europe)|en dehors de l'(?:ue|union europeenne|eee|espace economique europeen)|outside (?:the )?(?:eu|european|eea)|pays tiers|third countr|(?:\bvers le|\bau|\bto the|\bin the)\s+(?:royaume-uni|united kingdom)\b"#
    )
    /// A US parent group: "filiale française d'un groupe américain", "dont la maison mère est située aux États-Unis".
    private static let usParent =
        #"(?:filiale|subsidiary)[^.;]{0,30}(?:groupe|societe|entreprise|company|group|corporation)\s+(?:americaine?|us\b|u\.s\.|des etats-unis)|(?:societe|maison) mere[^.;]{0,30}(?:aux etats-unis|americaine)|owned by an? (?:us|u\.s\.|american)\b"#
    /// After an unknown provider's name: its parent group is American.
    static let usParentGroup = FoldedRegex(folded: usParent)
    /// Where a company is established is not where data are.
    static let companySeat = FoldedRegex(folded: #"societe mere|maison mere|siege|headquarter|parent company|etablie aux|incorporated"#)
    static let noTransfer = FoldedRegex(
        folded: #"\baucune?\b|\bdo not\b|\bjamais\b|\bne\b[^.]{0,60}\bpas\b|\bn'[a-z]+\b[^.]{0,60}\bpas\b|\bno\b|\bnot\b|\bnever\b|\bsans\b"#
    )
    static let exposure = FoldedRegex(
        folded: #"cloud act|patriot act|\bfisa\b|section 702|12333|"# + usParent
            + #"|(?:autorites|juridictions?|lois?|administration) (?:americaines?|des etats-unis)|us (?:authorities|government|law)|extraterritorial"#
    )
}

/// What a sentence or heading says is hosted.
enum RoleWords {
    /// Each role's pattern, with the trigger words that must be present for it to match at all.
    private static let specific: [(HostRole, TriggerSet, FoldedRegex)] = [
        (.encryptionKeys, .roleKeys, FoldedRegex(folded: #"cles? de (?:chiffrement|dechiffrement)|donnees de chiffrement|encryption keys?|\bcles\b|\bkms\b|\bhsm\b"#)),
        (.backup, .roleBackup, FoldedRegex(folded: #"sauvegardes?|\bbackups?\b|copies? de secours|plan de reprise|(?:hebergeur|site|serveurs?|infrastructure|centre de donnees) de secours"#)),
        (.messaging, .roleMessaging, FoldedRegex(folded: #"messageries?|courriels?|\be-?mails?\b|messaging|\bsms\b|\bmessages\b"#)),
        (.cdn, .roleCDN, FoldedRegex(folded: #"\bcdn\b|diffusion de contenus?|content delivery|mise en cache|reseau de distribution|\bproxy\b|ddos"#)),
        (.healthData, .roleData, FoldedRegex(
            folded: #"donnees de sante|donnees medicales|donnees des patients|dossiers? (?:medica|patient)|health data|medical data|patient data|documents? medicaux|photographies|\bphotos\b"#)),
        (.application, .roleApplication, FoldedRegex(folded: #"\bapplications?\b|\bplate-?formes?\b|logiciels?|(?<!\.)\bapp\b|(?<!\.)\bapi\b|service en ligne|back-?end|\bsoftware\b"#)),
        (.website, .roleWebsite, FoldedRegex(
            folded: #"\bsites?\b|website|portail|pages? web|front-?end|nom de domaine|centre d'aide|foire aux questions|\bfaq\b|help cent(?:er|re)|\bblog\b"#)),
    ]
    /// Data in general: on a health platform, the users' data include their health data.
    private static let data = FoldedRegex(
        folded: #"donnees personnelles|donnees a caractere personnel|personal data|vos donnees|your data|\bdata\b|\bdonnees\b|comptes? (?:des )?utilisateurs|\bdossiers?\b|\bjournaux\b|questionnaires|\breleves\b|\bmesures\b|\bexamens\b|comptes rendus|ordonnances|resultats|\brecords\b"#)

    /// "données non identifiantes", "anonymised data", "données statistiques": data that is not health data.
    static let notHealthData = FoldedRegex(
        folded: #"donnees\s+(?:non[- ]identifiantes?|non[- ]nominatives?|anonymi[a-z]*|statistiques|agregees|d'audience|marketing|de prospection)|(?:non[- ]identifying|anonymi[sz]ed|aggregated|statistical|analytics|marketing)\s+data"#)

    /// Roles as a set: sorted, and a CDN named for that role alone.
    static func normalise(_ roles: [HostRole]) -> [HostRole] {
        var roles = Array(Set(roles)).sorted()
        if roles.contains(.cdn) { roles.removeAll { $0 == .website || $0 == .application } }
        return roles
    }

    /// Roles named in the text, or empty when it names none.
    static func roles(in text: Folded) -> [HostRole] {
        let triggers = Triggers.scan(text.original)
        guard !triggers.isDisjoint(with: .role) else { return [] }
        return roles(in: triggers.contains(.roleNoiseWords) ? Folded(stripping: Patterns.roleNoise, from: text) : text, triggers: triggers)
    }

    /// Roles named in a text whose role noise is already blanked out, with the trigger words of the text.
    static func roles(in text: Folded, triggers: TriggerSet) -> [HostRole] {
        guard !triggers.isDisjoint(with: .role) else { return [] }
        var roles = specific.filter { triggers.contains($0.1) && $0.2.matches(in: text) }.map(\.0)
        let dataIsQualified = roles.contains { [.encryptionKeys, .backup, .messaging, .healthData].contains($0) }
        if !dataIsQualified, triggers.contains(.roleData), data.matches(in: text) { roles.append(.healthData) }
        // Data stripped of identity, or kept for statistics and marketing, is not health data: what stores it runs
        // part of the service.
        if roles.contains(.healthData), triggers.contains(.roleData), notHealthData.matches(in: text) {
            roles.removeAll { $0 == .healthData }
            if roles.isEmpty { roles.append(.application) }
        }
        // A CDN serves the site or the app; it is named for that role alone.
        if roles.contains(.cdn) { roles.removeAll { $0 == .website || $0 == .application } }
        return roles.sorted()
    }
}
