import Foundation
import SovereigntyModel

/// Loads `Inputs/registries/hds.csv` and `secnumcloud.csv`.
public enum RegistryFiles {
    /// Both registries of a folder; a missing file leaves that registry unloaded.
    public static func load(directory: String) throws(InputError) -> Registries {
        let hds = "\(directory)/hds.csv"
        let secNumCloud = "\(directory)/secnumcloud.csv"
        return Registries(
            hds: FileManager.default.fileExists(atPath: hds) ? try Self.hds(text: InputText.read(hds), file: hds) : nil,
            secNumCloud: FileManager.default.fileExists(atPath: secNumCloud)
                ? try Self.secNumCloud(text: InputText.read(secNumCloud), file: secNumCloud) : nil)
    }

    /// `hds.csv`: certified hosts, one row per certificate.
    public static func hds(text: String, file: String) throws(InputError) -> Registry {
        try parse(text: text, file: file, subject: "name", since: nil)
    }

    /// `secnumcloud.csv`: qualified offers.
    public static func secNumCloud(text: String, file: String) throws(InputError) -> Registry {
        try parse(text: text, file: file, subject: "offer", since: "qualified_since")
    }

    static func parse(text: String, file: String, subject: String, since: String?) throws(InputError) -> Registry {
        let table = try CSVTable(text: text, file: file, required: ["provider", subject, "valid_until", "source", "as_of"] + (since.map { [$0] } ?? []))
        var entries: [Registry.Entry] = []
        var errors = InputErrorList()
        for (line, row) in table.rows {
            let entry = errors.collect { () throws(InputError) in try Self.entry(row, line: line, file: file, subject: subject, since: since) }
            if let entry { entries.append(entry) }
        }
        try errors.check()
        return Registry(entries: entries)
    }

    private static func entry(
        _ row: [String: String], line: Int, file: String, subject: String, since: String?
    ) throws(InputError) -> Registry.Entry {
        func day(_ column: String, required: Bool) throws(InputError) -> String? {
            let value = row[column] ?? ""
            if value.isEmpty {
                if required { throw InputError(file: file, line: line, field: column, message: "missing date") }
                return nil
            }
            guard Self.isDay(value) else { throw InputError(file: file, line: line, field: column, message: "'\(value)' is not a date YYYY-MM-DD") }
            return value
        }
        let provider = row["provider"] ?? ""
        guard !provider.isEmpty else { throw InputError(file: file, line: line, field: "provider", message: "missing provider id") }
        let source = row["source"] ?? ""
        guard source.hasPrefix("https://") || source.hasPrefix("http://") else {
            throw InputError(file: file, line: line, field: "source", message: "'\(source)' is not an http(s) URL")
        }
        return Registry.Entry(
            providerID: provider, subject: row[subject] ?? "", since: try since.flatMap { column throws(InputError) in try day(column, required: false) },
            validUntil: try day("valid_until", required: false), source: source, asOf: try day("as_of", required: true)!, line: line)
    }

    static func isDay(_ value: String) -> Bool {
        let parts = value.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
