/// The published rubric: one definition that the grader cites in its reasons and the methodology page prints.
public enum Rubric {
    public static let version = "1"

    public struct LevelRule: Sendable, Equatable {
        public var level: Level
        /// The level in words, so that no reader depends on a colour or a letter alone.
        public var words: String
        public var rule: String
    }

    public struct Check: Sendable, Equatable {
        public var id: String
        public var title: String
        public var looksFor: String
        public var whyItMatters: String
        public var effect: String
    }

    public static let levels: [LevelRule] = [
        LevelRule(
            level: .aPlus, words: "Souverain, chiffrement à connaissance nulle",
            rule: "Comme A, et la plateforme déclare un chiffrement de bout en bout ou à connaissance nulle : elle ne peut pas lire les données elle-même."),
        LevelRule(
            level: .a, words: "Souverain (SecNumCloud)",
            rule: "Données de santé uniquement chez des prestataires qualifiés SecNumCloud (selon Inputs/), et aucun prestataire sous contrôle américain dans la chaîne déclarée."),
        LevelRule(
            level: .b, words: "HDS sous juridiction européenne",
            rule: "Données de santé uniquement chez des hébergeurs certifiés HDS sous juridiction européenne, ou chez un établissement public de santé sur sa propre infrastructure ; rien sous contrôle américain."),
        LevelRule(
            level: .c, words: "Européen, preuves incomplètes",
            rule: "Hébergeurs déclarés et sous juridiction européenne, mais l'hébergeur des données de santé ou sa certification HDS n'est pas établi ; ou prestataires américains seulement pour le site vitrine ou le CDN."),
        LevelRule(
            level: .d, words: "Exposé au CLOUD Act",
            rule: "Données de santé, application ou hébergeur au rôle non précisé chez un prestataire sous contrôle américain, ou chez un revendeur / PaaS qui s'appuie sur un tel prestataire (exposition « par ricochet », quels que soient le certificat HDS et la région) ; ou l'opérateur lui-même est sous contrôle américain."),
        LevelRule(
            level: .e, words: "Hébergeur non déclaré",
            rule: "Aucun hébergeur identifié dans les documents lus, alors que la loi impose de le nommer dans les mentions légales."),
        LevelRule(
            level: .unrated, words: "Non évalué",
            rule: "Aucun document n'a pu être récupéré et lu : aucune note n'est donnée à partir de preuves absentes."),
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
            id: CheckID.documentsRead.rawValue, title: "Documents lus",
            looksFor: "Au moins un document légal de la plateforme récupéré et lisible.",
            whyItMatters: "Une page inaccessible ne dit rien de l'hébergement : elle ne doit ni faire baisser ni monter une note.",
            effect: "Sans aucun document lu, la plateforme est « non évaluée »."),
        .hostDeclared: Check(
            id: CheckID.hostDeclared.rawValue, title: "Hébergeur déclaré",
            looksFor: "Un prestataire nommé comme hébergeur (mentions légales, politique de confidentialité, CGU).",
            whyItMatters: "La loi pour la confiance dans l'économie numérique impose de nommer l'hébergeur ; sans nom, rien n'est vérifiable.",
            effect: "Aucun hébergeur identifié : niveau E."),
        .usExposure: Check(
            id: CheckID.usExposure.rawValue, title: "Exposition au CLOUD Act",
            looksFor: "Un hébergeur des données de santé, de l'application ou au rôle non précisé, contrôlé par une société américaine ou s'appuyant sur une telle société.",
            whyItMatters: "Le CLOUD Act (2018) permet aux autorités américaines d'exiger d'une société américaine ou de ses filiales les données qu'elles détiennent, même stockées en France ; la certification HDS n'y change rien.",
            effect: "Plafonne au niveau D."),
        .operatorControl: Check(
            id: CheckID.operatorControl.rawValue, title: "Contrôle de l'opérateur",
            looksFor: "Un opérateur de la plateforme lui-même détenu par une société américaine (selon Inputs/platforms.yml).",
            whyItMatters: "Un opérateur sous contrôle américain peut être contraint de livrer les données, quel que soit l'hébergeur.",
            effect: "Plafonne au niveau D."),
        .healthDataHost: Check(
            id: CheckID.healthDataHost.rawValue, title: "Hébergeur des données de santé",
            looksFor: "Le prestataire qui héberge les données de santé, nommément.",
            whyItMatters: "Des « hébergeurs certifiés » sans nom ne permettent pas de savoir qui peut accéder aux données.",
            effect: "Non établi : au mieux C."),
        .hdsCertification: Check(
            id: CheckID.hdsCertification.rawValue, title: "Certification HDS",
            looksFor: "Les hébergeurs des données de santé certifiés Hébergeur de Données de Santé (selon Inputs/providers.yml) et la mention HDS sur la page.",
            whyItMatters: "Le Code de la santé publique (art. L.1111-8) impose un hébergeur certifié ; c'est la condition minimale.",
            effect: "Hébergeur non certifié ou inconnu : au mieux C ; tous certifiés et européens : B."),
        .secNumCloud: Check(
            id: CheckID.secNumCloud.rawValue, title: "Qualification SecNumCloud",
            looksFor: "Les hébergeurs des données de santé qualifiés SecNumCloud par l'ANSSI (selon Inputs/providers.yml). Une phrase négative ou au futur n'est jamais une revendication.",
            whyItMatters: "SecNumCloud exige que le prestataire relève du droit européen et échappe au contrôle d'un actionnaire extra-européen : c'est la protection contre les lois extraterritoriales.",
            effect: "Tous qualifiés et rien d'américain dans la chaîne : A."),
        .peripheralExposure: Check(
            id: CheckID.peripheralExposure.rawValue, title: "Prestataires américains périphériques",
            looksFor: "Un prestataire sous contrôle américain pour le site vitrine ou le CDN seulement.",
            whyItMatters: "Un CDN voit passer le trafic ; moins grave qu'un hébergement des données, mais pas souverain.",
            effect: "Plafonne au niveau C."),
        .zeroKnowledge: Check(
            id: CheckID.zeroKnowledge.rawValue, title: "Chiffrement à connaissance nulle",
            looksFor: "Une déclaration de chiffrement de bout en bout ou côté client (« nous ne détenons pas les clés »). Le chiffrement au repos n'en est pas un.",
            whyItMatters: "Si la plateforme ne détient pas les clés, ni elle ni son hébergeur ne peuvent livrer les données en clair.",
            effect: "Fait passer A à A+ ; ajoute des points dans les autres niveaux."),
        .conflicts: Check(
            id: CheckID.conflicts.rawValue, title: "Documents contradictoires",
            looksFor: "Deux documents qui nomment des hébergeurs différents pour les données de santé.",
            whyItMatters: "La lecture la plus prudente l'emporte : tous les hébergeurs nommés sont retenus.",
            effect: "Le conflit est affiché ; les hébergeurs de tous les documents comptent."),
    ]

    /// Checks in the order the methodology presents them.
    public static let checkOrder: [CheckID] = [
        .documentsRead, .hostDeclared, .usExposure, .operatorControl, .healthDataHost, .hdsCertification, .secNumCloud,
        .peripheralExposure, .zeroKnowledge, .conflicts,
    ]

    public static let changelog: [(version: String, change: String)] = [
        ("1", "Première version : niveaux A+ à E et « non évalué », plafonds CLOUD Act, HDS et SecNumCloud selon Inputs/.")
    ]
}
