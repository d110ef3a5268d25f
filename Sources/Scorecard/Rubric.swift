/// The published rubric: one definition that the grader cites in its reasons and the methodology page prints.
public enum Rubric {
    public static let version = "2"

    public struct LevelRule: Sendable, Equatable {
        public var level: Level
        /// The level in words, so that no reader depends on a colour or a letter alone.
        public var words: Localized
        public var rule: Localized
    }

    public struct Check: Sendable, Equatable {
        public var id: String
        public var title: Localized
        public var looksFor: Localized
        public var whyItMatters: Localized
        public var effect: Localized
    }

    public static let levels: [LevelRule] = [
        LevelRule(
            level: .aPlus,
            words: Localized("Souverain, chiffrement à connaissance nulle", en: "Sovereign, zero-knowledge encryption"),
            rule: Localized(
                "Comme A, et la plateforme déclare un chiffrement de bout en bout ou à connaissance nulle : elle ne peut pas lire les données elle-même.",
                en: "As A, and the platform states end-to-end or zero-knowledge encryption: it cannot read the data itself.")),
        LevelRule(
            level: .a, words: Localized("Souverain (SecNumCloud)", en: "Sovereign (SecNumCloud)"),
            rule: Localized(
                "Données de santé uniquement chez des prestataires qualifiés SecNumCloud (selon Inputs/), et aucun prestataire sous contrôle américain dans la chaîne déclarée.",
                en: "Health data only at SecNumCloud-qualified providers (per Inputs/), and no US-controlled provider in the stated chain.")),
        LevelRule(
            level: .b, words: Localized("HDS sous juridiction européenne", en: "HDS under European jurisdiction"),
            rule: Localized(
                "Données de santé uniquement chez des hébergeurs certifiés HDS sous juridiction européenne, ou chez un établissement public de santé sur sa propre infrastructure ; rien sous contrôle américain.",
                en: "Health data only at HDS-certified hosts under European jurisdiction, or at a public health institution on its own infrastructure; nothing under US control.")),
        LevelRule(
            level: .c, words: Localized("Européen, preuves incomplètes", en: "European, incomplete evidence"),
            rule: Localized(
                "Hébergeurs déclarés et sous juridiction européenne, mais l'hébergeur des données de santé ou sa certification HDS n'est pas établi ; ou prestataires américains seulement pour le site vitrine ou le CDN.",
                en: "Hosts stated and under European jurisdiction, but the health-data host or its HDS certification is not established; or US providers only for the public website or the CDN.")),
        LevelRule(
            level: .d, words: Localized("Exposé au CLOUD Act", en: "Exposed to the CLOUD Act"),
            rule: Localized(
                "Données de santé, application ou hébergeur au rôle non précisé chez un prestataire sous contrôle américain, ou chez un revendeur / PaaS qui s'appuie sur un tel prestataire (exposition « par ricochet », quels que soient le certificat HDS et la région) ; ou l'opérateur lui-même est sous contrôle américain.",
                en: "Health data, the application or a host of unstated role at a US-controlled provider, or at a reseller / PaaS running on one (exposure \"by ricochet\", whatever the HDS certificate and the region); or the operator itself is US-controlled.")),
        LevelRule(
            level: .e, words: Localized("Hébergeur non déclaré", en: "Host not stated"),
            rule: Localized(
                "Aucun hébergeur identifié dans les documents lus, alors que la loi impose de le nommer dans les mentions légales.",
                en: "No host identified in the documents read, although French law requires the legal notice to name it.")),
        LevelRule(
            level: .unrated, words: Localized("Non évalué", en: "Not rated"),
            rule: Localized(
                "Aucun document n'a pu être récupéré et lu : ni note, ni rang, ni statut (HDS, SecNumCloud, chiffrement) n'est donné à partir de preuves absentes.",
                en: "No document could be fetched and read: no grade, no rank and no status (HDS, SecNumCloud, encryption) is given from missing evidence.")),
    ]

    public static func rule(for level: Level) -> LevelRule {
        levels.first { $0.level == level }!
    }

    public enum CheckID: String, Sendable {
        case documentsRead = "documents-read"
        case hostDeclared = "host-declared"
        case usExposure = "us-exposure"
        case operatorControl = "operator-control"
        case healthDataHost = "health-data-host"
        case hdsCertification = "hds-certification"
        case secNumCloud = "secnumcloud"
        case peripheralExposure = "peripheral-exposure"
        case zeroKnowledge = "zero-knowledge"
        case conflicts = "conflicts"
    }

