import Foundation
import SovereigntyModel

/// Reads a document block by block and tracks its context: the headings above a block, a label standing alone, a
/// list introduced by a hosting sentence, the hosts each block and section named (so that "it is certified HDS" can
/// point back to the host it speaks of). What a sentence or table row says is the rules' to find (`FindingReader`).
struct DocumentAnalysis {
    let matcher: ProviderMatcher
    let url: String
    let fetchedAt: String

    /// The rules, and what they found so far.
    private var reader: FindingReader
    private var textLength = 0
    private var hasLegalText = false
    /// Words of a maintenance, error, login or consent page, wherever they stand (headings and passed-over blocks too).
    private var placeholder: TriggerSet = []
    /// Hosts named under each section (keyed by the heading path).
    private var sectionHosts: [String: [String]] = [:]
    /// A hosting sentence ending with ":" ("hébergé par les prestataires suivants :") reaches into the list below it.
    private var listIntroduction: Label?
    /// The hosting or messaging sentence the paragraph just read left unfinished ("…, Exemple fait").
    private var continuation: Label?
    /// The introduction the block just read made, if it made one.
    private var justIntroduced: Label?
    /// A label standing alone ("Hébergeur :", "Hosting"): its value is in the blocks after it, as long as they name one.
    private var pendingLabel: (label: Label, blocksLeft: Int)?
    /// The one host a "label : value" block named ("Stockage : Exemple Cloud SAS"): the list right after it details that
    /// host, and the roles an item names without naming another host are that host's too ("copie de sauvegarde à …").
    private var detailedHost: HostFinding?
    /// An HDS sentence introducing a list ("répartis entre deux hébergeurs certifiés :"): the hosts the list names are its subject.
    private var pendingHDS: Int?
    /// The headings of the blocks being read and what they say; the section's key is made when first needed.
    private var currentSection: (headings: [String], key: String?, context: HeadingContext) = ([], nil, HeadingContext([HeadingFacts]()))
    /// What each heading of the document says, read when first met.
    private var headingFacts: [String: HeadingFacts] = [:]
    /// The column headers of the last table row read, and the table they make.
    private var lastTable: (columns: [String], table: SubprocessorTable?) = ([], nil)
    /// The same for a hosting-chain disclosure table (HDS 2024), which is read first.
    private var lastDisclosure: (columns: [String], table: DisclosureTable?) = ([], nil)
    /// All the text read, block by block, to find the address of a host named without one.
    private var texts: [String] = []
    /// The document's budget, looked at line by line so that one long block cannot outrun it.
    var meter: DocumentBudget.Meter?
    /// The budget ran out in the middle of a block: the findings are incomplete.
    private(set) var outOfTime = false

    init(matcher: ProviderMatcher, url: String, fetchedAt: String) {
        self.matcher = matcher
        self.url = url
        self.fetchedAt = fetchedAt
        reader = FindingReader(matcher: matcher, url: url, fetchedAt: fetchedAt)
    }

    var findings: DocumentFindings {
        var lookups = 0
        var hosts = reader.hosts
        if !reader.ownInfrastructure.isEmpty, let name = OperatorName.read(in: texts) {
            hosts += reader.ownInfrastructure.map { HostFinding(providerID: nil, asWritten: name, roles: $0.roles, evidence: [$0.evidence]) }
        }
        let located = HostFinding.merge(hosts).map { host in
            guard host.providerID == nil else { return host }
            var host = host
            // Read in the host's own quotes, so that the report's evidence shows the parent it names.
            if host.evidence.contains(where: { Self.namesUSParent(after: host.asWritten, in: $0.quote) }) { host.parentCountry = "US" }
            guard host.country == nil, lookups < Self.maximumAddressLookups else { return host }
            lookups += 1
            for text in texts where UTF8Bytes.mayFind(host.asWritten, in: text) {
                guard let range = text.range(of: host.asWritten) else { continue }
                host.country = CompanyName.address(String(text[range.upperBound...].prefix(200))).flatMap { CountryNames.country(in: $0) }
                if host.country != nil { break }
            }
            return host
        }
        var findings = DocumentFindings(
            hosts: located, hds: reader.hds, secNumCloud: reader.secNumCloud, zeroKnowledge: reader.zeroKnowledge,
            dataLocations: reader.locations, exposureDisclosures: reader.exposure, textLength: textLength)
        findings.hasLegalText = hasLegalText
        let kinds: [(TriggerSet, PlaceholderKind)] = [(.maintenancePage, .maintenance), (.errorPage, .error), (.loginPage, .login), (.consentPage, .consent)]
        findings.placeholderWords = kinds.filter { placeholder.contains($0.0) }.map(\.1)
        return findings
    }

