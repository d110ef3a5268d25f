import History
import Scorecard
import SovereigntyModel

/// The CSV downloads: one table per question a researcher asks, the same facts as `scorecards.json`.
enum DataFiles {
    /// One row per platform; an unrated platform has an empty rank and `unknown` statuses.
    static func scorecards(_ cards: [PlatformScorecard]) -> String {
        var table = CSVWriter(header: [
            "rank", "id", "name", "category", "operator", "website", "level", "score", "cloud_act_exposed", "hds_status",
            "secnumcloud_status", "health_data_hosts", "data_location", "documents", "documents_read", "stale_documents", "evidence_date",
        ])
        for card in cards {
            let healthHosts = card.hosts.filter { $0.roles.contains(where: \.carriesHealthData) }.map(\.name)
            let readOn = card.documents.compactMap(\.fetchedAt)
            table.row([
                card.rank.map(String.init) ?? "", card.id, card.name, card.category, card.operator, card.website, card.level.rawValue,
                card.score.map(String.init) ?? "", card.cloudActExposed.map { $0 ? "true" : "false" } ?? "", card.hds.status,
                card.secNumCloud.status, healthHosts.joined(separator: "; "), card.dataLocation.joined(separator: "; "),
                String(card.documents.count), String(readOn.count), String(card.documents.count { $0.status == "stale" }),
                readOn.max() ?? "",
            ])
        }
        return table.text
    }

    /// One row per platform × host × role, with the first quote that names the host.
    static func hosts(_ cards: [PlatformScorecard]) -> String {
        var table = CSVWriter(header: [
            "platform_id", "host", "provider_id", "role", "country", "parent", "parent_country", "us_controlled", "cloud_act_exposed",
            "exposed_through", "hds_certified", "secnumcloud_qualified", "quote", "url", "fetched_at",
        ])
        for card in cards {
            for host in card.hosts {
                let proof = host.evidence.first
                for role in host.roles {
                    table.row([
                        card.id, host.name, host.provider ?? "", role.rawValue, host.country ?? "", host.parent ?? "", host.parentCountry ?? "",
                        String(host.usControlled), String(host.cloudActExposed), host.exposedThrough ?? "", String(host.hdsCertified),
                        String(host.secNumCloudQualified), proof?.quote ?? "", proof?.url ?? "", proof?.fetchedAt ?? "",
                    ])
                }
            }
        }
        return table.text
    }

    /// The columns of `data/history.csv`.
    static let historyColumns = ["platform_id", "first_run_id", "first_date", "last_run_id", "last_date", "runs", "level", "score", "hosts"]

    /// `data/history.csv`: each platform's stretches of runs with the same level, score and hosts, platforms in the
    /// order the history keeps them (`SiteHistory.Builder.precedes`), each one's oldest first.
    static func history(_ platforms: [String: PlatformHistory]) -> String {
        var table = CSVWriter(header: historyColumns)
        for id in platforms.keys.sorted(by: SiteHistory.Builder.precedes) {
            for row in platforms[id]!.rows {
                table.row([
                    id, String(row.firstRun), row.firstDate, String(row.lastRun), row.lastDate, String(row.runs), row.level,
                    row.score.map(String.init) ?? "", row.hosts.joined(separator: "; "),
                ])
            }
        }
        return table.text
    }

    /// One row per confirmed change, newest first: the complete list the changes page shortens.
    static func changes(_ changes: [Change]) -> String {
        var table = CSVWriter(header: ["confirmed_at", "since", "platform_id", "kind", "subject", "before", "after", "after_quote", "after_url"])
        for change in changes {
            let proof = change.afterEvidence.first ?? change.beforeEvidence.first
            table.row([
                change.confirmedAt, change.since, change.platformID, change.kind.rawValue, change.subject, change.before, change.after,
                proof?.quote ?? "", proof?.url ?? "",
            ])
        }
        return table.text
    }
}

/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
struct CSVWriter {
    private(set) var text: String

    init(header: [String]?) {
        text = ""
        if let header { row(header) }
    }

    mutating func row(_ fields: [String]) {
        text += fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    /// A page's words could start like a spreadsheet formula (`=`, `+`, `-`, `@`): such a field gets a leading
    /// apostrophe, so that opening the file never runs what a hostile page wrote.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
