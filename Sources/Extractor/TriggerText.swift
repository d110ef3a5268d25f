/// The kinds of finding a piece of text may hold, from its trigger words.
struct TriggerSet: OptionSet, Sendable {
    let rawValue: UInt16
    static let hosting = TriggerSet(rawValue: 1 << 0)
    static let messaging = TriggerSet(rawValue: 1 << 1)
    static let certification = TriggerSet(rawValue: 1 << 2)
    static let encryption = TriggerSet(rawValue: 1 << 3)
    static let exposure = TriggerSet(rawValue: 1 << 4)
    static let locationContext = TriggerSet(rawValue: 1 << 5)
    static let place = TriggerSet(rawValue: 1 << 6)
    /// Words of hosting headings and labels.
    static let heading = TriggerSet(rawValue: 1 << 7)
    /// Words of each role, so that only the role patterns that can match are run.
    static let roleWebsite = TriggerSet(rawValue: 1 << 8)
    static let roleData = TriggerSet(rawValue: 1 << 9)
    static let roleApplication = TriggerSet(rawValue: 1 << 10)
    static let roleBackup = TriggerSet(rawValue: 1 << 11)
    static let roleKeys = TriggerSet(rawValue: 1 << 12)
    static let roleCDN = TriggerSet(rawValue: 1 << 13)
    static let roleMessaging = TriggerSet(rawValue: 1 << 14)
    /// Words of legal pages: a page without any is not the document (maintenance, login, error page).
    static let legal = TriggerSet(rawValue: 1 << 15)
    static let role: TriggerSet = [.roleWebsite, .roleData, .roleApplication, .roleBackup, .roleKeys, .roleCDN, .roleMessaging]

    /// The kinds that can give a finding by themselves.
    static let findings: TriggerSet = [.hosting, .messaging, .certification, .encryption, .exposure]

    /// A location needs both a data word and a place.
    var wantsLocation: Bool { contains(.locationContext) && contains(.place) }
    var isEmpty: Bool { rawValue == 0 }
}

/// A cheap first look at text, before any regular expression: one pass of an Aho–Corasick automaton over its
/// UTF-8 bytes, lower-cased, accents removed and punctuation read as spaces (so " ue " finds the word).
///
/// Most sentences of a legal page say nothing about hosting; they are passed over at close to memory speed.
enum Triggers {
    static func scan(_ text: String) -> TriggerSet {
        automaton.scan(text)
    }

    private static func combine(_ stems: [String], _ endings: [String], _ followers: [String]) -> [String] {
        stems.flatMap { stem in endings.flatMap { ending in followers.map { "\(stem)\(ending) \($0)" } } }
    }

    static let words: [(TriggerSet, [String])] = [
        (.hosting, ["heberg", "host", "stored by", "stored with", "stored at", "stored in"]
            + combine(["conserv", "stock", "archiv", "sauvegard"], ["e", "ee", "es", "ees"], ["par", "chez", "dans", "aupres", "sur", "au sein"])),
        (.messaging, combine(
            ["envoy", "expedi", "achemin", "archiv", "delivr", "diffus"], ["e", "ee", "es", "ees"],
            ["par", "au moyen", "via", "grace", "depuis", "avec"])
            + ["transmis par", "transmises par", "transmis via", "envoi des", "envoi de", "sent by", "sent through", "sent via",
               "sent using", "delivered by", "delivered through", "delivered via", "sending"]),
        (.certification, [
            " hds", " hads", "certifi", " agre", "1111-8", "2018-137", "health data", "secnum", "sec num", "plateforme agree",
            "plate-forme agree",
        ]),
        (.encryption, [
            "bout en bout", "bout-en-bout", "end-to-end", "end to end", "e2ee", "cote client", "client-side", "client side",
            "zero-knowledge", "zero knowledge", "zero-access", "zero access", "connaissance nulle", "connaissance zero", " cles",
            " cle ", "keys", "decrypt", "dechiffr",
        ]),
        (.exposure, [
            "cloud act", "fisa", " 702", "12333", "societe mere", "maison mere", "americ", "etats-unis", " us auth", " us gov",
            " us law", "extraterritorial",
        ]),
        (.locationContext, [
            "heberg", "stock", "localis", "serveur", " data", "donnees", "conserv", "transf", "hosted", "stored", "located",
            "server", "region", "residen",
        ]),
        (.place, [
            "france", "europ", " ue ", " eee ", " eu ", " eea ", "etats", "united", " usa ", "hors ", "dehors", "outside",
            "pays tiers", "third", "region", "parisien", "francilien", "allemagne", "belgique", "irlande", "espagne", "italie",
            "suede", "luxembourg", "germany", "belgium", "ireland", "netherlands", "pays-bas", "spain", "italy", "sweden",
            "finland", "poland", "austria", "denmark", "portugal", "finlande", "pologne", "autriche", "danemark",
        ] + Patterns.frenchCities.flatMap { [" a \($0)", " in \($0)"] }),
    ]

