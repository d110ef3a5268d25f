import Foundation

/// International domain names in their ASCII form (IDNA): `https://pharmacie-café.fr/` → `https://xn--pharmacie-caf-lgb.fr/`.
///
/// libcurl converts such names only when the process runs in a UTF-8 locale (a cron job in the C locale gets
/// "URL using bad/illegal format"), so the inputs are converted once, here, and every later step sees the ASCII form.
/// The mapping is UTS 46's in its common part: compatibility forms composed (NFKC), lower case, the ideographic
/// full stops read as dots; a label may hold letters, marks, digits and inner hyphens. Pure.
public enum InternationalHost {
    /// Why a host name cannot be written in ASCII.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The URL with its host in ASCII; the URL unchanged when its host already is. Only the host is touched.
    public static func asciiURL(_ url: String) throws(Problem) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex(where: { "/?#".contains($0) }) ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        var hostEnd = authority.endIndex
        if let colon = authority[hostStart...].lastIndex(of: ":"), !authority[hostStart...].hasPrefix("["),
            authority[authority.index(after: colon)...].allSatisfy(\.isASCII)
        {
            hostEnd = colon
        }
        let host = String(authority[hostStart..<hostEnd])
        guard !host.allSatisfy(\.isASCII) else { return url }
        return String(url[..<hostStart]) + (try ascii(host)) + String(url[hostEnd...])
    }

    /// A host name in ASCII, each label holding anything but ASCII written `xn--` and its Punycode.
    public static func ascii(_ host: String) throws(Problem) -> String {
        let mapped = host.precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: "\u{3002}", with: ".").replacingOccurrences(of: "\u{FF0E}", with: ".")
            .replacingOccurrences(of: "\u{FF61}", with: ".")
        let labels = mapped.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var written: [String] = []
        for (index, label) in labels.enumerated() {
            if label.isEmpty {
                // A final dot (an absolute name) is allowed; an empty label elsewhere is not.
                guard index == labels.count - 1, index > 0 else { throw Problem(description: "the host name '\(host)' has an empty label") }
                written.append("")
                continue
            }
            if label.unicodeScalars.allSatisfy(\.isASCII) {
                written.append(label)
                continue
            }
            if let bad = label.unicodeScalars.first(where: { !isAllowed($0) }) {
                throw Problem(description: "the host name '\(host)' holds '\(bad)' (U+\(String(bad.value, radix: 16, uppercase: true))), which no domain name may hold")
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                throw Problem(description: "the label '\(label)' of the host name '\(host)' starts or ends with a hyphen")
            }
            if let first = label.unicodeScalars.first, first.properties.generalCategory.isMark {
                throw Problem(description: "the label '\(label)' of the host name '\(host)' starts with a combining mark")
            }
            guard let code = Punycode.encode(label), code.count + 4 <= 63 else {
                throw Problem(description: "the label '\(label)' of the host name '\(host)' is longer than DNS allows (63 characters in ASCII)")
            }
            written.append("xn--" + code)
        }
        let result = written.joined(separator: ".")
        guard result.count <= 253 else { throw Problem(description: "the host name '\(host)' is longer than DNS allows (253 characters in ASCII)") }
        return result
    }

    /// Letters, combining marks, decimal digits and the hyphen: what a label outside ASCII may hold.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == "-" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
