import Foundation

/// A cheap first look at a sentence: its bytes in lower case without accents, searched with `memmem`.
///
/// Most sentences of a legal page say nothing about hosting; they are passed over before any regular
/// expression runs, which keeps the extraction close to the speed of the HTML parse itself.
struct TriggerText {
    private let bytes: [UInt8]

    init(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 32 : value))
            } else if let ascii = Self.latin[value] {
                bytes.append(ascii)
            } else {
                bytes.append(0xFF)
            }
        }
        self.bytes = bytes
    }

    /// One pass over the text; at each byte, only the words that start with it are compared.
    func contains(any needles: Needles) -> Bool {
        bytes.withUnsafeBufferPointer { haystack in
            let count = haystack.count
            for index in 0..<count {
                for candidate in needles.byFirstByte[Int(haystack[index])] {
                    let needle = needles.patterns[candidate]
                    guard index + needle.count <= count else { continue }
                    var offset = 1
                    while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
            }
            return false
        }
    }

    /// A group of words searched together.
    struct Needles: Sendable {
        let patterns: [[UInt8]]
        /// Indexes of the patterns by their first byte.
        let byFirstByte: [[Int]]

        init(_ words: [String]) {
            patterns = words.map { Array($0.utf8) }.filter { !$0.isEmpty }
            var table = [[Int]](repeating: [], count: 256)
            for (index, pattern) in patterns.enumerated() { table[Int(pattern[0])].append(index) }
            byFirstByte = table
        }
    }

    private static let latin: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        let groups: [(String, Character)] = [
            ("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"), ("òóôõöÒÓÔÕÖ", "o"),
            ("ùúûüÙÚÛÜ", "u"), ("ýÿÝ", "y"), ("’‘", "'"), ("\u{2010}\u{2011}\u{2013}\u{2014}", "-"),
        ]
        for (letters, ascii) in groups {
            for letter in letters.unicodeScalars { table[letter.value] = ascii.asciiValue! }
        }
        return table
    }()
}

/// The words that make a sentence worth reading closely, by kind of finding.
enum Triggers {
    static let hosting = TriggerText.Needles([
        "heberg", "host", "conserv", "stock", "archiv", "sauvegard", "stored", "envoy", "envoi", "expedi", "achemin",
        "transmis", "delivr", "diffus", "sent ", "sending", "infrastructure",
    ])
    static let certification = TriggerText.Needles([
        "hds", "hads", "certifi", "agre", "1111-8", "2018-137", "health data", "secnum", "sec num",
    ])
    static let encryption = TriggerText.Needles([
        "bout", "end-to-end", "end to end", "e2ee", "cote client", "client-side", "client side", "zero", "connaissance",
        "cle", "keys", "decrypt", "dechiffr",
    ])
    static let exposure = TriggerText.Needles([
        "cloud act", "fisa", "702", "12333", "mere", "americ", "etats-unis", "us auth", "us gov", "us law", "extraterritorial",
    ])
    static let locationContext = TriggerText.Needles([
        "heberg", "stock", "localis", "serveur", "data", "donnees", "conserv", "transf", "hosted", "stored", "located",
        "server", "region", "residen",
    ])
    static let place = TriggerText.Needles([
        "france", "europ", "ue", "eee", "eu", "eea", "etats", "united", "usa", "hors", "dehors", "outside", "pays",
        "third", "region", "parisien", "francilien", "allemagne", "belgique", "irlande", "espagne", "italie", "suede",
        "luxembourg", "germany", "belgium", "ireland", "netherlands", "spain", "italy", "sweden", "finland", "poland",
        "austria", "denmark", "portugal", "finlande", "pologne", "autriche", "danemark",
    ])
    static let cityIntroduction = TriggerText.Needles([" a ", " in "])
    static let city = TriggerText.Needles(Patterns.frenchCities.flatMap { [" a \($0)", " in \($0)"] })
}
