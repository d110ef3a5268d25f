import Foundation

/// A scorecard row as kept in the index, before its JSON is rebuilt: whole and gzipped, or as a token patch or a raw
/// deflate against its base (the platform's scorecard kept whole, gzipped). Unpacking is pure, so that a reader of a
/// whole run does it on every core.
struct PackedScorecard: Sendable {
    var runId: Int64
    var platformId: String
    var level: String
    var score: Int?
    /// The JSON kept as text (rows from before migration v9), empty otherwise.
    var json: String
    var gzip: Data?
    var patch: Data?
    var delta: Data?
    /// The gzipped base a patch or delta applies to.
    var base: Data?

    func unpacked() throws -> ScorecardRow {
        var text = json
        if let gzip {
            text = String(decoding: try Gzip.decompress(gzip), as: UTF8.self)
        } else if let base {
            let whole = try Gzip.decompress(base)
            if let patch {
                text = String(decoding: try JSONTokenPatch.apply(patch, to: whole), as: UTF8.self)
            } else if let delta {
                text = String(decoding: try DeltaDeflate.decompress(delta, against: whole), as: UTF8.self)
            }
        }
        return ScorecardRow(runId: runId, platformId: platformId, level: level, score: score, json: text)
    }
}
