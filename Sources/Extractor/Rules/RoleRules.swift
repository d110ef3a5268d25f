import Foundation
import SovereigntyModel

/// Rules that say what a host holds: the site, the application, health data, backups, keys, a CDN, messages.
extension Rules {
    static let roleKeys = Rule(
        "role-encryption-keys", finds: "The host holds encryption keys.", trigger: .roleKeys,
        words: Lexicon.words("role-encryption-keys"),
        pattern: #"cles? de (?:chiffrement|dechiffrement)|donnees de chiffrement|encryption keys?|\bcles\b|\bkms\b|\bhsm\b"#,
        examples: ["Les clés de chiffrement sont confiées à Exemple KMS.", "Encryption keys"], counterExamples: ["Les données de santé"])

    static let roleBackup = Rule(
        "role-backup", finds: "The host keeps backups.", trigger: .roleBackup,
        words: Lexicon.words("role-backup"),
        pattern: #"sauvegardes?|\bbackups?\b|\bbacked\s+up\b|copies? de secours|plan de reprise|(?:hebergeur|site|serveurs?|infrastructure|centre de donnees) de secours"#,
        examples: ["Les sauvegardes sont conservées chez Exemple.", "Daily backups", "Copies are backed up by Example."], counterExamples: ["Le site vitrine"])

    static let roleMessaging = Rule(
        "role-messaging", finds: "The host carries e-mails, SMS or messages.", trigger: .roleMessaging,
        words: Lexicon.words("role-messaging"),
        pattern: #"messageries?|courriels?|\be-?mails?\b|\be-?mailings?\b|messaging|\bsms\b|\bmessages\b|newsletters?|\blettres?\s+d'information\b|\b(?:dans|par)\s+(?:un|le|chaque)\s+message\b|\bin\s+a\s+message\b|\bnotifications?\s+(?:(?:in-?\s?app|mobiles?)\s+(?:ou|et|or|and)\s+)?push\b|\bpush\s+notifications?\b|\bnotifications?\s+in-app\b|\bin-app\s+notifications?\b"#,
        examples: ["Envoi des SMS", "E-mail delivery", "Campagnes d'e-mailing", "Rappels envoyés par notification in-app ou push", "Notifications in app ou push",
            "Push notifications", "Les fichiers joints dans un message sont stockés sur nos serveurs.", "L'envoi de la newsletter"],
        counterExamples: ["Le site vitrine", "Les notifications de modification des présentes conditions"])

    static let roleCDN = Rule(
        "role-cdn", finds: "The host serves the site's content from a CDN or a proxy.", trigger: .roleCDN,
        words: Lexicon.words("role-cdn"),
        pattern: #"\bcdn\b|diffusion de contenus?|content delivery|mise en cache|reseau de distribution|\bproxy\b|ddos"#,
        examples: ["Diffusion de contenus (CDN)", "Content delivery network"], counterExamples: ["Les données de santé"])

    static let roleHealthData = Rule(
        "role-health-data", finds: "The host holds health data: medical records, patients' data, photographs.", trigger: .roleData,
        words: Lexicon.words("role-data"),
        pattern: #"donnees de sante|donnees (?:a caractere personnel|personnelles) de sante|donnees medicales|donnees des patients|dossiers? (?:medica|patient)|health data|medical data|patient data|documents? medicaux"#,
        examples: ["Les données de santé sont hébergées chez Exemple.", "Patient data", "Les données à caractère personnel de santé"], counterExamples: ["Le site vitrine", "Vos photos sont stockées chez Exemple."])

    static let rolePhotographs = Rule(
        "role-photographs",
        finds: "On a health service, the photographs users send (of a wound, a skin condition) are health data; on any other service, photographs are the application's data.",
        trigger: .roleData, pattern: #"photographies|\bphotos\b"#,
        examples: ["Les photographies des plaies sont hébergées chez Exemple."], counterExamples: ["Les données de santé"])

    static let roleApplication = Rule(
        "role-application", finds: "The host runs the application, the platform or its API.", trigger: .roleApplication,
        words: Lexicon.words("role-application"),
        pattern: #"\bapplications?\b|\bplate-?formes?\b|logiciels?|(?<!\.)(?<!in-)(?<!in )\bapp\b|(?<!\.)\bapi\b|service en ligne|back-?end|\bsoftware\b"#,
        examples: ["L'application est hébergée chez Exemple.", "Our API"], counterExamples: ["Le site vitrine", "example.app", "une notification in-app", "les notifications in app"])

    static let roleWebsite = Rule(
        "role-website", finds: "The host serves the website (by law, the host block of a legal notice names it).", trigger: .roleWebsite,
        words: Lexicon.words("role-website"),
        pattern: #"\bsites?\b|website|portail|pages? web|front-?end|nom de domaine|centre d'aide|foire aux questions|\bfaq\b|help cent(?:er|re)|\bblog\b"#,
        examples: ["Le site vitrine est hébergé chez Exemple.", "Help center"], counterExamples: ["Les données de santé"])

    static let roleData = Rule(
        "role-data", finds: "Data in general: on a health platform, the users' data include their health data.", trigger: .roleData,
        pattern: #"donnees personnelles|donnees a caractere personnel|personal data|vos donnees|your data|\bdata\b|\bdonnees\b|comptes? (?:des )?utilisateurs|\bdossiers?\b|\bjournaux\b|questionnaires|\breleves\b|\bmesures\b|\bexamens\b|comptes rendus|ordonnances|resultats|\brecords\b"#,
        examples: ["Vos données sont hébergées chez Exemple.", "Your data"], counterExamples: ["Le site vitrine"])

    static let notHealthData = Rule(
        "not-health-data",
        finds: "\"données non identifiantes\", \"anonymised data\", \"données statistiques\", the practitioners' own photographs: data that is not health data; what stores it runs part of the service.",
        trigger: .roleData, words: ["picture"],
        pattern: #"donnees\s+(?:non[- ]identifiantes?|non[- ]nominatives?|anonymi[a-z]*|statistiques|agregees|d'audience|marketing|de prospection)|(?:non[- ]identifying|anonymi[sz]ed|aggregated|statistical|analytics|marketing)\s+data|(?:photographies|photos)(?:\s+et\s+images)?\s+(?:de\s+profil\s+)?(?:des|de\s+nos|fournies\s+par\s+les)\s+(?:acteurs\s+de\s+sante|professionnels|praticiens|medecins|soignants)|\bphotos?\s+de\s+profil|\bprofile\s+(?:photos?|pictures?)|(?:photos|pictures)\s+of\s+(?:the\s+)?(?:practitioners|professionals|doctors)"#,
        examples: ["Stockage de données non identifiantes", "Anonymised data", "Les photographies fournies par les praticiens sont hébergées chez Exemple.", "Profile pictures"],
        counterExamples: ["Les données de santé", "Les photographies des plaies"])

    /// Each specific role with its rule; `role-data` gives health data when none of the first four is named.
    static let roles: [(HostRole, Rule)] = [
        (.encryptionKeys, roleKeys), (.backup, roleBackup), (.messaging, roleMessaging), (.cdn, roleCDN), (.healthData, roleHealthData),
        (.healthData, rolePhotographs), (.application, roleApplication), (.website, roleWebsite),
    ]
}