    /// "X SAS, …, filiale française d'un groupe américain": the sentence names a US parent group after the name.
    static func namesUSParent(after name: String, in quote: String) -> Bool {
        guard UTF8Bytes.mayFind(name, in: quote), let range = quote.range(of: name) else { return false }
        let after = quote[range.upperBound...]
        let sentence = after.range(of: ". ").map { after[..<$0.lowerBound] } ?? after
        return Rules.usParentGroup.matches(in: Folded(String(sentence)))
    }

    mutating func read(_ block: TextBlock) {
        // Consecutive blocks mostly share their headings: work the section out again only when they change.
        if block.headings != currentSection.headings {
            let facts = block.headings.map { heading in
                if let known = headingFacts[heading] { return known }
                let facts = HeadingFacts(heading)
                headingFacts[heading] = facts
                return facts
            }
            currentSection = (block.headings, nil, HeadingContext(facts))
        }
        let headingContext = currentSection.context
        // Only the block right after an introduction may carry it on ("Ces prestataires étant établis hors de l'UE :").
        let introducedJustBefore = justIntroduced
        justIntroduced = nil
        placeholder.formUnion(block.triggers.intersection(.placeholder))
        if !block.isHeading {
            textLength += block.length
            if !block.isElided { texts.append(block.text) }
        } else {
            pendingLabel = nil
        }
        if !block.isListItem { detailedHost = nil }
        // A label's value is a name and an address: a long paragraph is something else.
        // A sentence cut at the end of the paragraph before goes on only in a paragraph that starts in lower case.
        let continued = continuation.flatMap { block.text.unicodeScalars.first.map(CharacterSet.lowercaseLetters.contains) == true ? $0 : nil }
        continuation = nil
        let carried = block.isListItem || block.isHeading || block.length > 300 ? nil : pendingLabel?.label ?? continued
        if !block.columns.isEmpty, let table = disclosureTable(block.columns) {
            addSectionHosts(reader.readDisclosure(block, table: table))
            return
        }
        if !block.columns.isEmpty, let table = subprocessorTable(block.columns) {
            addSectionHosts(reader.readRow(block, table: table))
            return
        }
        // Most blocks say nothing of hosting: one look at the whole block passes them over.
        let inContext = headingContext.isHosting || block.isListItem || block.isTerm || block.text.utf8.last == UInt8(ascii: ":")
            || carried != nil
        if block.triggers.contains(.legal) { hasLegalText = true }
        if !inContext && pendingHDS == nil && !TextBlock.mayHoldFindings(block.triggers) {
            listIntroduction = nil
            return
        }
        // A label standing alone is a short line: longer blocks are not looked at (trimming them costs).
        if block.length <= 120, !block.isListItem, !block.isHeading, let standing = Label(standingAlone: block.text) {
            pendingLabel = (standing, 4)
            return
        }
        // Nor does a list item (a menu entry, mostly) with no such word, no label and nothing above it that it continues.
        if block.isListItem && listIntroduction == nil && pendingHDS == nil && !headingContext.isHosting
            && !TextBlock.mayHoldFindings(block.triggers) && !UTF8Bytes.contains(block.text, ":")
        {
            return
        }
        var blockHosts: [String] = []
        let hdsBefore = reader.hds.count
        let hostsBefore = reader.hosts.count
        var namedByLineLabel = false
        var blockLineLabel: Label?
        var label: Label? = block.isListItem ? listIntroduction : carried
        // An introduction reaches the paragraphs right after it only when no list follows it.
        if block.isListItem, pendingLabel?.label.fromIntroduction == true { pendingLabel = nil }
        if !block.isListItem {
            listIntroduction = nil
            pendingHDS = nil
        }
        if block.isTerm {
            listIntroduction = Label(term: block.text) ?? listIntroduction.flatMap { $0.fromIntroduction ? $0 : nil }
            return
        }

        // A line naming the editor or the site's maker ("Ce site a été créé par :") opens the part of the block about
        // them: the companies after it, under a hosting heading, are not hosts.
        var aboutOtherParty = false
        let lines = Self.lines(of: block.text)
        // The block stands under a legal notice's host block written as a label ("Hébergement", then a line break):
        // on a line of the block, or as the block before. (A heading opens a section about hosting, not always the
        // notice's host block: what its sentences say stands.)
        var inHostBlock = carried?.rule == Rules.hostBlockLabel.name
        // A block headed by a title line of its own ("AIRSHIP", then the paragraph about it) is a section of its own: a
        // cookie heading above it no longer speaks for it.
        let ownTitle = headingContext.isCookies && lines.count > 1 && Self.isTitleLine(lines[0])
        /// The line before stood alone as a host block's label ("Hébergement", then a line break).
        var afterStandingLabel = false
        for (lineIndex, line) in lines.enumerated() {
            if let meter, meter.remaining < 0 {
                outOfTime = true
                return
            }
            // The name a label gives: after its colon, or, under a label standing alone, at the head of the block
            // (or of the line after a label standing alone on its line).
            var valueStart: Int? =
                (carried != nil && lineIndex == 0 && Self.namesCompany(block.text)) || (afterStandingLabel && Self.namesCompany(String(line))) ? 0 : nil
            let lineLabel = Label(line: line) ?? (lineIndex + 1 < lines.count ? Self.standingLabel(line) : nil)
            afterStandingLabel = lineLabel != nil && lineLabel?.valueStart == nil
            if let lineLabel { blockLineLabel = lineLabel }
            if let lineLabel { inHostBlock = lineLabel.rule == Rules.hostBlockLabel.name }
            if let lineLabel {
                label = lineLabel
                valueStart = lineLabel.valueStart
                aboutOtherParty = false
            } else if headingContext.isHosting || label != nil {
                let folded = Folded(String(line))
                if Rules.hostingSentence.matches(in: folded) {
                    aboutOtherParty = false
                } else if Rules.siteMaker.matches(in: folded) || Rules.editor.matches(in: folded) {
                    aboutOtherParty = true
                }
            }
            defer {
                // "…hébergé avec les prestataires suivants :" introduces the lines after it (a label keeps its roles);
                // so does "Le site est hébergé par", its host on the next line.
                if lineLabel == nil, line.hasSuffix(":") || Self.endsIntroducingHost(line) {
                    let folded = Folded(String(line))
                    if Rules.hostingSentence.matches(in: folded) { label = Label(hosting: RoleWords.roles(in: folded), sentence: folded) }
                }
            }
            let ranges = SentenceSplitter.sentenceRanges(in: line).flatMap {
                SentenceSplitter.pieces(of: $0, in: line, maximumLength: Self.maximumSentenceLength)
            }
            for (sentenceIndex, range) in ranges.enumerated() {
                // Most sentences name nothing the rules read: their words are looked at in place, no string made.
                let trigger = Triggers.scan(line[range])
                let inContext = !aboutOtherParty && (headingContext.isHosting || label != nil)
                let wantsHosts = inContext || !trigger.isDisjoint(with: [.hosting, .messaging])
                let wantsCertification = trigger.contains(.certification)
                let wantsEncryption = trigger.contains(.encryption)
                // An item listed under "vos données sont hébergées chez les prestataires suivants :" says where that
                // provider keeps them: its place needs no words of keeping of its own.
                let listedUnderHosting = !aboutOtherParty && label?.fromIntroduction == true && label?.isHosting == true
                let wantsLocation = trigger.wantsLocation || (listedUnderHosting && trigger.contains(.place))
                let wantsExposure = !trigger.isDisjoint(with: .anyExposure)
                guard wantsHosts || wantsCertification || wantsEncryption || wantsLocation || wantsExposure else { continue }
                let text = Folded(String(line[range]))
                let context = SentenceContext(
                    facts: SentenceFacts(text, triggers: trigger, matcher: matcher), section: block.section,
                    headingIsHosting: !aboutOtherParty && (headingContext.isHosting || (label?.isHosting ?? false)),
                    contextRoles: label?.roles.isEmpty == false || label?.knownProvidersOnly == true ? label!.roles : headingContext.roles,
                    fromIntroduction: label?.fromIntroduction ?? false, knownProvidersOnly: label?.knownProvidersOnly ?? false,
                    namesProviders: label?.namesProviders ?? false,
                    valueStart: sentenceIndex == 0 ? valueStart : nil,
                    following: block.text[range.lowerBound...], contextRule: label?.rule ?? Rules.hostingHeading.name,
                    inCookieSection: headingContext.isCookies && !ownTitle, underHostBlockHeading: !aboutOtherParty && headingContext.isHostBlock,
                    listedUnderHosting: listedUnderHosting)
                let named = wantsHosts ? reader.readHosts(context, block: block) : []
                if lineLabel != nil, !named.isEmpty { namedByLineLabel = true }
                if block.isListItem, let pending = pendingHDS, !named.isEmpty {
                    reader.hds[pending].providerIDs += named.compactMap { $0.hasPrefix("provider:") ? String($0.dropFirst(9)) : nil }
                    reader.hds[pending].namesHost = true
                }
                Self.add(named, to: &blockHosts)
                addSectionHosts(named)
                let nearby = blockHosts.isEmpty && headingContext.isHosting ? sectionHosts[sectionKey()] ?? [] : blockHosts
                if wantsCertification { reader.readCertifications(context, named: named, nearby: nearby) }
                if wantsEncryption { reader.readEncryption(context) }
                if wantsLocation { reader.readLocations(context) }
                if wantsExposure { reader.readExposure(context) }
            }
        }
        if inHostBlock, !aboutOtherParty { reader.presumeSiteHost(from: hostsBefore) }
        if block.isListItem, blockHosts.isEmpty, let host = detailedHost {
            reader.readDetails(of: host, block: block)
        } else if !block.isListItem, namedByLineLabel, blockHosts.count == 1, Self.lines(of: block.text).count == 1 {
            detailedHost = reader.hosts[hostsBefore...].last
        }
        if carried != nil, var pending = pendingLabel {
            // A label's value runs over a few blocks (name, then address); a block that names nothing ends it.
            pending.blocksLeft -= 1
            pendingLabel = blockHosts.isEmpty || pending.blocksLeft == 0 ? nil : pending
        }
        if !block.isListItem, let (label, isLineLabel) = Self.continuedLabel(block.text, label: blockLineLabel) {
            // "Hébergement : Afin de respecter … les" / "Données de santé, X a recours à Amazon Web Services": a
            // paragraph cut in the middle of a sentence (a page made of a PDF's lines) goes on in the next one.
            if isLineLabel { pendingLabel = (label, 1) } else { continuation = label }
        }
        if !block.isListItem, block.text.hasSuffix(":") {
            let sentences = SentenceSplitter.sentences(in: block.text)
            if let introduction = Self.introduction(sentences.map(Folded.init), before: introducedJustBefore) {
                listIntroduction = introduction
                justIntroduced = introduction
                // The names may follow as paragraphs rather than list items ("CARIAD SE", its address, the next one).
                pendingLabel = (introduction, 6)
            }
            if reader.hds.count > hdsBefore, let last = reader.hds.indices.last, !reader.hds[last].namesHost { pendingHDS = last }
        }
    }