    static let headingWords: [(TriggerSet, [String])] = [
        (.heading, ["heberg", "host", "infrastructure", "stockage", "storage", "prestataire", "technical"]),
        (.roleWebsite, [
            " site", "website", "portail", "pages web", "page web", "front", "nom de domaine", "centre d'aide",
            "foire aux questions", " faq", "help cent", " blog",
        ]),
        (.roleData, [
            "donnees", " data", "dossier", "photo", "journaux", "questionnaire", "releve", "mesure", "examen", "comptes rendus",
            "compte", "ordonnance", "resultat", "record", "sante", "health", "medica", "patient", "personal",
        ]),
        (.roleApplication, [
            "applicati", "plateforme", "plate-forme", "logiciel", " app", " api", "service en ligne", "back-end", "backend",
            "back end", "software",
        ]),
        (.roleBackup, ["sauvegard", "backup", "copie", "reprise"]),
        (.roleKeys, [" cle", "chiffrement", "dechiffrement", "encryption key", " keys", " kms", " hsm"]),
        (.roleCDN, [" cdn", "diffusion de contenu", "content delivery", "mise en cache", "reseau de distribution", "proxy", "ddos"]),
        (.roleMessaging, ["messag", "courriel", "mail", " sms"]),
        (.legal, [
            "mentions legales", "heberg", "donnees personnelles", "conditions generales", " rcs ", "siege social", "editeur",
            "directeur de la publication", "legal notice", "privacy", "terms of", "au capital", "responsable du traitement",
            "protection des donnees", " cgu", "cookies", "personal data", "hosting",
        ]),
    ]

    private static let automaton = TriggerAutomaton(words + headingWords)
}

/// Aho–Corasick over a small alphabet (letters, digits, space, "-", "'", other), with the trigger kinds as outputs.
struct TriggerAutomaton: Sendable {
    private static let classCount = 40
    private let transitions: [Int32]
    private let outputs: [UInt16]

    /// Alphabet class of a folded byte: a–z 1…26, 0–9 27…36, "-" 37, "'" 38, space 0, anything else 39.
    @inline(__always)
    private static func classOf(_ byte: UInt8) -> Int {
        switch byte {
        case 0x61...0x7A: Int(byte - 0x61) + 1
        case 0x30...0x39: Int(byte - 0x30) + 27
        case 0x2D: 37
        case 0x27: 38
        case 0x20: 0
        default: 39
        }
    }

    init(_ groups: [(TriggerSet, [String])]) {
        var goto: [[Int32]] = [[Int32](repeating: -1, count: Self.classCount)]
        var output: [UInt16] = [0]
        for (kind, words) in groups {
            for word in words {
                var state = 0
                for byte in word.utf8 {
                    let symbol = Self.classOf(byte)
                    if goto[state][symbol] < 0 {
                        goto[state][symbol] = Int32(goto.count)
                        goto.append([Int32](repeating: -1, count: Self.classCount))
                        output.append(0)
                    }
                    state = Int(goto[state][symbol])
                }
                output[state] |= kind.rawValue
            }
        }
        // Breadth-first: failure links, completed into a dense transition table.
        var failure = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for symbol in 0..<Self.classCount {
            if goto[0][symbol] < 0 { goto[0][symbol] = 0 } else { queue.append(Int(goto[0][symbol])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            output[state] |= output[failure[state]]
            for symbol in 0..<Self.classCount {
                let next = goto[state][symbol]
                if next < 0 {
                    goto[state][symbol] = goto[failure[state]][symbol]
                } else {
                    failure[Int(next)] = Int(goto[failure[state]][symbol])
                    queue.append(Int(next))
                }
            }
        }
        transitions = goto.flatMap { $0 }
        outputs = output
    }

    func scan(_ text: String) -> TriggerSet {
        var state = 0
        var found: UInt16 = 0
        transitions.withUnsafeBufferPointer { table in
            outputs.withUnsafeBufferPointer { outputs in
                @inline(__always) func step(_ byte: UInt8) {
                    state = Int(table[state &* Self.classCount &+ Self.classOf(byte)])
                    found |= outputs[state]
                }
                step(0x20)
                var iterator = text.utf8.makeIterator()
                while let byte = iterator.next() {
                    switch byte {
                    case 0x41...0x5A: step(byte + 32)
                    case 0x61...0x7A, 0x30...0x39, 0x2D, 0x27: step(byte)
                    case 0x00..<0x80: step(0x20)
                    case 0xC3:
                        if let next = iterator.next() { step(Self.latin1[Int(next & 0x3F)]) }
                    case 0xE2:
                        let second = iterator.next()
                        let third = iterator.next()
                        if second == 0x80, let third {
                            step(third == 0x98 || third == 0x99 ? 0x27 : third == 0x93 || third == 0x94 ? 0x2D : 0xFF)
                        } else {
                            step(0xFF)
                        }
                    default: step(0xFF)
                    }
                }
                step(0x20)
            }
        }
        return TriggerSet(rawValue: found)
    }

    /// U+00C0–U+00FF folded to ASCII, indexed by the second UTF-8 byte's low six bits (C3 80 … C3 BF).
    private static let latin1: [UInt8] = Array("aaaaaaaceeeeiiii" + "dnooooo ouuuuy  " + "aaaaaaaceeeeiiii" + "dnooooo ouuuuy y").map {
        $0.asciiValue!
    }
}
