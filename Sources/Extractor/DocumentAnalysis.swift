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
    /// Hosts named under each section (keyed by the heading path).
    private var sectionHosts: [String: [String]] = [:]
    /// A hosting sentence ending with ":" ("hébergé par les prestataires suivants :") reaches into the list below it.
    private var listIntroduction: Label?

    init(matcher: ProviderMatcher, url: String, fetchedAt: String) {
        self.matcher = matcher
        self.url = url
        self.fetchedAt = fetchedAt
    }

    var findings: DocumentFindings {
        DocumentFindings(
            hosts: HostFinding.merge(hosts), hds: hds, secNumCloud: secNumCloud, zeroKnowledge: zeroKnowledge,
            dataLocations: locations, exposureDisclosures: exposure, textLength: textLength)
    }

    mutating func read(_ block: TextBlock) {
        let headingText = Folded(block.headings.joined(separator: " / "))
        let headingIsHosting = Patterns.hostingHeading.matches(in: headingText)
        let headingRoles = block.headings.reversed().lazy.map { RoleWords.roles(in: Folded($0)) }.first { !$0.isEmpty } ?? []
        let sectionKey = block.headings.joined(separator: "\u{1F}")
        if !block.isHeading { textLength += block.text.count }
        var blockHosts: [String] = []
        var label: Label? = block.isListItem ? listIntroduction : nil
        if !block.isListItem { listIntroduction = nil }

        for line in block.text.split(separator: "\n") {
            if let lineLabel = Label(line: String(line)) { label = lineLabel }
            for sentence in SentenceSplitter.sentences(in: String(line)) {
                let text = Folded(sentence)
                let context = SentenceContext(
                    text: text, section: block.section, headingIsHosting: headingIsHosting || (label?.isHosting ?? false),
                    contextRoles: label?.roles.isEmpty == false ? label!.roles : headingRoles)
                let named = readHosts(context, block: block)
                blockHosts.append(contentsOf: named)
                sectionHosts[sectionKey, default: []].append(contentsOf: named)
                let nearby = blockHosts.isEmpty && headingIsHosting ? sectionHosts[sectionKey] ?? [] : blockHosts
                readCertifications(context, named: named, nearby: nearby)
                readClaims(context)
            }
        }
        if !block.isListItem, block.text.hasSuffix(":"), let last = SentenceSplitter.sentences(in: block.text).last {
            let text = Folded(last)
            if Patterns.hosting.matches(in: text) { listIntroduction = Label(hosting: RoleWords.roles(in: text)) }
        }
    }

    // MARK: Hosts

    /// Records the hosts a sentence names and returns their identity keys.
    private mutating func readHosts(_ context: SentenceContext, block: TextBlock) -> [String] {
        let text = context.text
        let hostingSentence = Patterns.hosting.matches(in: text)
        guard hostingSentence || context.headingIsHosting, !Patterns.distractor.matches(in: text) else { return [] }
        // Under a hosting heading, a sentence about a certificate names the host's status, not a host.
        if !hostingSentence && (Patterns.secNumCloud.matches(in: text) || Patterns.hds.matches(in: text)) { return [] }
        var found: [HostFinding] = []
        for mention in matcher.mentions(in: text) {
            found.append(
                HostFinding(
                    providerID: mention.providerID, asWritten: text.originalText(mention.range),
                    roles: roles(around: mention.range, context), evidence: [evidence(context, focus: mention.range)]))
        }
        if found.isEmpty, let unknown = unknownHost(context, block: block, introduced: hostingSentence) {
            found.append(unknown)
        }
        hosts.append(contentsOf: found)
        return found.map(\.identityKey)
    }

    /// A provider we do not know, named after "hébergé par", "Hébergeur :", or heading a hosting section.
    private func unknownHost(_ context: SentenceContext, block: TextBlock, introduced: Bool) -> HostFinding? {
        let text = context.text
        var start: Int?
        if introduced, let range = Patterns.hostIntroduction.firstRange(in: text) {
            start = range.location + range.length
        } else if context.headingIsHosting, isCompanyLine(text) {
            start = 0
        }
        guard let start, let name = CompanyName.read(in: text, from: start) else { return nil }
        let after = block.text.range(of: name.text).map { String(block.text[$0.upperBound...]) } ?? ""
        let address = CompanyName.address(after)
        return HostFinding(
            providerID: nil, asWritten: name.text, roles: roles(around: name.range, context),
            country: address.flatMap { CountryNames.country(in: $0) }, address: address,
            evidence: [evidence(context, focus: name.range)])
    }

    private func isCompanyLine(_ text: Folded) -> Bool {
        let head = Folded(String(text.original.prefix(120)))
        return Patterns.legalForm.matches(in: head) || Patterns.companyDetails.matches(in: text)
    }

    /// Roles from the clause around the name, else the sentence, else the heading or label; else unspecified.
    private func roles(around range: NSRange, _ context: SentenceContext) -> [HostRole] {
        let clause = Clause.around(range, in: context.text, separators: [";", " tandis que ", " alors que ", " whereas ", " while "])
        for candidate in [clause, context.text] {
            let roles = RoleWords.roles(in: candidate)
            if !roles.isEmpty { return roles }
        }
        return context.contextRoles.isEmpty ? [.unspecified] : context.contextRoles
    }

    // MARK: Certifications and claims

    private mutating func readCertifications(_ context: SentenceContext, named: [String], nearby: [String]) {
        let text = context.text
        let providerIDs = { (keys: [String]) in keys.compactMap { $0.hasPrefix("provider:") ? String($0.dropFirst(9)) : nil } }
        if let range = Patterns.hds.firstRange(in: text), !Patterns.negation.matches(in: Clause.around(range, in: text)) {
            let ids = Self.unique(matcher.mentions(in: text).map(\.providerID) + providerIDs(named))
            let subject = ids.isEmpty && named.isEmpty ? providerIDs(nearby) : ids
            let namesHost = !subject.isEmpty || !named.isEmpty || (!nearby.isEmpty && ids.isEmpty)
            hds.append(HDSMention(providerIDs: subject, namesHost: namesHost, evidence: evidence(context, focus: range)))
        }
        if let range = Patterns.secNumCloud.firstRange(in: text) {
            let clause = Clause.around(range, in: text)
            let kind: SecNumCloudMention.Kind =
                Patterns.negation.matches(in: clause) ? .denied : Patterns.future.matches(in: clause) ? .inProgress : .claimed
            let ids = Self.unique(matcher.mentions(in: text).map(\.providerID))
            secNumCloud.append(
                SecNumCloudMention(kind: kind, providerIDs: ids.isEmpty ? providerIDs(nearby) : ids, evidence: evidence(context, focus: range)))
        }
    }

    private mutating func readClaims(_ context: SentenceContext) {
        let text = context.text
        if let range = Patterns.noKeys.firstRange(in: text) {
            zeroKnowledge.append(evidence(context, focus: range))
        } else if let range = Patterns.endToEnd.firstRange(in: text), !Patterns.negation.matches(in: Clause.around(range, in: text)) {
            zeroKnowledge.append(evidence(context, focus: range))
        }
        if Patterns.locationContext.matches(in: text) {
            if let range = Patterns.france.firstRange(in: text) {
                locations.append(LocationMention(location: .france, evidence: evidence(context, focus: range)))
            }
            if let range = Patterns.europe.firstRange(in: text) {
                locations.append(LocationMention(location: .europeanUnion, evidence: evidence(context, focus: range)))
            }
            if let range = Patterns.outsideEurope.firstRange(in: text), !Patterns.companySeat.matches(in: text),
                !Patterns.noTransfer.matches(in: Clause.around(range, in: text, separators: [";", ".", " mais ", " but "]))
            {
                locations.append(LocationMention(location: .outsideEU, evidence: evidence(context, focus: range)))
            }
        }
        if let range = Patterns.exposure.firstRange(in: text) {
            exposure.append(evidence(context, focus: range))
        }
    }

    private func evidence(_ context: SentenceContext, focus: NSRange) -> Evidence {
        Evidence(url: url, quote: Quote.window(context.text.original, around: focus), section: context.section, fetchedAt: fetchedAt)
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

/// One sentence with what its surroundings say.
struct SentenceContext {
    let text: Folded
    let section: String?
    /// The heading or a label ("Hébergeur :") says this part of the page is about hosting.
    let headingIsHosting: Bool
    /// Roles the heading or label states.
    let contextRoles: [HostRole]
}

/// "Hébergeur du site : …" at the start of a line.
struct Label {
    let isHosting: Bool
    let roles: [HostRole]

    init?(line: String) {
        guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 60 else { return nil }
        let label = Folded(String(line[..<colon]))
        guard Patterns.hostingHeading.matches(in: label) else { return nil }
        isHosting = true
        roles = RoleWords.roles(in: label)
    }

    init(hosting roles: [HostRole]) {
        isHosting = true
        self.roles = roles
    }
}
