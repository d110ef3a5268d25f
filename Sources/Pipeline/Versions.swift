import Extractor
import Fetcher
import Scorecard

/// What `sovereignty --version` prints: the tool, the rubric it grades with, and the C libraries it runs on.
public enum Versions {
    public static let tool = "1.1.0"

    public static var text: String {
        "sovereignty \(tool)\nrubric \(Rubric.version)\n\(LibCurlVersion.text)\nlibxml2 \(LibXML2Version.text)"
    }
}
