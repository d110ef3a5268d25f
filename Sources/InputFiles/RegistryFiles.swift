import Foundation
import SovereigntyModel

/// Loads `Inputs/registries/hds.csv` and `secnumcloud.csv`.
public enum RegistryFiles {
    /// Both registries of a folder; a missing file leaves that registry unloaded.
    public static func load(directory: String) throws(InputError) -> Registries {
        let hds = "\(directory)/hds.csv"
        let secNumCloud = "\(directory)/secnumcloud.csv"
        return Registries(
            hds: FileManager.default.fileExists(atPath: hds)
                ? try parse(text: InputText.read(hds), file: hds, subject: "name", since: nil) : nil,
            secNumCloud: FileManager.default.fileExists(atPath: secNumCloud)
                ? try parse(text: InputText.read(secNumCloud), file: secNumCloud, subject: "offer", since: "qualified_since") : nil)
    }

    static func parse(text: String, file: String, subject: String, since: String?) throws(InputError) -> Registry {
        let table = try CSVTable(text: text, file: file, required: ["provider", subject, "valid_until", "source", "as_of"] + (since.map { [$0] } ?? []))
        var entries: [Registry.Entry] = []
        for (line, row) in table.rows {
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
            entries.append(
                Registry.Entry(
                    providerID: provider, subject: row[subject] ?? "", since: try since.flatMap { column throws(InputError) in try day(column, required: false) },
                    validUntil: try day("valid_until", required: false), source: source, asOf: try day("as_of", required: true)!, line: line))
        }
        return Registry(entries: entries)
    }

    static func isDay(_ value: String) -> Bool {
        let parts = value.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