    /// A short line with no sentence in it and no word of cookies or trackers: the title of the paragraph under it.
    static func isTitleLine(_ line: Substring) -> Bool {
        guard line.utf8.count <= 60, !line.contains(where: { ".:;!?".contains($0) }) else { return false }
        let triggers = Triggers.scan(line)
        return !(triggers.contains(.distractorWords) && Rules.distractor.matches(in: Folded(String(line))))
    }

    /// A host block's label on a line of its own inside a block ("Hébergement", then a line break and the sentence or
    /// the name): a short line with a hosting word, read as `Label(standingAlone:)` reads a block.
    static func standingLabel(_ line: Substring) -> Label? {
        guard line.utf8.count <= 80, Triggers.scan(line).contains(.hosting) else { return nil }
        return Label(standingAlone: String(line))
    }

    /// "Le site est hébergé par", "Hosted by": a line that ends where the host's name should be, the name on the next line.
    static func endsIntroducingHost(_ line: Substring) -> Bool {
        guard let last = line.utf8.last, last != UInt8(ascii: "."), line.utf8.count <= 120 else { return false }
        let folded = Folded(UTF8Bytes.trimmingWhitespace(String(line)))
        guard let range = Rules.hostIntroduction.firstRange(in: folded) else { return false }
        return range.location + range.length == folded.length
    }

