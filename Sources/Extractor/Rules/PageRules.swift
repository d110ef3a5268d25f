import Foundation

/// Words that say what a page is, with no pattern: a legal page, or a page that stands in for it (maintenance,
/// error, login, cookie consent). A stand-in's words only count when they are new to a page that also lost its
/// substance (`DocumentFindings.standsIn`).
extension Rules {
    static let legalPage = Rule(
        "legal-page", finds: "Words of legal pages: a page without any is not the document (maintenance, login, error page).",
        trigger: .legal,
        words: ["mentions legales", "heberg", "donnees personnelles", "conditions generales", " rcs ", "siege social", "editeur",
            "directeur de la publication", "legal notice", "privacy", "terms of", "au capital", "responsable du traitement",
            "protection des donnees", " cgu", "cookies", "personal data", "hosting"],
        pattern: nil, examples: ["Mentions légales", "Privacy policy"], counterExamples: ["Bienvenue sur notre boutique"])

    static let maintenancePage = Rule(
        "maintenance-page", finds: "A maintenance page standing in for the document.", trigger: .maintenancePage,
        words: ["en maintenance", "maintenance en cours", "en cours de maintenance", "under maintenance", "down for maintenance",
            "maintenance mode", "temporairement indisponible", "momentanement indisponible", "temporarily unavailable",
            "service unavailable", "service indisponible", "site indisponible", "de retour tres bientot", "de retour tres vite",
            "revient dans quelques", "be back soon", "back shortly", "merci de votre patience", "thank you for your patience"],
        pattern: nil, examples: ["Site en maintenance, merci de votre patience."], counterExamples: ["Mentions légales"])

    static let errorPage = Rule(
        "error-page", finds: "An error page standing in for the document.", trigger: .errorPage,
        words: ["page introuvable", "page non trouvee", "page not found", "page inexistante", "cette page n'existe pas",
            "this page does not exist", "erreur 404", "error 404", "404 not found", "erreur 500", "error 500", "erreur 503",
            "error 503", "internal server error", "erreur interne du serveur", "bad gateway", "gateway timeout",
            "une erreur est survenue", "une erreur s'est produite", "an error occurred", "something went wrong", "acces refuse",
            "access denied", "403 forbidden"],
        pattern: nil, examples: ["Erreur 404 : page introuvable"], counterExamples: ["Mentions légales"])

    static let loginPage = Rule(
        "login-page", finds: "A login page standing in for the document.", trigger: .loginPage,
        words: ["mot de passe oublie", "forgot password", "forgot your password", "connectez-vous", "identifiez-vous",
            "veuillez vous connecter", "please log in", "please sign in", "sign in to continue", "log in to continue",
            "se souvenir de moi", "remember me", "saisissez votre mot de passe", "enter your password", "session expiree",
            "session has expired"],
        pattern: nil, examples: ["Mot de passe oublié ?"], counterExamples: ["Mentions légales"])

    static let consentPage = Rule(
        "consent-page", finds: "A cookie-consent page standing in for the document.", trigger: .consentPage,
        words: ["tout accepter", "accepter tout", "tout refuser", "accept all", "reject all", "accepter et continuer",
            "accepter et fermer", "accept and continue", "gerer mes preferences", "gerer les preferences", "manage preferences",
            "manage cookies", "parametrer les cookies", "personnaliser mes choix", "nous utilisons des cookies", "we use cookies",
            "ce site utilise des cookies", "this site uses cookies", "this website uses cookies"],
        pattern: nil, examples: ["Nous utilisons des cookies. Tout accepter"], counterExamples: ["Mentions légales"])
}
