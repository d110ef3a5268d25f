import Foundation
import SovereigntyModel

/// Reads a document block by block and collects findings; remembers which hosts each block and section
/// named, so that "it is certified HDS" can point back to the host it speaks of.
struct DocumentAnalysis {
    let matcher: ProviderMatcher
    let url: String
    let fetchedAt: String

    private var hosts: [HostFinding] = []
    private var hds: [HDSMention] = []
    private var secNumCloud: [SecNumCloudMention] = []
    private var zeroKnowledge: [Evidence] = []
    private var locations: [LocationMention] = []
    private var exposure: [Evidence] = []
    private var textLength = 0
    private var hasLegalText = false
    /// Words of a maintenance, error, login or consent page, wherever they stand (headings and passed-over blocks too).
    private var placeholder: TriggerSet = []
    /// Hosts named under each section (keyed by the heading path).
    private var sectionHosts: [String: [String]] = [:]
    /// A hosting sentence ending with ":" ("hébergé par les prestataires suivants :") reaches into the list below it.
    private var listIntroduction: Label?
    /// A label standing alone ("Hébergeur :", "Hosting"): its value is in the blocks after it, as long as they name one.
    private var pendingLabel: (label: Label, blocksLeft: Int)?
    /// An HDS sentence introducing a list ("répartis entre deux hébergeurs certifiés :"): the hosts the list names are its subject.
    private var pendingHDS: Int?
    /// The headings of the blocks being read and what they say; the section's key is made when first needed.
    private var currentSection: (headings: [String], key: String?, context: HeadingContext) = ([], nil, HeadingContext([]))
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
    }

    var findings: DocumentFindings {
        var lookups = 0
        let located = HostFinding.merge(hosts).map { host in
            guard host.providerID == nil else { return host }
            var host = host
            // Read in the host's own quotes, so that the report's evidence shows the parent it names.
            if host.evidence.contains(where: { Self.namesUSParent(after: host.asWritten, in: $0.quote) }) { host.parentCountry = "US" }
            guard host.country == nil, lookups < Self.maximumAddressLookups else { return host }
            lookups += 1
            for text in texts {
                guard let range = text.range(of: host.asWritten) else { continue }
                host.country = CompanyName.address(String(text[range.upperBound...].prefix(200))).flatMap { CountryNames.country(in: $0) }
                if host.country != nil { break }
            }
            return host
        }
        var findings = DocumentFindings(
            hosts: located, hds: hds, secNumCloud: secNumCloud, zeroKnowledge: zeroKnowledge,
            dataLocations: locations, exposureDisclosures: exposure, textLength: textLength)
        findings.hasLegalText = hasLegalText
        let kinds: [(TriggerSet, PlaceholderKind)] = [(.maintenancePage, .maintenance), (.errorPage, .error), (.loginPage, .login), (.consentPage, .consent)]
        findings.placeholderWords = kinds.filter { placeholder.contains($0.0) }.map(\.1)
        return findings
    }

    /// "X SAS, …, filiale française d'un groupe américain": the sentence names a US parent group after the name.
    static func namesUSParent(after name: String, in quote: String) -> Bool {
        guard let range = quote.range(of: name) else { return false }
        let after = quote[range.upperBound...]
        let sentence = after.range(of: ". ").map { after[..<$0.lowerBound] } ?? after
        return Patterns.usParentGroup.matches(in: Folded(String(sentence)))
    }

    mutating func read(_ block: TextBlock) {
        // Consecutive blocks mostly share their headings: work the section out again only when they change.
        if block.headings != currentSection.headings {
            currentSection = (block.headings, nil, HeadingContext(block.headings))
        }
        let headingContext = currentSection.context
        placeholder.formUnion(block.triggers.intersection(.placeholder))
        if !block.isHeading {
            textLength += block.length
            if !block.isElided { texts.append(block.text) }
        } else {
            pendingLabel = nil
        }
        // A label's value is a name and an address: a long paragraph is something else.
        let carried = block.isListItem || block.isHeading || block.length > 300 ? nil : pendingLabel?.label
        if !block.columns.isEmpty, let table = disclosureTable(block.columns) {
            addSectionHosts(readDisclosure(block, table: table))
            return
        }
        if !block.columns.isEmpty, let table = subprocessorTable(block.columns) {
            addSectionHosts(readRow(block, table: table))
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
        let hdsBefore = hds.count
        var label: Label? = block.isListItem ? listIntroduction : carried
        if !block.isListItem {
            listIntroduction = nil
            pendingHDS = nil
        }
        if block.isTerm {
            listIntroduction = Label(term: block.text) ?? listIntroduction.flatMap { $0.fromIntroduction ? $0 : nil }
            return
        }

        for (lineIndex, line) in Self.lines(of: block.text).enumerated() {
            if let meter, meter.remaining < 0 {
                outOfTime = true
                return
            }
            // The name a label gives: after its colon, or, under a label standing alone, at the head of the block.
            var valueStart: Int? = carried != nil && lineIndex == 0 && Self.namesCompany(block.text) ? 0 : nil
            let lineLabel = Label(line: String(line))
            if let lineLabel {
                label = lineLabel
                valueStart = lineLabel.valueStart
            }
            defer {
                // "…hébergé avec les prestataires suivants :" introduces the lines after it (a label keeps its roles).
                if lineLabel == nil, line.hasSuffix(":"), Patterns.hosting.matches(in: Folded(String(line))) {
                    label = Label(hosting: RoleWords.roles(in: Folded(String(line))))
                }
            }
            let ranges = SentenceSplitter.sentenceRanges(in: line).flatMap {
                SentenceSplitter.pieces(of: $0, in: line, maximumLength: Self.maximumSentenceLength)
            }
            for (sentenceIndex, range) in ranges.enumerated() {
                let sentence = String(line[range])
                let trigger = Triggers.scan(sentence)
                let inContext = headingContext.isHosting || label != nil
                let wantsHosts = inContext || !trigger.isDisjoint(with: [.hosting, .messaging])
                let wantsCertification = trigger.contains(.certification)
                let wantsEncryption = trigger.contains(.encryption)
                let wantsLocation = trigger.wantsLocation
                let wantsExposure = trigger.contains(.exposure)
                guard wantsHosts || wantsCertification || wantsEncryption || wantsLocation || wantsExposure else { continue }
                let text = Folded(sentence)
                let context = SentenceContext(
                    facts: SentenceFacts(text, triggers: trigger, matcher: matcher), section: block.section,
                    headingIsHosting: headingContext.isHosting || (label?.isHosting ?? false),
                    contextRoles: label?.roles.isEmpty == false ? label!.roles : headingContext.roles,
                    fromIntroduction: label?.fromIntroduction ?? false, valueStart: sentenceIndex == 0 ? valueStart : nil,
                    following: block.text[range.lowerBound...])
                let named = wantsHosts ? readHosts(context, block: block) : []
                if block.isListItem, let pending = pendingHDS, !named.isEmpty {
                    hds[pending].providerIDs += named.compactMap { $0.hasPrefix("provider:") ? String($0.dropFirst(9)) : nil }
                    hds[pending].namesHost = true
                }
                Self.add(named, to: &blockHosts)
                addSectionHosts(named)
                let nearby = blockHosts.isEmpty && headingContext.isHosting ? sectionHosts[sectionKey()] ?? [] : blockHosts
                if wantsCertification { readCertifications(context, named: named, nearby: nearby) }
                if wantsEncryption { readEncryption(context) }
                if wantsLocation { readLocations(context) }
                if wantsExposure { readExposure(context) }
            }
        }
        if carried != nil, var pending = pendingLabel {
            // A label's value runs over a few blocks (name, then address); a block that names nothing ends it.
            pending.blocksLeft -= 1
            pendingLabel = blockHosts.isEmpty || pending.blocksLeft == 0 ? nil : pending
        }
        if !block.isListItem, block.text.hasSuffix(":"), let last = SentenceSplitter.sentences(in: block.text).last {
            let text = Folded(last)
            if Patterns.hosting.matches(in: text) { listIntroduction = Label(hosting: RoleWords.roles(in: text)) }
            if hds.count > hdsBefore, let last = hds.indices.last, !hds[last].namesHost { pendingHDS = last }
        }
    }

    /// A block that reads as a company's identity: a legal form, or registration details ("RCS", "capital").
    static func namesCompany(_ text: String) -> Bool {
        let folded = Folded(text)
        return !CompanyName.withLegalForm(in: folded).isEmpty || Patterns.companyDetails.matches(in: folded)
    }

    /// The rows of a table share its column headers: they are read once per table.
    private mutating func subprocessorTable(_ columns: [String]) -> SubprocessorTable? {
        if columns != lastTable.columns { lastTable = (columns, SubprocessorTable(columns: columns)) }
        return lastTable.table
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

    // MARK: Hosts in sentences

    /// Records the hosts a sentence names and returns their identity keys.
    private mutating func readHosts(_ context: SentenceContext, block: TextBlock) -> [String] {
        let text = context.text
        // Certificate names ("hébergeur de données de santé") carry hosting words without saying who hosts what.
        let triggers = context.triggers
        let hostingSentence =
            (Patterns.hosting.matches(in: text)
                && (!triggers.contains(.roleNoiseWords) || Patterns.hosting.matches(in: context.facts.withoutRoleNoise)))
            || (triggers.contains(.hosting) && Patterns.inProvidersDataCentre.matches(in: text))
        let messagingSentence = !hostingSentence && Patterns.messagingService.matches(in: text) && context.facts.roles.contains(.messaging)
        guard hostingSentence || messagingSentence || context.headingIsHosting else { return [] }
        // Under a hosting heading, a sentence about a certificate names the host's status, not a host.
        // "X est certifié HDS", "X ne détient pas la qualification": a status sentence, not a host list.
        if !hostingSentence && !messagingSentence && (Patterns.secNumCloud.matches(in: text) || Patterns.hds.matches(in: text)),
            let first = context.facts.mentions.first?.range ?? CompanyName.withLegalForm(in: text).first?.range,
            Patterns.statusVerb.matches(in: Folded((text.original as NSString).substring(from: first.location + first.length)))
        {
            return []
        }
        // A platform's legal status of "hébergeur" for what its users post names no hosting provider.
        if triggers.contains(.hosting) && Patterns.hostStatus.matches(in: text) { return [] }
        // The editor of the service is named in hosting sections too; it is not its host.
        if !hostingSentence && !messagingSentence && triggers.contains(.editorWords) && Patterns.editor.matches(in: text) { return [] }
        var found: [HostFinding] = []
        var mentionsRead: [String: Int] = [:]
        for mention in context.facts.mentions {
            mentionsRead[mention.providerID, default: 0] += 1
            guard mentionsRead[mention.providerID]! <= Self.maximumMentionsPerHost, !isDenied(mention.range, in: text, triggers: triggers),
                !isDistracted(mention.range, in: text, triggers: triggers)
            else { continue }
            found.append(
                HostFinding(
                    providerID: mention.providerID, asWritten: text.originalText(mention.range),
                    roles: itemRoles(roles(around: mention.range, context), context), evidence: [evidence(context, focus: mention.range)]))
        }
        if found.isEmpty {
            found = unknownHosts(context, block: block, introduced: hostingSentence || messagingSentence)
        }
        hosts.append(contentsOf: found)
        return found.map(\.identityKey)
    }

    /// A provider named beside cookies, analytics or sign-in ("les cookies de Google Analytics") is not a host; words
    /// of that kind further along a long line ("Hébergeur : OVH, … — Analyse d'audience : …") speak of something else.
    private func isDistracted(_ range: NSRange, in text: Folded, triggers: TriggerSet) -> Bool {
        guard triggers.contains(.distractorWords) else { return false }
        let clause = Clause.around(range, in: text)
        guard clause.length > Self.distractorReach.before + Self.distractorReach.after + range.length else {
            return Patterns.distractor.matches(in: clause)
        }
        let original = text.original as NSString
        let start = max(0, range.location - Self.distractorReach.before)
        let end = min(original.length, range.location + range.length + Self.distractorReach.after)
        return Patterns.distractor.matches(in: Folded(original.substring(with: NSRange(location: start, length: end - start))))
    }

    /// How far from a name, in characters, cookie or analytics words still speak of it: the sentence leads up to the
    /// name ("les données générées par le cookie … seront transmises à Google"), a product name follows it
    /// ("Google Analytics").
    private static let distractorReach = (before: 150, after: 40)

    /// A provider named as not used, only possibly used, or as someone's owner ("aucune donnée n'est hébergée chez X",
    /// "une migration vers X pourrait être envisagée", "une plateforme de la société X"): not a host.
    private func isDenied(_ range: NSRange, in text: Folded, triggers: TriggerSet) -> Bool {
        guard !triggers.isDisjoint(with: .denialWords) else { return false }
        let clause = Clause.around(range, in: text)
        let folded = clause.folded as NSString
        let mention = folded.range(of: (text.folded as NSString).substring(with: range))
        let rawBefore = mention.location == NSNotFound ? clause.original : (clause.original as NSString).substring(to: mention.location)
        // ", qui ne recueille aucune donnée," speaks of the subject, not of the host.
        let before = Folded(Self.relativeClause.stringByReplacingMatches(
            in: rawBefore, range: NSRange(location: 0, length: (rawBefore as NSString).length), withTemplate: ","))
        var after = mention.location == NSNotFound ? "" : (clause.original as NSString).substring(from: mention.location + mention.length)
        if let comma = after.firstIndex(where: { ",.".contains($0) }) { after = String(after[..<comma]) }
        let afterText = Folded(after)
        return Patterns.hostDenial.matches(in: before) || Patterns.conditional.matches(in: before) || Patterns.conditional.matches(in: afterText)
            || Patterns.formerHost.matches(in: before)
            || Patterns.ownership.matches(in: before) || Patterns.denialAfter.matches(in: afterText)
    }

    /// Providers we do not know: named after "hébergé par" / "Hébergeur :", or a company with its legal form in a hosting context.
    private func unknownHosts(_ context: SentenceContext, block: TextBlock, introduced: Bool) -> [HostFinding] {
        let text = context.text
        var names: [(text: String, range: NSRange)] = []
        if introduced, let range = Patterns.hostIntroduction.firstRange(in: text),
            let name = CompanyName.read(in: text, from: range.location + range.length)
        {
            names.append(name)
        } else if let start = context.valueStart, let name = CompanyName.read(in: text, from: start), CompanyName.looksLikeName(name.text) {
            names.append(name)
        } else if context.headingIsHosting || introduced {
            names = CompanyName.withLegalForm(in: text).map { CompanyName.afterHostLabel($0, in: text) }
        }
        // The operator named before "avec des ressources techniques fournies par" runs the hosting; it is no host.
        let operatorEnd = context.triggers.contains(.hosting) ? Patterns.operatorOnProviders.firstRange(in: text)?.location : nil
        return names.prefix(Self.maximumNamesPerSentence).filter { name in
            !isDenied(name.range, in: text, triggers: context.triggers) && !isDistracted(name.range, in: text, triggers: context.triggers)
                && !PlaceOnlyNames.isPlace(name.text)
                && operatorEnd.map { name.range.location > $0 } != false
        }.map { name in
            // The address may follow on the next line of the block: read on from the name, in the block.
            let following = context.following
            let after = following.utf16.index(
                following.startIndex, offsetBy: name.range.location + name.range.length, limitedBy: following.endIndex
            ).map { String(following[$0...].prefix(Self.addressWindow)) } ?? ""
            let address = CompanyName.address(after)
            return HostFinding(
                providerID: nil, asWritten: name.text, roles: roles(around: name.range, context),
                country: address.flatMap { CountryNames.country(in: $0) }, address: address,
                evidence: [evidence(context, focus: name.range)])
        }
    }

    /// Roles from a parenthesis right after the name, else the clause around it, else the sentence, else the heading
    /// or label; else unspecified.
    private func roles(around range: NSRange, _ context: SentenceContext) -> [HostRole] {
        let stated = Self.parenthesisRoles(after: range, in: context.text)
        if !stated.isEmpty { return stated }
        let clause = Clause.around(range, in: context.text, separators: [";", " tandis que ", " alors que ", " whereas ", " while "])
        if clause.original != context.text.original {
            let roles = RoleWords.roles(in: clause)
            if !roles.isEmpty { return roles }
        }
        if !context.facts.roles.isEmpty { return context.facts.roles }
        if !context.contextRoles.isEmpty { return context.contextRoles }
        // "L'hébergement est assuré par X" with nothing else: the legal notice's host block, in a sentence.
        return Patterns.hostBlockSentence.matches(in: context.text) ? [.website] : [.unspecified]
    }

    /// "hébergé par X, Inc. (site vitrine) et par Y SAS (données de santé)": a parenthesis that follows a name, past
    /// at most its legal form, says what that name hosts. An address or a registration number in it names no role.
    static func parenthesisRoles(after range: NSRange, in text: Folded) -> [HostRole] {
        let original = text.original as NSString
        let end = range.location + range.length
        guard end < original.length else { return [] }
        let rest = original.substring(with: NSRange(location: end, length: min(200, original.length - end)))
        guard let open = rest.firstIndex(of: "("), rest.distance(from: rest.startIndex, to: open) <= 16,
            !rest[..<open].contains(where: { ";:)".contains($0) }),
            let close = rest[open...].firstIndex(of: ")")
        else { return [] }
        let inside = Folded(String(rest[rest.index(after: open)..<close]))
        // "(ci-après « le Prestataire »)" names the party, not what it hosts.
        guard !Patterns.definedTerm.matches(in: inside) else { return [] }
        return RoleWords.roles(in: inside)
    }

    /// Roles of a name in a list item: what the item says, plus what the sentence introducing the list said.
    private func itemRoles(_ roles: [HostRole], _ context: SentenceContext) -> [HostRole] {
        guard context.fromIntroduction, !context.contextRoles.isEmpty, !roles.contains(.unspecified) else { return roles }
        return RoleWords.normalise(roles + context.contextRoles)
    }

    // MARK: Subprocessor tables

    /// One row of a subprocessor table: a host when its service cell says it hosts, stores or carries data.
    private mutating func readRow(_ block: TextBlock, table: SubprocessorTable) -> [String] {
        let row = Folded(block.text)
        let focus = NSRange(location: 0, length: min(row.length, 1))
        let rowEvidence = Evidence(url: url, quote: Quote.window(block.text, around: focus), section: block.section, fetchedAt: fetchedAt)
        if let cell = table.cell(.location, of: block) {
            for (location, _) in PlaceNames.locations(in: Folded(cell)) {
                locations.append(LocationMention(location: location, evidence: rowEvidence))
            }
        }
        let service = Folded(table.cell(.service, of: block) ?? block.text)
        let hostsData = Patterns.hostingService.matches(in: service)
            || (Patterns.messagingService.matches(in: service) && RoleWords.roles(in: service).contains(.messaging))
        guard hostsData else { return [] }
        let roles = RoleWords.roles(in: service)
        let names = [table.cell(.provider, of: block), table.cell(.entity, of: block)].compactMap { $0 }.map(Folded.init)
        var found: [HostFinding] = []
        var seen: Set<String> = []
        for name in names {
            for mention in matcher.mentions(in: name) where seen.insert(mention.providerID).inserted {
                found.append(
                    HostFinding(
                        providerID: mention.providerID, asWritten: name.originalText(mention.range),
                        roles: roles.isEmpty ? [.unspecified] : roles, evidence: [rowEvidence]))
            }
        }
        if found.isEmpty, let entity = names.last, let name = CompanyName.read(in: entity, from: 0) {
            let country = table.cell(.entity, of: block).flatMap { CountryNames.country(in: $0) }
            found.append(
                HostFinding(
                    providerID: nil, asWritten: name.text, roles: roles.isEmpty ? [.unspecified] : roles, country: country,
                    evidence: [rowEvidence]))
        }
        if Patterns.hds.matches(in: service) && !Patterns.negation.matches(in: service) {
            hds.append(HDSMention(providerIDs: found.compactMap(\.providerID), namesHost: !found.isEmpty, evidence: rowEvidence))
        }
        hosts.append(contentsOf: found)
        return found.map(\.identityKey)
    }

    // MARK: Hosting-chain disclosures (HDS 2024)

    private mutating func disclosureTable(_ columns: [String]) -> DisclosureTable? {
        if columns != lastDisclosure.columns { lastDisclosure = (columns, DisclosureTable(columns: columns)) }
        return lastDisclosure.table
    }

    /// One actor's row: a host of the chain, with the roles its row gives, its own answers to the two questions, its
    /// HDS and SecNumCloud statements, and the exposure it admits. Every fact quotes the row.
    private mutating func readDisclosure(_ block: TextBlock, table: DisclosureTable) -> [String] {
        guard let actor = table.cell(.actor, of: block) else { return [] }
        let focus = NSRange(location: 0, length: min(Folded(block.text).length, 1))
        let rowEvidence = Evidence(url: url, quote: Quote.window(block.text, around: focus), section: block.section, fetchedAt: fetchedAt)
        let disclosure = ChainDisclosure(
            accessOutsideEEA: table.answer(.access, of: block), exposedToThirdCountryLaw: table.answer(.exposure, of: block),
            evidence: rowEvidence)
        let roles = table.cell(.role, of: block).map { RoleWords.roles(in: Folded($0)) } ?? []
        let country = table.cell(.location, of: block).flatMap { CountryNames.country(in: $0) }
        if let cell = table.cell(.location, of: block) {
            for (location, _) in PlaceNames.locations(in: Folded(cell)) {
                locations.append(LocationMention(location: location, evidence: rowEvidence))
            }
        }
        let name = Folded(actor)
        var found: [HostFinding] = []
        var seen: Set<String> = []
        for mention in matcher.mentions(in: name) where seen.insert(mention.providerID).inserted {
            found.append(
                HostFinding(
                    providerID: mention.providerID, asWritten: name.originalText(mention.range), roles: roles.isEmpty ? [.unspecified] : roles,
                    evidence: [rowEvidence], chainDisclosure: disclosure))
        }
        // An actor we do not know: its name as the cell writes it (a name, not a sentence).
        if found.isEmpty, let written = CompanyName.read(in: name, from: 0)?.text ?? Self.bareName(actor) {
            found.append(
                HostFinding(
                    providerID: nil, asWritten: written, roles: roles.isEmpty ? [.unspecified] : roles, country: country,
                    evidence: [rowEvidence], chainDisclosure: disclosure))
        }
        guard !found.isEmpty else { return [] }
        let ids = found.compactMap(\.providerID)
        if let certified = table.answer(.hds, of: block), certified {
            hds.append(HDSMention(providerIDs: ids, namesHost: true, evidence: rowEvidence))
        }
        if let qualified = table.answer(.secNumCloud, of: block) {
            secNumCloud.append(SecNumCloudMention(kind: qualified ? .claimed : .denied, providerIDs: ids, evidence: rowEvidence))
        }
        if disclosure.exposedToThirdCountryLaw == true { exposure.append(rowEvidence) }
        hosts.append(contentsOf: found)
        return found.map(\.identityKey)
    }

    /// A cell that is only a name ("Nuvéa", "Acme Cloud"): short, capitalised, no sentence in it.
    private static func bareName(_ cell: String) -> String? {
        let name = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...60).contains(name.count), name.first?.isUppercase == true, !name.contains(where: { ".:;".contains($0) }) else { return nil }
        return name
    }

    // MARK: Certifications and claims

    private mutating func readCertifications(_ context: SentenceContext, named: [String], nearby: [String]) {
        let text = context.text
        let providerIDs = { (keys: [String]) in keys.compactMap { $0.hasPrefix("provider:") ? String($0.dropFirst(9)) : nil } }
        let triggers = context.triggers
        if let range = Patterns.hds.firstRange(in: text),
            !GatedPattern.negation.matches(in: Clause.around(range, in: text), triggers: triggers),
            !GatedPattern.conditional.matches(in: text, triggers: triggers)
        {
            let ids = Self.unique(context.facts.mentions.map(\.providerID) + providerIDs(named))
            // Only a sentence that names no host looks back to the hosts named before it; "des hébergeurs certifiés"
            // does not point back to them.
            let nearby = !ids.isEmpty || !named.isEmpty || Patterns.indefiniteHost.matches(in: text) ? [] : nearby
            let subject = ids.isEmpty && named.isEmpty ? providerIDs(nearby) : ids
            let namesHost = !subject.isEmpty || !named.isEmpty || !nearby.isEmpty
            hds.append(HDSMention(providerIDs: subject, namesHost: namesHost, evidence: evidence(context, focus: range)))
        }
        if let range = Patterns.secNumCloud.firstRange(in: text) {
            let clause = Clause.around(range, in: text)
            let kind: SecNumCloudMention.Kind? =
                Patterns.future.matches(in: clause) ? .inProgress
                : GatedPattern.negation.matches(in: clause, triggers: triggers) ? (qualificationUnderWay(in: text, triggers: triggers) ? .inProgress : .denied)
                : Patterns.secNumCloudHeld.matches(in: text) ? .claimed : nil
            if let kind {
                let ids = Self.unique(context.facts.mentions.map(\.providerID))
                secNumCloud.append(
                    SecNumCloudMention(kind: kind, providerIDs: ids.isEmpty ? providerIDs(nearby) : ids, evidence: evidence(context, focus: range)))
            }
        }
    }

    /// "… ; elle est en cours de qualification": another clause of the sentence says the qualification is sought.
    private func qualificationUnderWay(in text: Folded, triggers: TriggerSet) -> Bool {
        guard let range = Patterns.qualificationUnderWay.firstRange(in: text) else { return false }
        return !GatedPattern.negation.matches(in: Clause.around(range, in: text), triggers: triggers)
    }

    private mutating func readEncryption(_ context: SentenceContext) {
        let text = context.text
        if let range = Patterns.noKeys.firstRange(in: text) {
            zeroKnowledge.append(evidence(context, focus: range))
        } else if let range = Patterns.endToEnd.firstRange(in: text),
            !GatedPattern.negation.matches(in: Clause.around(range, in: text), triggers: context.triggers)
        {
            zeroKnowledge.append(evidence(context, focus: range))
        }
    }

    private mutating func readLocations(_ context: SentenceContext) {
        let text = context.text
        let triggers = context.triggers
        guard Patterns.locationContext.matches(in: text) else { return }
        if let range = (triggers.contains(.franceWords) ? Patterns.france.firstRange(in: text) : nil)
            ?? (triggers.contains(.franceMoreWords) ? Patterns.franceMore.firstRange(in: text) : nil)
        {
            locations.append(LocationMention(location: .france, evidence: evidence(context, focus: range)))
        }
        // "hors de l'Union européenne" names the EU to say "outside": that part is not an EU location.
        // The EU as a place of residence, of law or of origin ("résidents de l'EEE", "Règlement (UE)", "transférées
        // depuis l'EEE") locates no data: an EU location needs words of keeping data somewhere.
        if triggers.contains(.europeWords), Patterns.keptSomewhere.matches(in: text) {
            let withoutOutside = triggers.contains(.outsideWords) ? Folded(stripping: Patterns.outsideEurope, from: text) : text
            if let range = Patterns.europe.firstRange(in: withoutOutside)
                ?? (Patterns.dataCentreNamed.matches(in: text) ? Patterns.countryAlone.firstRange(in: withoutNames(text)) : nil)
            {
                locations.append(LocationMention(location: .europeanUnion, evidence: evidence(context, focus: range)))
            }
        }
        if triggers.contains(.outsideWords), let range = Patterns.outsideEurope.firstRange(in: text), !Patterns.companySeat.matches(in: text),
            !GatedPattern.noTransfer.matches(
                in: Clause.around(range, in: text, separators: [";", ".", " mais ", " but "]), triggers: triggers)
        {
            locations.append(LocationMention(location: .outsideEU, evidence: evidence(context, focus: range)))
        }
    }

    private mutating func readExposure(_ context: SentenceContext) {
        let text = context.text
        if let range = Patterns.exposure.firstRange(in: text),
            !GatedPattern.hostDenial.matches(in: Clause.around(range, in: text), triggers: context.triggers)
        {
            exposure.append(evidence(context, focus: range))
        }
    }

    /// The text with provider names blanked: "Microsoft Ireland Operations Limited" places no data in Ireland.
    private func withoutNames(_ text: Folded) -> Folded {
        let mutable = NSMutableString(string: text.original)
        for mention in matcher.mentions(in: text) {
            mutable.replaceCharacters(in: mention.range, with: String(repeating: " ", count: mention.range.length))
        }
        return Folded(mutable as String)
    }

    private func evidence(_ context: SentenceContext, focus: NSRange) -> Evidence {
        Evidence(url: url, quote: Quote.window(context.text.original, around: focus), section: context.section, fetchedAt: fetchedAt)
    }

    /// The "\n"-separated lines of a block, split on bytes.
    private static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        for index in text.utf8.indices where text.utf8[index] == 0x0A {
            if start < index { lines.append(text[start..<index]) }
            start = text.utf8.index(after: index)
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    private static let relativeClause = try! NSRegularExpression(
        pattern: #",\s*(?:qui|which|that|dont|lequel|laquelle|where|où)\b[^,]*,"#, options: [.caseInsensitive])

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

/// What the headings above a block say: a hosting section, and the role it names.
///
/// Only the nearest heading opens a hosting section, or a role sub-heading ("Sauvegarde", "Messagerie")
/// under a hosting one: a page titled "Hébergement et sécurité" does not make every paragraph a host list.
struct HeadingContext {
    let isHosting: Bool
    let roles: [HostRole]

    init(_ headings: [String]) {
        // Most headings ("Article 12", "Vos droits") name neither hosting nor a role: no need for regular expressions.
        let triggers = headings.map(Triggers.scan)
        guard let last = headings.indices.last, triggers.contains(where: { !$0.isDisjoint(with: [.heading, .role]) }) else {
            isHosting = false
            roles = []
            return
        }
        let folded = headings.map(Folded.init)
        func namesHosting(_ index: Int) -> Bool { triggers[index].contains(.heading) && Patterns.hostingHeading.matches(in: folded[index]) }
        let nearestRoles = RoleWords.roles(in: folded[last])
        isHosting = namesHosting(last) || (!nearestRoles.isEmpty && headings.indices.dropLast().contains(where: namesHosting))
        roles = nearestRoles.isEmpty ? folded.dropLast().reversed().lazy.map(RoleWords.roles).first { !$0.isEmpty } ?? [] : nearestRoles
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
    /// Where the name a label gives starts in this sentence (after "Hébergeur :", or 0 under a label standing alone).
    var valueStart: Int? = nil
    /// The block from the sentence's first character on (UTF-16 offsets in the sentence are offsets in it too).
    let following: Substring

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
        triggers.contains(.roleNoiseWords) ? Folded(stripping: Patterns.roleNoise, from: text) : text
    /// The roles the whole sentence names.
    private(set) lazy var roles: [HostRole] = RoleWords.roles(in: withoutRoleNoise, triggers: triggers)
}

/// "Hébergeur du site : …" at the start of a line.
struct Label {
    let isHosting: Bool
    let roles: [HostRole]
    /// Set by a sentence ending with ":" rather than by a label or a term.
    var fromIntroduction = false
    /// Where the label's value starts in its line (UTF-16 offset after the colon).
    var valueStart: Int?

    /// A hosting label ("Hébergeur :", "Stockage des données :") or a service one ("Envoi des e-mails :") before a
    /// colon, within the line's first 60 characters.
    init?(line: String) {
        guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")), line.distance(from: line.startIndex, to: colon) <= 60 else {
            return nil
        }
        let label = Folded(String(line[..<colon]))
        let roles = RoleWords.roles(in: label)
        guard Patterns.hostingHeading.matches(in: label) || (Patterns.serviceLabel.matches(in: label) && !roles.isEmpty) else { return nil }
        isHosting = true
        self.roles = Self.hostBlockRoles(roles, label: label)
        valueStart = String(line[..<colon]).utf16.count + 1
    }

    /// A label with nothing after it, on a line of its own: "Hébergeur :", "Hébergement du site", "Hosting".
    init?(standingAlone text: String) {
        guard text.utf8.count <= 240 else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 60 else { return nil }
        if trimmed.hasSuffix(":"), let label = Label(line: trimmed) {
            self = label
        } else {
            let folded = Folded(trimmed.trimmingCharacters(in: CharacterSet(charactersIn: " :")))
            guard Patterns.hostBlockLabel.matches(in: folded) else { return nil }
            isHosting = true
            roles = Self.hostBlockRoles(RoleWords.roles(in: folded), label: folded)
        }
        valueStart = nil
    }

    /// The host block of a legal notice ("Hébergeur :", "Hébergement") names, by law (LCEN art. 6), the host of the
    /// site: a host label that states no other role gives the website.
    static func hostBlockRoles(_ roles: [HostRole], label: Folded) -> [HostRole] {
        roles.isEmpty && Patterns.hostBlockLabel.matches(in: label) ? [.website] : roles
    }

    init(hosting roles: [HostRole]) {
        isHosting = true
        self.roles = roles
        fromIntroduction = true
    }

    /// A definition term (`<dt>`) that names a hosting function ("Stockage des données de santé", "Site vitrine").
    init?(term: String) {
        let text = Folded(term)
        let roles = RoleWords.roles(in: text)
        guard term.count <= 80, Patterns.hostingHeading.matches(in: text) || !roles.isEmpty, !Patterns.editor.matches(in: text) else { return nil }
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
            if indexes[.entity] == nil, Patterns.entityColumn.matches(in: text) {
                indexes[.entity] = index
            } else if indexes[.location] == nil, Patterns.locationColumn.matches(in: text) {
                indexes[.location] = index
            } else if indexes[.service] == nil, Patterns.serviceColumn.matches(in: text) {
                indexes[.service] = index
            } else if indexes[.provider] == nil, Patterns.providerColumn.matches(in: text) {
                indexes[.provider] = index
            }
        }
        guard indexes[.provider] != nil || indexes[.entity] != nil, indexes[.service] != nil else { return nil }
        self.indexes = indexes
    }

    /// Whether a row reads as a table's header: most of its cells name a column ("Sous-traitant", "Localisation des
    /// serveurs"), where a data row's cells are names, places and descriptions. (Whether the table is one of
    /// subprocessors is `init(columns:)`'s to say.)
    static func isHeader(_ cells: [String]) -> Bool {
        // Most rows of a PDF are lines of prose, one cell each: no need to fold them.
        guard cells.count >= 3 else { return false }
        // A hosting-chain table's header is known by its questions; its other columns (actor, HDS…) then count too.
        let asksQuestions = cells.contains { $0.count <= 120 && DisclosureTable.namesQuestion(Folded($0)) }
        let named = cells.filter { cell in
            let text = Folded(cell)
            return cell.count <= 60
                && ([Patterns.providerColumn, Patterns.entityColumn, Patterns.locationColumn, Patterns.serviceColumn].contains { $0.matches(in: text) }
                    || (asksQuestions && DisclosureTable.column(of: text) != nil))
        }
        return cells.count >= 3 && named.count * 4 >= cells.count * 3
    }

    func cell(_ column: Column, of block: TextBlock) -> String? {
        guard let index = indexes[column], index < block.cells.count, !block.cells[index].isEmpty else { return nil }
        return block.cells[index]
    }
}