    /// The hosting context a paragraph cut in the middle of a sentence hands to the next one: its label ("Hébergement :
    /// Afin de respecter …"), else its unfinished sentence when that is about hosting or messages ("Pour l'envoi des
    /// notifications push, Exemple fait").
    /// The flag says whether it is a label's, which goes on whatever the next paragraph starts with.
    static func continuedLabel(_ text: String, label: Label?) -> (Label, Bool)? {
        // ASCII letters are the only ASCII scalars of `CharacterSet.letters`, whose look-up is slow on Linux.
        guard let last = text.unicodeScalars.last,
            (last.isASCII ? last.properties.isAlphabetic : CharacterSet.letters.contains(last)) || last == "," || last == "'" || last == "’",
            let sentence = SentenceSplitter.sentences(in: text).last
        else { return nil }
        if let label, label.isHosting { return (label, true) }
        let folded = Folded(sentence)
        if Rules.hostingSentence.matches(in: folded) { return (Label(hosting: RoleWords.roles(in: folded)), false) }
        guard Rules.messagingService.matches(in: folded) else { return nil }
        let roles = RoleWords.roles(in: folded)
        return roles.contains(.messaging) ? (Label(hosting: roles), false) : nil
    }

    /// The hosting introduction a block ending with ":" makes: its last sentence about hosting ("…hébergé par les
    /// prestataires suivants :"), or a last sentence that only announces the list ("nous avons recours aux
    /// prestataires suivants :") after a hosting sentence, earlier in the block or introducing the block right before.
    static func introduction(_ sentences: [Folded], before: Label?) -> Label? {
        guard let last = sentences.last else { return nil }
        if Rules.hostingSentence.matches(in: last) { return Label(hosting: RoleWords.roles(in: last), sentence: last) }
        guard sentences.contains(where: { Rules.listAnnouncement.matches(in: $0) }) else { return nil }
        if let earlier = sentences.dropLast().last(where: { Rules.hostingSentence.matches(in: $0) }) {
            var label = Label(hosting: RoleWords.roles(in: earlier), sentence: earlier)
            label.namesProviders = label.namesProviders || Rules.providerWords.matches(in: last)
            return label
        }
        return before.flatMap { $0.fromIntroduction ? $0 : nil }
    }

