import Foundation

/// Rules that read a subprocessor table's header row: which column names the provider, its legal entity, where it
/// hosts and what it does. They only ever see header cells.
extension Rules {
    static let providerColumn = Rule(
        "provider-column", finds: "The column that names the provider.", trigger: nil,
        pattern: #"prestataire|fournisseur|sous-traitant|provider|processor|vendor|partenaire|hebergeur|\bnom\b|\bname\b|societe$|^societe|^\s*entreprises?\s*$|^\s*compan(?:y|ies)\s*$"#,
        examples: ["Sous-traitant", "Vendor name", "Entreprise", "Company"], counterExamples: ["Durée de conservation"])

    static let entityColumn = Rule(
        "entity-column", finds: "The column that names the provider's legal entity.", trigger: nil,
        pattern: #"entite|entity|contractant|raison sociale"#,
        examples: ["Entité contractante", "Legal entity"], counterExamples: ["Finalité", "Base légale du traitement"])

    static let locationColumn = Rule(
        "location-column", finds: "The column that says where data is hosted.", trigger: nil,
        pattern: #"localisation|location|\blieu\b|pays d'hebergement|hosting country|region|ou sont|where"#,
        examples: ["Localisation des serveurs", "Hosting country"], counterExamples: ["Finalité"])

    static let serviceColumn = Rule(
        "service-column", finds: "The column that says what the provider does.", trigger: nil,
        pattern: #"service|prestation|finalite|purpose|activite|\brole\b|usage|objet|mission|description|traitement|\btaches?\b|\btasks?\b"#,
        examples: ["Finalité", "Purpose of processing"], counterExamples: ["Pays"])

    // A hosting-chain table of the 2024 HDS framework (`DisclosureTable`): one row per actor, with its answers to the
    // framework's requirements 29 (access from outside the EEA) and 30 (exposure to a third country's legislation).

    /// A question names both what it asks about and where from: "hors UE" alone heads an ordinary transfer column.
    static let accessQuestionColumn = Rule(
        "access-question-column", finds: "The column that says whether data can be reached from outside the EEA.", trigger: nil,
        pattern: #"\bacce(?:s|der)\b.{0,80}(?:hors|en dehors|exterieur|pays tiers|extra-?europeen|non[- ]europeen)|\baccess(?:ed|ible)?\b.{0,80}(?:outside|third[- ]countr|non-eu)"#,
        examples: ["Accès aux données depuis un pays hors EEE", "Data accessed from outside the EEA"],
        counterExamples: ["Transfert hors UE", "Accès"])

    static let exposureQuestionColumn = Rule(
        "exposure-question-column", finds: "The column that says whether the actor is exposed to a third country's legislation.", trigger: nil,
        pattern: #"(?:exposi?(?:tion|e|es)|soumis|assujetti|subject|exposed|exposure)\b.{0,80}(?:legislation|\blois?\b|\bdroit\b|\blaws?\b|juridiction|extraterritori)"#,
        examples: ["Exposé à une législation extra-européenne", "Soumis à des lois de pays tiers", "Exposure to third-country laws"],
        counterExamples: ["Pays", "Exposition"])

    static let secNumCloudColumn = Rule(
        "secnumcloud-column", finds: "The column that gives the actor's SecNumCloud qualification.", trigger: nil,
        pattern: #"secnumcloud"#, examples: ["Qualifié SecNumCloud"], counterExamples: ["Certifié HDS"])

    static let hdsColumn = Rule(
        "hds-column", finds: "The column that gives the actor's HDS certification.", trigger: nil,
        pattern: #"\bhds\b|certifi"#, examples: ["Certifié HDS", "HDS"], counterExamples: ["Rôle"])

    static let actorColumn = Rule(
        "actor-column", finds: "The column that names the actor of the hosting chain.", trigger: nil,
        pattern: #"\bacteurs?\b|\bactors?\b|prestataires?|sous-traitants?|fournisseurs?|\bhebergeurs?\b|raison sociale|\bentites?\b|\bentity\b|\bsocietes?\b|\bprovider\b|\bsubprocessor|\bnom\b|\bname\b"#,
        examples: ["Acteur", "Prestataire", "Actor"], counterExamples: ["Rôle dans la chaîne"])

    static let chainRoleColumn = Rule(
        "chain-role-column", finds: "The column that says the actor's role or activities in the chain.", trigger: nil,
        pattern: #"\broles?\b|activites?|activit(?:y|ies)|prestations?|services?|perimetre|scope"#,
        examples: ["Rôle dans la chaîne", "Activités hébergées"], counterExamples: ["Acteur"])

    static let yesAnswer = Rule(
        "yes-answer", finds: "A table cell that answers yes.", trigger: nil,
        pattern: #"^\s*(?:oui\b|yes\b|certifi|qualifi|expose|possible|x\s*$)"#,
        examples: ["Oui", "Yes", "Certifié", "Exposé"], counterExamples: ["Non exposé", "En cours"])

    static let noAnswer = Rule(
        "no-answer", finds: "A table cell that answers no.", trigger: nil,
        pattern: #"^\s*(?:non\b|no\b|not\b|aucun|neant|none\b|sans\b|pas\b)"#,
        examples: ["Non", "Non exposé", "Aucun accès", "No"], counterExamples: ["Oui", "En cours"])
}
