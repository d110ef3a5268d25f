import Foundation

/// Rules that read a subprocessor table's header row: which column names the provider, its legal entity, where it
/// hosts and what it does. They only ever see header cells.
extension Rules {
    static let providerColumn = Rule(
        "provider-column", finds: "The column that names the provider.", trigger: nil,
        pattern: #"prestataire|fournisseur|sous-traitant|provider|processor|vendor|partenaire|hebergeur|\bnom\b|\bname\b|societe$|^societe"#,
        examples: ["Sous-traitant", "Vendor name"], counterExamples: ["Durée de conservation"])

    static let entityColumn = Rule(
        "entity-column", finds: "The column that names the provider's legal entity.", trigger: nil,
        pattern: #"entite|entity|contractant|raison sociale|legal"#,
        examples: ["Entité contractante", "Legal entity"], counterExamples: ["Finalité"])

    static let locationColumn = Rule(
        "location-column", finds: "The column that says where data is hosted.", trigger: nil,
        pattern: #"localisation|location|\blieu\b|pays d'hebergement|hosting country|region|ou sont|where"#,
        examples: ["Localisation des serveurs", "Hosting country"], counterExamples: ["Finalité"])

    static let serviceColumn = Rule(
        "service-column", finds: "The column that says what the provider does.", trigger: nil,
        pattern: #"service|prestation|finalite|purpose|activite|\brole\b|usage|objet|mission|description|traitement|\btaches?\b|\btasks?\b"#,
        examples: ["Finalité", "Purpose of processing"], counterExamples: ["Pays"])
}