    /// A block that reads as a company's identity: a legal form, or registration details ("RCS", "capital").
    static func namesCompany(_ text: String) -> Bool {
        let folded = Folded(text)
        return !CompanyName.withLegalForm(in: folded).isEmpty || Rules.companyDetails.matches(in: folded)
    }

    /// The rows of a table share its column headers: they are read once per table.
    private mutating func subprocessorTable(_ columns: [String]) -> SubprocessorTable? {
        if columns != lastTable.columns { lastTable = (columns, SubprocessorTable(columns: columns)) }
        return lastTable.table
    }

    private mutating func disclosureTable(_ columns: [String]) -> DisclosureTable? {
        if columns != lastDisclosure.columns { lastDisclosure = (columns, DisclosureTable(columns: columns)) }
        return lastDisclosure.table
    }

    /// The key of the section being read: its heading path.
    private mutating func sectionKey() -> String {
        if let key = currentSection.key { return key }
        let key = currentSection.headings.joined(separator: "\u{1F}")
        currentSection.key = key
        return key
    }

    private mutating func addSectionHosts(_ named: [String]) {
        guard !named.isEmpty else { return }
        Self.add(named, to: &sectionHosts[sectionKey(), default: []])
    }

    /// Adds host keys not yet in a list of nearby hosts, up to `maximumNearbyHosts`: a later sentence reads the
    /// whole list, so it must not grow with every mention of a block that names one host thousands of times.
    private static func add(_ named: [String], to hosts: inout [String]) {
        for key in named where hosts.count < maximumNearbyHosts && !hosts.contains(key) { hosts.append(key) }
    }

    // MARK: Bounds
    //
    // A page can be built so that rules which look around each mention, or back at what came before, would work for
    // minutes: one "sentence" of thousands of provider names, thousands of company names in one section. These bounds
    // keep the work linear in the page; real legal pages stay far inside them.

    /// UTF-8 bytes of text the rules read at once: longer sentences are cut (`SentenceSplitter.pieces`).
    static let maximumSentenceLength = 2_000
    /// Mentions of one provider, and company names, read in one sentence: the others say nothing new.
    static let maximumMentionsPerHost = 4
    static let maximumNamesPerSentence = 16
    /// Distinct hosts a block or section remembers as nearby, for a later sentence that speaks of "it".
    static let maximumNearbyHosts = 64
    /// Hosts named without an address that are looked for again across the whole text, to find one.
    static let maximumAddressLookups = 16
    /// Characters after a company name read for its address.
    static let addressWindow = 400

