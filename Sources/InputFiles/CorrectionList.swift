import Foundation
import SovereigntyModel

/// Loads `corrections.yml`: accepted corrections, each tied to a platform of `platforms.yml` and to a source.
public enum CorrectionList {
    /// A missing file means no correction yet; an unreadable or invalid one is an error naming the line.
    public static func load(path: String, platformIDs: Set<String>) throws(InputError) -> [Correction] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try parse(text: InputText.read(path), file: path, platformIDs: platformIDs)
    }

    public static func parse(text: String, file: String, platformIDs: Set<String>) throws(InputError) -> [Correction] {
        let root = try YAMLReader.document(file: file, text: text)
        try root.requireMapping(allowedKeys: ["corrections"])
        var corrections: [Correction] = []
        var errors = InputErrorList()
        for item in try root.required("corrections").sequence() {
            let correction = errors.collect { () throws(InputError) -> Correction in
                try item.requireMapping(allowedKeys: ["platform", "date", "from", "summary", "source"])
                let platform = try item.required("platform").identifier()
                guard platformIDs.contains(platform) else {
                    throw item.fail("no platform '\(platform)' in the platforms file", field: "\(item.path).platform")
                }
                return Correction(
                    platformID: platform, date: try item.required("date").day(), from: try item.required("from").string(),
                    summary: try item.required("summary").string(), source: try item.required("source").webURL())
            }
            if let correction { corrections.append(correction) }
        }
        try errors.check()
        return corrections.sorted { ($0.platformID, $0.date) < ($1.platformID, $1.date) }
    }
}
