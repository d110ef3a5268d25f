import Foundation
import SovereigntyModel

/// What a sentence or heading says is hosted, from the role rules (`Rules.roles`).
enum RoleWords {
    /// Roles as a set: sorted, and a CDN named for that role alone.
    static func normalise(_ roles: [HostRole]) -> [HostRole] {
        var roles = Array(Set(roles)).sorted()
        if roles.contains(.cdn) { roles.removeAll { $0 == .website || $0 == .application } }
        return roles
    }

    /// Roles named in the text, or empty when it names none.
    static func roles(in text: Folded) -> [HostRole] {
        roles(in: text, scanned: Triggers.scan(text.original))
    }

    /// The same when the text's trigger words are known (`Triggers.scan` of its original).
    static func roles(in text: Folded, scanned triggers: TriggerSet) -> [HostRole] {
        guard !triggers.isDisjoint(with: .role) else { return [] }
        return roles(in: triggers.contains(.roleNoiseWords) ? Folded(stripping: Rules.roleNoise.pattern!, from: text) : text, triggers: triggers)
    }

    /// Roles named in a text whose role noise is already blanked out, with the trigger words of the text.
    static func roles(in text: Folded, triggers: TriggerSet) -> [HostRole] {
        guard !triggers.isDisjoint(with: .role) else { return [] }
        var roles = Array(Set(Rules.roles.filter { $0.1.matches(in: text, triggers: triggers) }.map(\.0)))
        let dataIsQualified = roles.contains { [.encryptionKeys, .backup, .messaging, .healthData].contains($0) }
        if !dataIsQualified, Rules.roleData.matches(in: text, triggers: triggers) { roles.append(.healthData) }
        // Data stripped of identity, or kept for statistics and marketing, is not health data: what stores it runs
        // part of the service.
        if roles.contains(.healthData), Rules.notHealthData.matches(in: text, triggers: triggers) {
            roles.removeAll { $0 == .healthData }
            if roles.isEmpty { roles.append(.application) }
        }
        // A CDN serves the site or the app; it is named for that role alone.
        if roles.contains(.cdn) { roles.removeAll { $0 == .website || $0 == .application } }
        return roles.sorted()
    }
}

/// Where a table cell or a short phrase places data, and the rule that says so.
enum PlaceNames {
    static func locations(in cell: Folded) -> [(DataLocation, NSRange, rule: String)] {
        var found: [(DataLocation, NSRange, rule: String)] = []
        for (location, rule) in [(DataLocation.france, Rules.placeFrance), (.europeanUnion, Rules.placeEurope), (.outsideEU, Rules.placeOutside)] {
            if let range = rule.firstRange(in: cell) { found.append((location, range, rule.name)) }
        }
        return found
    }
}