    /// The "\n"-separated lines of a block, split on bytes.
    private static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        // Most blocks are one line: memchr finds that at once.
        let ends: [Int]? = utf8.withContiguousStorageIfAvailable { bytes -> [Int] in
            guard let base = bytes.baseAddress else { return [] }
            var ends: [Int] = []
            var from = 0
            while from < bytes.count, let found = memchr(base + from, 0x0A, bytes.count - from) {
                let offset = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                ends.append(offset)
                from = offset + 1
            }
            return ends
        }
        var lines: [Substring] = []
        var start = text.startIndex
        let newlines: [String.Index]
        if let ends {
            newlines = ends.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        } else {
            newlines = utf8.indices.filter { utf8[$0] == 0x0A }
        }
        for index in newlines {
            if start < index { lines.append(text[start..<index]) }
            start = utf8.index(after: index)
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }
}

/// What the headings above a block say: a hosting section, and the role it names.
///
/// Only the nearest heading opens a hosting section, or a role sub-heading ("Sauvegarde", "Messagerie")
/// under a hosting one: a page titled "Hébergement et sécurité" does not make every paragraph a host list.
struct HeadingContext {
    let isHosting: Bool
    let roles: [HostRole]
    /// The nearest heading is about cookies or trackers ("Cookies techniquement nécessaires"): its vendors are no hosts.
    var isCookies = false
    /// The nearest heading is a legal notice's host block ("Hébergeur", "Hébergement du site"), with no role of its own.
    var isHostBlock = false

    /// - Parameter headings: what each heading above the block says, outermost first.
    init(_ headings: [HeadingFacts]) {
        guard let nearest = headings.last else {
            isHosting = false
            roles = []
            return
        }
        let above = headings.dropLast()
        isCookies = nearest.namesCookies
        isHostBlock = nearest.namesHostBlock
        isHosting = nearest.namesHosting || (!nearest.roles.isEmpty && above.contains { $0.namesHosting })
        roles = nearest.roles.isEmpty ? above.last { !$0.roles.isEmpty }?.roles ?? [] : nearest.roles
    }
}

/// What one heading says by itself. A section's headings are mostly those of the section before: each heading is
/// read once per document (`DocumentAnalysis`), and a section's context is put together from them.
struct HeadingFacts {
    /// It names hosting ("Hébergement", "Hébergeur du site").
    let namesHosting: Bool
    let roles: [HostRole]
    /// It is about cookies or trackers, not hosting ("Cookies techniquement nécessaires").
    var namesCookies = false
    /// It is the host block's label alone ("Hébergeur", "Hébergement du site"): LCEN art. 6 makes it the site's host.
    var namesHostBlock = false

    init(_ heading: String) {
        let triggers = Triggers.scan(heading)
        // Most headings ("Article 12", "Vos droits") name neither hosting nor a role: no need for regular expressions.
        guard !triggers.isDisjoint(with: [.heading, .role, .distractorWords]) else {
            namesHosting = false
            roles = []
            return
        }
        let folded = Folded(heading)
        namesHosting = triggers.contains(.heading) && Rules.hostingHeading.matches(in: folded)
        roles = triggers.isDisjoint(with: [.heading, .role]) ? [] : RoleWords.roles(in: folded, scanned: triggers)
        namesCookies = !namesHosting && triggers.contains(.distractorWords) && Rules.distractor.matches(in: folded)
        namesHostBlock = namesHosting && roles.isEmpty && Rules.hostBlockLabel.matches(in: folded)
    }
}

/// One sentence with what its surroundings say.
struct SentenceContext {
    /// The sentence, its trigger words, and what several readers ask of it, worked out once.
    let facts: SentenceFacts
    let section: String?
    /// The heading or a label ("Hébergeur :") says this part of the page is about hosting.
    let headingIsHosting: Bool
    /// Roles the heading or label states.
    let contextRoles: [HostRole]
    /// The label is a sentence introducing a list, whose roles add to each item's.
    let fromIntroduction: Bool
    /// The introduction gives other purposes beside hosting: only the providers we know are its hosts.
    var knownProvidersOnly = false
    /// The introduction says its list names providers: an item headed by a bare name names one.
    var namesProviders = false
    /// Where the name a label gives starts in this sentence (after "Hébergeur :", or 0 under a label standing alone).
    var valueStart: Int? = nil
    /// The block from the sentence's first character on (UTF-16 offsets in the sentence are offsets in it too).
    let following: Substring
    /// The rule that made the heading or label above a hosting one: the rule of the hosts the sentence names only
    /// because of it.
    var contextRule = Rules.hostingHeading.name
    /// The nearest heading speaks of cookies or trackers (`distractor`) and not of hosting.
    var inCookieSection = false
    /// The nearest heading is the legal notice's host block (`HeadingContext.isHostBlock`).
    var underHostBlockHeading = false
    /// The sentence is an item of a list that a hosting sentence introduces: a place it names is where data is kept.
    var listedUnderHosting = false