    public static let checks: [CheckID: Check] = [
        .documentsRead: Check(
            id: CheckID.documentsRead.rawValue, title: Localized("Documents lus", en: "Documents read"),
            looksFor: Localized(
                "Au moins un document légal de la plateforme récupéré et lisible.",
                en: "At least one legal document of the platform fetched and readable."),
            whyItMatters: Localized(
                "Une page inaccessible ne dit rien de l'hébergement : elle ne doit ni faire baisser ni monter une note.",
                en: "An unreachable page says nothing about hosting: it must neither lower nor raise a grade."),
            effect: Localized("Sans aucun document lu, la plateforme est « non évaluée ».", en: "With no document read, the platform is \"not rated\".")),
        .hostDeclared: Check(
            id: CheckID.hostDeclared.rawValue, title: Localized("Hébergeur déclaré", en: "Host stated"),
            looksFor: Localized(
                "Un prestataire nommé comme hébergeur (mentions légales, politique de confidentialité, CGU).",
                en: "A provider named as host (legal notice, privacy policy, terms)."),
            whyItMatters: Localized(
                "La loi pour la confiance dans l'économie numérique impose de nommer l'hébergeur ; sans nom, rien n'est vérifiable.",
                en: "French law (LCEN) requires the host to be named; without a name nothing can be checked."),
            effect: Localized("Aucun hébergeur identifié : niveau E.", en: "No host identified: level E.")),
        .usExposure: Check(
            id: CheckID.usExposure.rawValue, title: Localized("Exposition au CLOUD Act", en: "CLOUD Act exposure"),
            looksFor: Localized(
                "Un hébergeur des données de santé, de l'application ou au rôle non précisé, contrôlé par une société américaine ou s'appuyant sur une telle société.",
                en: "A host of the health data, of the application or of unstated role, controlled by a US company or running on one."),
            whyItMatters: Localized(
                "Le CLOUD Act (2018) permet aux autorités américaines d'exiger d'une société américaine ou de ses filiales les données qu'elles détiennent, même stockées en France ; la certification HDS n'y change rien. Quand un hébergeur publie le tableau de sa chaîne d'hébergement (référentiel HDS 2024 : accès depuis l'extérieur de l'EEE, exposition à une législation de pays tiers), sa réponse est montrée telle quelle à côté de ce que nous savons de lui ; si elle le dit non exposé alors qu'il dépend d'une société américaine, la lecture prudente est retenue.",
                en: "The CLOUD Act (2018) lets US authorities require a US company or its subsidiaries to hand over data they hold, even stored in France; HDS certification does not change that. When a host publishes the table of its hosting chain (2024 HDS framework: access from outside the EEA, exposure to a third country's legislation), its answer is shown as stated beside what we know of it; if it says it is not exposed while it depends on a US company, the conservative reading is kept."),
            effect: Localized("Plafonne au niveau D.", en: "Caps the level at D.")),
        .operatorControl: Check(
            id: CheckID.operatorControl.rawValue, title: Localized("Contrôle de l'opérateur", en: "Operator control"),
            looksFor: Localized(
                "Un opérateur de la plateforme lui-même détenu par une société américaine (selon Inputs/platforms.yml).",
                en: "A platform operator itself owned by a US company (per Inputs/platforms.yml)."),
            whyItMatters: Localized(
                "Un opérateur sous contrôle américain peut être contraint de livrer les données, quel que soit l'hébergeur.",
                en: "A US-controlled operator can be compelled to hand over the data, whoever the host is."),
            effect: Localized("Plafonne au niveau D.", en: "Caps the level at D.")),
        .healthDataHost: Check(
            id: CheckID.healthDataHost.rawValue, title: Localized("Hébergeur des données de santé", en: "Health-data host"),
            looksFor: Localized(
                "Le prestataire qui héberge les données de santé, nommément.",
                en: "The provider hosting the health data, by name."),
            whyItMatters: Localized(
                "Des « hébergeurs certifiés » sans nom ne permettent pas de savoir qui peut accéder aux données.",
                en: "Unnamed \"certified hosts\" do not tell who can reach the data."),
            effect: Localized("Non établi : au mieux C.", en: "Not established: C at best.")),
        .hdsCertification: Check(
            id: CheckID.hdsCertification.rawValue, title: Localized("Certification HDS", en: "HDS certification"),
            looksFor: Localized(
                "Les hébergeurs des données de santé certifiés Hébergeur de Données de Santé (selon Inputs/providers.yml) et la mention HDS sur la page.",
                en: "The health-data hosts certified as Hébergeur de Données de Santé (per Inputs/providers.yml) and the HDS statement on the page."),
            whyItMatters: Localized(
                "Le Code de la santé publique (art. L.1111-8) impose un hébergeur certifié ; c'est la condition minimale.",
                en: "The French public health code (art. L.1111-8) requires a certified host; it is the minimum."),
            effect: Localized("Hébergeur non certifié ou inconnu : au mieux C ; tous certifiés et européens : B.", en: "Host not certified or unknown: C at best; all certified and European: B.")),
        .secNumCloud: Check(
            id: CheckID.secNumCloud.rawValue, title: Localized("Qualification SecNumCloud", en: "SecNumCloud qualification"),
            looksFor: Localized(
                "Les hébergeurs des données de santé qualifiés SecNumCloud par l'ANSSI (selon Inputs/providers.yml). Une phrase négative ou au futur n'est jamais une revendication.",
                en: "The health-data hosts qualified SecNumCloud by ANSSI (per Inputs/providers.yml). A negative or future sentence is never a claim."),
            whyItMatters: Localized(
                "SecNumCloud exige que le prestataire relève du droit européen et échappe au contrôle d'un actionnaire extra-européen : c'est la protection contre les lois extraterritoriales.",
                en: "SecNumCloud requires the provider to be under European law and free from the control of a non-European shareholder: the protection against extraterritorial laws."),
            effect: Localized("Tous qualifiés et rien d'américain dans la chaîne : A.", en: "All qualified and nothing American in the chain: A.")),
        .peripheralExposure: Check(
            id: CheckID.peripheralExposure.rawValue, title: Localized("Prestataires américains périphériques", en: "Peripheral US providers"),
            looksFor: Localized(
                "Un prestataire sous contrôle américain pour le site vitrine ou le CDN seulement.",
                en: "A US-controlled provider for the public website or the CDN only."),
            whyItMatters: Localized(
                "Un CDN voit passer le trafic ; moins grave qu'un hébergement des données, mais pas souverain.",
                en: "A CDN sees the traffic; less serious than hosting the data, but not sovereign."),
            effect: Localized("Plafonne au niveau C.", en: "Caps the level at C.")),
        .zeroKnowledge: Check(
            id: CheckID.zeroKnowledge.rawValue, title: Localized("Chiffrement à connaissance nulle", en: "Zero-knowledge encryption"),
            looksFor: Localized(
                "Une déclaration de chiffrement de bout en bout ou côté client (« nous ne détenons pas les clés »). Le chiffrement au repos n'en est pas un.",
                en: "A statement of end-to-end or client-side encryption (\"we do not hold the keys\"). Encryption at rest is not one."),
            whyItMatters: Localized(
                "Si la plateforme ne détient pas les clés, ni elle ni son hébergeur ne peuvent livrer les données en clair.",
                en: "If the platform does not hold the keys, neither it nor its host can hand over the data in clear."),
            effect: Localized("Fait passer A à A+ ; ajoute des points dans les autres niveaux.", en: "Raises A to A+; adds points in the other levels.")),
        .conflicts: Check(
            id: CheckID.conflicts.rawValue, title: Localized("Documents contradictoires", en: "Conflicting documents"),
            looksFor: Localized(
                "Deux documents qui nomment des hébergeurs différents pour les données de santé.",
                en: "Two documents naming different hosts for the health data."),
            whyItMatters: Localized(
                "La lecture la plus prudente l'emporte : tous les hébergeurs nommés sont retenus.",
                en: "The most cautious reading wins: every named host is kept."),
            effect: Localized("Le conflit est affiché ; les hébergeurs de tous les documents comptent.", en: "The conflict is shown; the hosts of every document count.")),
    ]

