/// A page that answers in a document's place without being it: the site is down for maintenance, the address gives
/// an error page, a login wall or a consent wall.
public enum PlaceholderKind: String, Sendable, Codable, CaseIterable {
    case maintenance
    case error
    case login
    case consent

    /// "a maintenance page", for messages.
    public var page: String {
        switch self {
        case .maintenance: "a maintenance page"
        case .error: "an error page"
        case .login: "a login page"
        case .consent: "a consent page"
        }
    }
}