    var text: Folded { facts.text }
    /// Trigger words of the sentence: which patterns can match at all.
    var triggers: TriggerSet { facts.triggers }
}

/// What several readers of one sentence ask of it, worked out when first asked for and then kept.
final class SentenceFacts {
    let text: Folded
    let triggers: TriggerSet
    private let matcher: ProviderMatcher

    init(_ text: Folded, triggers: TriggerSet, matcher: ProviderMatcher) {
        self.text = text
        self.triggers = triggers
        self.matcher = matcher
    }

    /// The known providers it names.
    private(set) lazy var mentions: [ProviderMatcher.Mention] = matcher.mentions(in: text)
    /// The sentence with the phrases that carry hosting or role words without naming a role blanked out.
    private(set) lazy var withoutRoleNoise: Folded =
        triggers.contains(.roleNoiseWords) ? Folded(stripping: Rules.roleNoise.pattern!, from: text) : text
    /// The roles the whole sentence names.
    private(set) lazy var roles: [HostRole] = RoleWords.roles(in: withoutRoleNoise, triggers: triggers)
}

/// "Hébergeur du site : …" at the start of a line.
struct Label {
    let isHosting: Bool
    let roles: [HostRole]
    /// Set by a sentence ending with ":" rather than by a label or a term.
    var fromIntroduction = false
    /// The introduction gives hosting among other purposes: a company we do not know may be there for another one.
    var knownProvidersOnly = false
    /// The introduction says its list names providers ("chez les prestataires suivants :"): an item may be a bare name.
    var namesProviders = false
    /// Where the label's value starts in its line (UTF-16 offset after the colon).
    var valueStart: Int?
    /// The rule that made it a hosting label.
    var rule: String

    /// A hosting label ("Hébergeur :", "Stockage des données :") or a service one ("Envoi des e-mails :") before a
    /// colon, within the line's first 60 characters.
    init?<Line: StringProtocol>(line: Line) {
        // As many characters as bytes at most: counting characters is needed only past 60 bytes.
        guard let colon = UTF8Bytes.firstIndex(of: UInt8(ascii: ":"), in: line),
            line.utf8.distance(from: line.startIndex, to: colon) <= 60 || line.distance(from: line.startIndex, to: colon) <= 60
        else {
            return nil
        }
        let label = Folded(String(line[..<colon]))
        // The roles are read only for a label: most text before a colon is none.
        let roles: [HostRole]
        if Rules.hostingHeading.matches(in: label) {
            rule = Rules.hostingHeading.name
            roles = RoleWords.roles(in: label)
        } else if Rules.serviceLabel.matches(in: label) {
            rule = Rules.serviceLabel.name
            roles = RoleWords.roles(in: label)
            guard !roles.isEmpty else { return nil }
        } else {
            return nil
        }
        isHosting = true
        self.roles = Self.hostBlockRoles(roles, label: label)
        valueStart = String(line[..<colon]).utf16.count + 1
    }

    /// A label with nothing after it, on a line of its own: "Hébergeur :", "Hébergement du site", "Hosting".
    init?(standingAlone text: String) {
        guard text.utf8.count <= 240 else { return nil }
        let trimmed = UTF8Bytes.trimmingWhitespace(text)
        guard trimmed.utf8.count <= 60 || trimmed.count <= 60 else { return nil }
        if trimmed.hasSuffix(":"), let label = Label(line: trimmed) {
            self = label
        } else {
            let folded = Folded(Self.trimmingSpacesAndColons(trimmed))
            guard Rules.hostBlockLabel.matches(in: folded) else { return nil }
            rule = Rules.hostBlockLabel.name
            isHosting = true
            roles = Self.hostBlockRoles(RoleWords.roles(in: folded), label: folded)
        }
        valueStart = nil
    }