    /// Checks in the order the methodology presents them.
    public static let checkOrder: [CheckID] = [
        .documentsRead, .hostDeclared, .usExposure, .operatorControl, .healthDataHost, .hdsCertification, .secNumCloud,
        .peripheralExposure, .zeroKnowledge, .conflicts,
    ]

    public static let changelog: [(version: String, change: Localized)] = [
        (
            "1",
            Localized(
                "Première version : niveaux A+ à E et « non évalué », plafonds CLOUD Act, HDS et SecNumCloud selon Inputs/.",
                en: "First version: levels A+ to E and \"not rated\", CLOUD Act, HDS and SecNumCloud caps per Inputs/.")),
        (
            "2",
            Localized(
                "Le bloc « Hébergeur » des mentions légales désigne l'hébergeur du site. Quand aucun document ne nomme l'hébergeur des données de santé, tout hébergeur nommé (sauf un CDN) est présumé pouvoir les héberger, et la raison le dit. Un établissement public de santé reconnu à son nom s'héberge lui-même. Un hébergeur que la page dit certifié HDS est l'hébergeur des données de santé quand aucun autre ne l'est, même nommé pour le site. Un prestataire inconnu de nos données qui détient des données (messages, sauvegardes) plafonne à C, comme l'hébergeur des données de santé.",
                en: "The legal notice's \"Host\" block names the website's host. When no document names the health-data host, every named host (but a CDN) is presumed to possibly host it, and the reason says so. A public health institution recognised by its name hosts itself. A host the page states is HDS-certified is the health-data host when no other is, even if named for the site. A provider unknown to our data that holds data (messages, backups) caps at C, as the health-data host does.")),
    ]
}

/// Rubric text in each language the site is published in: the rubric is code, so its words are versioned with it.
public struct Localized: Sendable, Equatable, Encodable {
    public var fr: String
    public var en: String

    public init(_ fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    /// The text for a language code ("fr", "en"); French for any other.
    public func text(_ language: String) -> String { language == "en" ? en : fr }
}
