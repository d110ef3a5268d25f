internal import CLibXML2

/// The libxml2 the extractor runs with, for `--version` and bug reports.
public enum LibXML2Version {
    /// Dotted, as libxml2's releases are named ("2.9.14").
    public static var text: String {
        guard let number = Int(String(cString: sov_xml_runtime_version())) else { return "unknown" }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