    /// The text without spaces and colons at either end (ASCII bytes: trimmed on the UTF-8).
    static func trimmingSpacesAndColons(_ text: String) -> String {
        let utf8 = text.utf8
        let isTrimmed = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: ":") }
        guard let start = utf8.firstIndex(where: { !isTrimmed($0) }), let end = utf8.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(decoding: utf8[start...end], as: UTF8.self)
    }


    /// The host block of a legal notice ("Hébergeur :", "Hébergement") names, by law (LCEN art. 6), the host of the
    /// site: a host label that states no other role gives the website.
    static func hostBlockRoles(_ roles: [HostRole], label: Folded) -> [HostRole] {
        roles.isEmpty && Rules.hostBlockLabel.matches(in: label) ? [.website] : roles
    }

    init(hosting roles: [HostRole]) {
        rule = Rules.hostingSentence.name
        isHosting = true
        self.roles = roles
        fromIntroduction = true
    }

    /// An introduction sentence: one that gives hosting among other services ("cloud et hébergement, sécurité,
    /// maintenance, communication") introduces a list of which only the providers we know are hosts, and gives
    /// them no role (the one purpose it gives the whole list says nothing of what each holds).
    init(hosting roles: [HostRole], sentence: Folded) {
        let mixed = Rules.mixedPurposes.matches(in: sentence)
        self.init(hosting: mixed ? [] : roles)
        knownProvidersOnly = mixed
        namesProviders = Rules.providerWords.matches(in: sentence)
    }

    /// A definition term (`<dt>`) that names a hosting function ("Stockage des données de santé", "Site vitrine").
    init?(term: String) {
        let text = Folded(term)
        let roles = RoleWords.roles(in: text)
        let heading = Rules.hostingHeading.matches(in: text)
        guard term.count <= 80, heading || !roles.isEmpty, !Rules.editor.matches(in: text) else { return nil }
        // A term that names a role and no hosting is a label by its role's rule.
        rule = heading ? Rules.hostingHeading.name : Rules.roles.first { $0.0 == roles.first }?.1.name ?? Rules.roleData.name
        isHosting = true
        self.roles = roles
    }
}

/// The columns of a subprocessor table that matter, found from its headers.
struct SubprocessorTable {
    enum Column { case provider, entity, location, service }

    private let indexes: [Column: Int]

    init?(columns: [String]) {
        var indexes: [Column: Int] = [:]
        for (index, header) in columns.enumerated() {
            let text = Folded(header)
            if indexes[.entity] == nil, Rules.entityColumn.matches(in: text) {
                indexes[.entity] = index
            } else if indexes[.location] == nil, Rules.locationColumn.matches(in: text) {
                indexes[.location] = index
            } else if indexes[.service] == nil, Rules.serviceColumn.matches(in: text) {
                indexes[.service] = index
            } else if indexes[.provider] == nil, Rules.providerColumn.matches(in: text) {
                indexes[.provider] = index
            }
        }
        guard indexes[.provider] != nil || indexes[.entity] != nil, indexes[.service] != nil else { return nil }
        self.indexes = indexes
    }

    /// Whether a row reads as a table's header: most of its cells name a column ("Sous-traitant", "Localisation des
    /// serveurs"), where a data row's cells are names, places and descriptions. (Whether the table is one of
    /// subprocessors is `init(columns:)`'s to say.)
    ///
    /// - Parameter minimumCells: a PDF line of two words may be prose; the first row of an HTML table, read when its
    ///   own header row is empty, may name two columns ("Sous-traitant | Objet").
    static func isHeader(_ cells: [String], minimumCells: Int = 3) -> Bool {
        // Most rows of a PDF are lines of prose, one cell each: no need to fold them.
        guard cells.count >= minimumCells else { return false }
        // A hosting-chain table's header is known by its questions; its other columns (actor, HDS…) then count too.
        let headers = cells.map { $0.count <= 120 ? Folded($0) : nil }
        let asksQuestions = headers.contains { $0.map(DisclosureTable.namesQuestion) ?? false }
        let named = zip(cells, headers).filter { cell, header in
            guard cell.count <= 60, let text = header else { return false }
            return [Rules.providerColumn, Rules.entityColumn, Rules.locationColumn, Rules.serviceColumn].contains { $0.matches(in: text) }
                || (asksQuestions && DisclosureTable.column(of: text) != nil)
        }
        return named.count * 4 >= cells.count * 3
    }

    func cell(_ column: Column, of block: TextBlock) -> String? {
        guard let index = indexes[column], index < block.cells.count, !block.cells[index].isEmpty else { return nil }
        return block.cells[index]
    }
}
