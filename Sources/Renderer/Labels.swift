import History
import Scorecard
import SovereigntyModel

/// French words for every status the site shows; one place, so pages and tests agree.
enum Labels {
    static func hds(_ status: String) -> String {
        switch status {
        case "certified-host-named": "hébergeur certifié nommé"
        case "claimed-host-unnamed": "certification revendiquée, hébergeur non nommé"
        default: "aucune mention"
        }
    }

    static func secNumCloud(_ status: String) -> String {
        switch status {
        case "qualified": "qualifié (selon nos données)"
        case "claimed": "revendiqué par la page"
        case "in-progress": "qualification en cours"
        default: "non"
        }
    }

    static func location(_ code: String) -> String {
        switch code {
        case "FR": "France"
        case "EU": "Union européenne / EEE"
        case "non-EU": "hors Union européenne"
        default: code
        }
    }

    static func documentStatus(_ status: String) -> String {
        switch status {
        case "ok": "lu"
        case "http-error": "erreur HTTP"
        case "unreachable": "injoignable"
        case "needs-javascript": "page vide sans JavaScript"
        case "stale": "injoignable ce soir : copie précédente conservée"
        default: "illisible"
        }
    }

    static func kind(_ kind: DocumentKind) -> String {
        switch kind {
        case .legalNotice: "mentions légales"
        case .privacyPolicy: "politique de confidentialité"
        case .terms: "conditions générales"
        case .subprocessors: "sous-traitants"
        case .other: "autre"
        }
    }

    static func yesNo(_ value: Bool) -> String { value ? "oui" : "non" }

    static func exposure(_ value: Bool?) -> String { value.map(yesNo) ?? "inconnue" }

    /// One sentence saying what changed, in French.
    static func change(_ change: Change) -> String {
        switch change.kind {
        case .levelUp: "\(change.platformName) passe du niveau \(change.before) au niveau \(change.after) (amélioration)"
        case .levelDown: "\(change.platformName) passe du niveau \(change.before) au niveau \(change.after) (dégradation)"
        case .hostAdded: "\(change.platformName) : nouvel hébergeur, \(change.subject)"
        case .hostRemoved: "\(change.platformName) : hébergeur retiré, \(change.subject)"
        case .rolesChanged: "\(change.platformName) : rôle de \(change.subject) modifié"
        case .hdsChanged: "\(change.platformName) : statut HDS modifié"
        case .secNumCloudChanged: "\(change.platformName) : statut SecNumCloud modifié"
        case .documentUnreachable: "\(change.platformName) : document injoignable depuis le \(change.since.prefix(10))"
        case .documentRecovered: "\(change.platformName) : document de nouveau lisible"
        }
    }

    /// A value as compared between runs, in French where it is a word of ours.
    static func changeValue(_ value: String) -> String {
        switch value {
        case "absent": "absent"
        case "present": "présent"
        case "ok": "lisible"
        default: value
        }
    }
}
