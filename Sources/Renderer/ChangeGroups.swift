/// What changed for one platform at one run, as one entry: a fall from B to D and the host that left with it are
/// one event, and the level comes first because it is what the reader asks about. Pure.
enum ChangeGroups {
    /// The order of a run's changes inside its entry: the level, then hosts leaving and arriving, then the rest.
    static let order: [String] = [
        "levelDown", "levelUp", "hostRemoved", "hostAdded", "rolesChanged", "hdsChanged", "secNumCloudChanged", "documentUnreachable",
        "documentRecovered",
    ]

    /// Groups by platform and run (the day the new state was first seen), in the order the entries first appear
    /// (the views come newest first); inside an entry, changes follow `order`, then their subject.
    static func group(_ views: [RunChangeView]) -> [[RunChangeView]] {
        var keys: [String] = []
        var groups: [String: [RunChangeView]] = [:]
        for view in views {
            let key = view.platformID + "\u{0}" + view.since
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(view)
        }
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return keys.map { key in
            groups[key]!.enumerated().sorted { left, right in
                let (a, b) = (rank[left.element.kind] ?? order.count, rank[right.element.kind] ?? order.count)
                return a != b ? a < b : left.offset < right.offset
            }.map(\.element)
        }
    }

    /// "down", "up" or "neutral": the level's direction in this entry, which styles it (always with words too).
    static func direction(_ group: [RunChangeView]) -> String {
        if group.contains(where: { $0.kind == "levelDown" }) { return "down" }
        if group.contains(where: { $0.kind == "levelUp" }) { return "up" }
        return "neutral"
    }
}
