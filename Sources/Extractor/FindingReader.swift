import Foundation
import SovereigntyModel

/// Runs the rules (`Rules`) on one sentence or table row at a time and keeps what they find, each finding's evidence
/// naming the rule that produced it. `DocumentAnalysis` tracks the context (headings, labels, lists, the hosts named
/// nearby) and decides what to hand it.
struct FindingReader {
    let matcher: ProviderMatcher
    let url: String
    let fetchedAt: String

    var hosts: [HostFinding] = []
    var hds: [HDSMention] = []
    var secNumCloud: [SecNumCloudMention] = []
    var zeroKnowledge: [Evidence] = []
    var locations: [LocationMention] = []
    var exposure: [Evidence] = []
    /// Sentences saying the operator keeps the data on its own machines: the operator hosts, under the name the page
    /// gives it (`OperatorName`), found once the whole page is read.
    var ownInfrastructure: [(roles: [HostRole], evidence: Evidence)] = []

    init(matcher: ProviderMatcher, url: String, fetchedAt: String) {
        self.matcher = matcher
        self.url = url
        self.fetchedAt = fetchedAt
    }

    // MARK: Hosts in sentences

    /// Records the hosts a sentence names and returns their identity keys.
    mutating func readHosts(_ context: SentenceContext, block: TextBlock) -> [String] {
        let text = context.text
        // Certificate names ("hébergeur de données de santé") carry hosting words without saying who hosts what.
        let triggers = context.triggers
        let byHostingWords = Rules.hostingSentence.matches(in: text, triggers: triggers)
            && (!triggers.contains(.roleNoiseWords) || Rules.hostingSentence.matches(in: context.facts.withoutRoleNoise))
            && (!Rules.lodging.matches(in: text) || Rules.hostingSentence.matches(in: Folded(stripping: Rules.lodging.pattern!, from: text)))
        let inDataCentre = !byHostingWords && triggers.contains(.hosting) && Rules.hostInProvidersDataCentre.matches(in: text)
        let hostingSentence = byHostingWords || inDataCentre
        let carrierInCharge = !hostingSentence && Rules.messagingInCharge.matches(in: text, triggers: triggers)
        let messagingSentence =
            !hostingSentence && (carrierInCharge || Rules.messagingService.matches(in: text, triggers: triggers)) && context.facts.roles.contains(.messaging)
        guard hostingSentence || messagingSentence || context.headingIsHosting else {
            readOwnInfrastructure(context)
            return []
        }
        // A section about cookies or trackers names their vendors, never a host.
        if context.inCookieSection { return [] }
        // The rule that makes the sentence name hosts: its own words, else the heading or label above it.
        let rule =
            byHostingWords ? Rules.hostingSentence.name : inDataCentre ? Rules.hostInProvidersDataCentre.name
            : messagingSentence ? (carrierInCharge ? Rules.messagingInCharge.name : Rules.messagingService.name) : context.contextRule
        // Under a hosting heading, a sentence about a certificate names the host's status, not a host.
        // "X est certifié HDS", "X ne détient pas la qualification": a status sentence, not a host list.
        if !hostingSentence && !messagingSentence && (Rules.secNumCloud.matches(in: text) || Rules.hdsClaim.matches(in: text)),
            let first = context.facts.mentions.first?.range ?? CompanyName.withLegalForm(in: text).first?.range,
            Rules.statusVerb.matches(in: Folded((text.original as NSString).substring(from: first.location + first.length)))
        {
            return []
        }
        // A platform's legal status of "hébergeur" for what its users post names no hosting provider.
        if triggers.contains(.hosting) && Rules.hostStatus.matches(in: text) { return [] }
        // A ban on using the pages ("il est interdit d'extraire … des pages hébergées par X") names no host.
        if Rules.useRestriction.matches(in: text, triggers: triggers) { return [] }
        // The editor of the service is named in hosting sections too; it is not its host.
        if !hostingSentence && !messagingSentence && triggers.contains(.editorWords) && Rules.editor.matches(in: text) { return [] }
        var found: [HostFinding] = []
        var mentionsRead: [String: Int] = [:]
        for mention in context.facts.mentions {
            mentionsRead[mention.providerID, default: 0] += 1
            guard mentionsRead[mention.providerID]! <= DocumentAnalysis.maximumMentionsPerHost, !isDenied(mention.range, in: text, triggers: triggers),
                !isDistracted(mention.range, in: text, triggers: triggers)
            else { continue }
            found.append(
                HostFinding(
                    providerID: mention.providerID, asWritten: text.originalText(mention.range),
                    roles: itemRoles(roles(around: mention.range, context), context),
                    evidence: [evidence(context, focus: mention.range, rule: rule)]))
        }
        if found.isEmpty {
            found = unknownHosts(context, block: block, introduced: hostingSentence || messagingSentence, rule: rule)
        } else if hostingSentence, let name = introducedName(in: text), coordinated(name.range, with: context.facts.mentions, in: text),
            matcher.mentions(in: Folded(name.text)).isEmpty, !isAboutPayment(context),
            !isDenied(name.range, in: text, triggers: triggers), !isDistracted(name.range, in: text, triggers: triggers)
        {
            // "dans les centres de données de Exemple Ltd. et / ou Amazon Web Services": the name we do not know too.
            found.append(unknownHost(name, context, rule: Rules.hostIntroduction.name))
        }
        if found.isEmpty { readOwnInfrastructure(context) }
        hosts.append(contentsOf: found)
        return found.map(\.identityKey)
    }

    /// The host block of a legal notice names, by law (LCEN art. 6), the host of the site: when the block names one
    /// host and says only what data it keeps there ("vos données sont hébergées auprès de X"), X serves the site too.
    /// A block that names two hosts (the site at one, the data at another) is left as it says.
    mutating func presumeSiteHost(from start: Int) {
        guard start < hosts.count, Set(hosts[start...].map(\.identityKey)).count == 1,
            hosts[start...].allSatisfy({ $0.roles.allSatisfy { $0 == .healthData || $0 == .application } })
        else { return }
        for index in start..<hosts.count { hosts[index].roles = RoleWords.normalise(hosts[index].roles + [.website]) }
    }

    /// A list item under a "label : host" line that names no host of its own: the roles it states in hosting words
    /// that the label's data does not already carry (a backup copy, keys, a CDN, messages) are that host's.
    mutating func readDetails(of host: HostFinding, block: TextBlock) {
        let text = Folded(block.text)
        guard Rules.hostingSentence.matches(in: text) else { return }
        let detailed: [HostRole] = [.backup, .encryptionKeys, .cdn, .messaging]
        let roles = RoleWords.roles(in: text).filter { detailed.contains($0) && !host.roles.contains($0) }
        guard let first = roles.first, let rule = Rules.roles.first(where: { $0.0 == first })?.1,
            let focus = rule.firstRange(in: text)
        else { return }
        hosts.append(
            HostFinding(
                providerID: host.providerID, asWritten: host.asWritten, roles: roles,
                evidence: [Evidence(url: url, quote: Quote.window(block.text, around: focus), section: block.section, fetchedAt: fetchedAt, rule: rule.name)]))
    }

    /// "Stockées par nos soins sur nos propres serveurs": a sentence that names no host but the operator's own machines.
    private mutating func readOwnInfrastructure(_ context: SentenceContext) {
        guard let range = Rules.ownInfrastructure.find(in: context.text, triggers: context.triggers) else { return }
        let roles = !context.facts.roles.isEmpty ? context.facts.roles : !context.contextRoles.isEmpty ? context.contextRoles : [.application]
        ownInfrastructure.append((roles, evidence(context, focus: range, rule: Rules.ownInfrastructure.name)))
    }

    /// A provider named beside cookies, analytics or sign-in ("les cookies de Google Analytics") is not a host; words
    /// of that kind further along a long line ("Hébergeur : OVH, … — Analyse d'audience : …") speak of something else.
    private func isDistracted(_ range: NSRange, in text: Folded, triggers: TriggerSet) -> Bool {
        guard triggers.contains(.distractorWords) else { return false }
        let clause = Clause.around(range, in: text)
        guard clause.length > Self.distractorReach.before + Self.distractorReach.after + range.length else {
            return Rules.distractor.matches(in: clause)
        }
        let original = text.original as NSString
        let start = max(0, range.location - Self.distractorReach.before)
        let end = min(original.length, range.location + range.length + Self.distractorReach.after)
        return Rules.distractor.matches(in: Folded(original.substring(with: NSRange(location: start, length: end - start))))
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
        // ", qui ne recueille aucune donnée," speaks of the subject, not of the host; a condition opening the sentence
        // ("Si le montant de la commande dépasse 120 €, le contrat est stocké chez X", "Même si vous ne résidez pas aux
        // États-Unis, vos données peuvent être transmises à X") bears on when, not on whether X holds the data.
        let withoutRelative = Self.relativeClause.stringByReplacingMatches(
            in: rawBefore, range: NSRange(location: 0, length: (rawBefore as NSString).length), withTemplate: ",")
        let before = Folded(
            Self.mayOpenWithCondition(withoutRelative)
                ? Self.openingCondition.stringByReplacingMatches(
                    in: withoutRelative, range: NSRange(location: 0, length: (withoutRelative as NSString).length), withTemplate: "")
                : withoutRelative)
        var after = mention.location == NSNotFound ? "" : (clause.original as NSString).substring(from: mention.location + mention.length)
        if let comma = after.firstIndex(where: { ",.".contains($0) }) { after = String(after[..<comma]) }
        // "X ou tout autre hébergeur auquel nous pourrions faire appel": the condition is the alternative's.
        if let other = Rules.alternativeHost.firstRange(in: Folded(after)) { after = (after as NSString).substring(to: other.location) }
        let afterText = Folded(after)
        return Rules.hostDenial.matches(in: before) || Rules.conditional.matches(in: before) || Rules.conditional.matches(in: afterText)
            || Rules.formerHost.matches(in: before)
            || Rules.ownership.matches(in: before) || Rules.denialAfter.matches(in: afterText)
    }

    /// Providers we do not know: named after "hébergé par" / "Hébergeur :", or a company with its legal form in a hosting context.
    private func unknownHosts(_ context: SentenceContext, block: TextBlock, introduced: Bool, rule: String) -> [HostFinding] {
        let text = context.text
        // A list of providers for hosting among other purposes: a company we do not know is there for another one.
        if context.knownProvidersOnly && block.isListItem { return [] }
        // Card data kept "sur les serveurs X": X is a payment provider.
        if isAboutPayment(context) { return [] }
        var names: [(text: String, range: NSRange)] = []
        var rule = rule
        if introduced, let name = introducedName(in: text) {
            names.append(name)
            rule = Rules.hostIntroduction.name
        } else if introduced, let phrase = Rules.hostAsSubject.firstRange(in: text),
            let name = CompanyName.subject(before: phrase.location, in: text)
        {
            names.append(name)
            rule = Rules.hostAsSubject.name
        } else if rule == Rules.messagingInCharge.name, let phrase = Rules.messagingInCharge.firstRange(in: text),
            let name = CompanyName.subject(before: phrase.location, in: text)
        {
            // "X est le sous-traitant en charge de l'envoi des SMS": the subject carries the messages.
            names.append(name)
        } else if rule == Rules.messagingService.name, let name = carrierNamed(in: text) {
            names.append(name)
            rule = Rules.messagingCarrier.name
        } else if let start = context.valueStart, let name = CompanyName.read(in: text, from: start), CompanyName.looksLikeName(name.text) {
            names.append(name)
        } else if let range = Rules.hostBlockRunIn.firstRange(in: text), let name = CompanyName.read(in: text, from: range.location + range.length),
            Self.isCapitalsOrLegalForm(name.text)
        {
            names.append(name)
            rule = Rules.hostBlockRunIn.name
        } else if context.headingIsHosting || introduced {
            names = CompanyName.withLegalForm(in: text).map { CompanyName.afterHostLabel($0, in: text) }
            // An item of a list a hosting sentence introduced, headed by a bare name ("oXya – en Île-de-France").
            if names.isEmpty, context.namesProviders, block.isListItem, let head = CompanyName.itemHead(in: text) {
                names = [head]
                rule = Rules.providerWords.name
            }
            // A table row written out as a line: "Exemple – Services de marketing par e-mail".
            if names.isEmpty, introduced, !block.isHeading, let head = Self.nameBeforeService(in: text) {
                names = [head]
                rule = Rules.nameThenService.name
            }
            // Only messaging words make it a host sentence: the carrier is the one they name ("envoyés par X",
            // "X envoie les SMS"), not every company of the sentence (an address for a withdrawal letter "envoyée
            // par la poste").
            if !context.headingIsHosting, rule == Rules.messagingService.name, let phrase = Rules.messagingService.firstRange(in: text) {
                names = names.filter { name in
                    name.range.location >= phrase.location + phrase.length
                        || (name.range.location + name.range.length <= phrase.location
                            && phrase.location - (name.range.location + name.range.length) <= Self.carrierReach)
                }
            }
        }
        // The operator named before "avec des ressources techniques fournies par" runs the hosting; the controllers
        // named before "définissent les finalités", "détermine l'hébergement" decide it: none of them is a host.
        let operatorEnd =
            context.triggers.contains(.hosting)
            ? [Rules.operatorOnProviders, Rules.controllerDecides].compactMap { $0.firstRange(in: text)?.location }.min() : nil
        let beforeOperatorEnd = { (name: (text: String, range: NSRange)) in operatorEnd.map { name.range.location < $0 } ?? false }
        // Named again further on ("… fournies par des tiers mandatés par X"), it is still the operator or controller.
        let operators = Set(names.filter(beforeOperatorEnd).map(\.text))
        return names.prefix(DocumentAnalysis.maximumNamesPerSentence).filter { name in
            !isDenied(name.range, in: text, triggers: context.triggers) && !isDistracted(name.range, in: text, triggers: context.triggers)
                && !PlaceOnlyNames.isPlace(name.text)
                && !beforeOperatorEnd(name) && !operators.contains(name.text)
        }.map { unknownHost($0, context, rule: rule) }
    }

    /// "Exemple – Services de marketing par e-mail", "Exemple | Pays-Bas - Hébergement du site": a name heading a short
    /// line, a dash, then the service, which says the hosting or messaging words the line was read for.
    static func nameBeforeService(in text: Folded) -> (text: String, range: NSRange)? {
        guard mayEndWithService(text), let head = CompanyName.itemHead(in: text), head.range.location <= 2,
            !Self.divisionWords.contains(Folded(head.text).folded.split(separator: " ").first.map(String.init) ?? "")
        else { return nil }
        let original = text.original as NSString
        let rest = Folded(original.substring(from: head.range.location + head.range.length))
        guard Rules.nameThenService.matches(in: rest),
            Rules.hostingService.matches(in: rest) || Rules.messagingService.matches(in: rest)
        else { return nil }
        return head
    }

    /// What `nameThenService` needs of the text's end, looked at before a name is read (most host sentences end with a
    /// full stop): a dash somewhere, and a last character that is not ".", ";" or ":" (unless a line break ends the
    /// text, which `$` may stand before).
    private static func mayEndWithService(_ text: Folded) -> Bool {
        guard ["-", "–", "—"].contains(where: { UTF8Bytes.contains(text.folded, $0) }), let last = text.folded.unicodeScalars.last else { return false }
        return !".;:".unicodeScalars.contains(last)
    }

    /// Words that number a part of the document ("Article 7 – Hébergement"), not a company.
    private static let divisionWords: Set<String> = ["article", "chapitre", "section", "annexe", "partie", "titre", "clause", "appendix", "part"]

    /// The company after "par", "via" (and "la société", "notre prestataire") past the messaging words of the sentence:
    /// "l'envoi de la newsletter est effectué par la société EXEMPLE".
    private func carrierNamed(in text: Folded) -> (text: String, range: NSRange)? {
        guard let phrase = Rules.messagingService.firstRange(in: text) else { return nil }
        let phraseEnd = phrase.location + phrase.length
        for match in Rules.messagingCarrier.pattern!.allMatches(in: text) where match.location >= phraseEnd {
            if let name = CompanyName.read(in: text, from: match.location + match.length), !CompanyName.isCommonWord(name.text),
                !PlaceOnlyNames.isPlace(name.text)
            {
                return name
            }
        }
        return nil
    }

    /// The sentence, or the section it stands in, speaks of payment or card data.
    private func isAboutPayment(_ context: SentenceContext) -> Bool {
        Rules.paymentData.matches(in: context.text) || context.section.map { Rules.paymentData.matches(in: Folded($0)) } == true
    }

    /// "…de Exemple Ltd. et / ou Amazon Web Services": a name joined to the next known provider by "et", "ou" or a
    /// comma, so that both are named alike; a name whose known provider is elsewhere in the sentence (an address in
    /// "Salesforce Tower") may be that provider written otherwise.
    private func coordinated(_ range: NSRange, with mentions: [ProviderMatcher.Mention], in text: Folded) -> Bool {
        let end = range.location + range.length
        let original = text.original as NSString
        return mentions.contains { mention in
            guard mention.range.location >= end, mention.range.location - end <= 12 else { return false }
            let between = original.substring(with: NSRange(location: end, length: mention.range.location - end))
            return between.range(of: #"^[\s.,]*(?:,|\bet\b|\bou\b|\band\b|\bor\b|/)[\s/]*(?:ou\s+)?$"#, options: .regularExpression) != nil
        }
    }

    /// A host we do not know, named in a sentence, with the address that follows its name and the roles around it.
    private func unknownHost(_ name: (text: String, range: NSRange), _ context: SentenceContext, rule: String) -> HostFinding {
        // The address may follow on the next line of the block: read on from the name, in the block.
        let following = context.following
        let after = following.utf16.index(
            following.startIndex, offsetBy: name.range.location + name.range.length, limitedBy: following.endIndex
        ).map { String(following[$0...].prefix(DocumentAnalysis.addressWindow)) } ?? ""
        let address = CompanyName.address(after)
        return HostFinding(
            providerID: nil, asWritten: name.text, roles: subjectRoles(of: name.range, rule: rule, context) ?? roles(around: name.range, context),
            country: address.flatMap { CountryNames.country(in: $0) }, address: address,
            evidence: [evidence(context, focus: name.range, rule: rule)])
    }

    /// "Exemple Chat, outil de messagerie, qui héberge les données": what the subject hosts is said after the phrase.
    private func subjectRoles(of range: NSRange, rule: String, _ context: SentenceContext) -> [HostRole]? {
        guard rule == Rules.hostAsSubject.name, let phrase = Rules.hostAsSubject.firstRange(in: context.text) else { return nil }
        // Up to the first comma: "assurant l'hébergement des portails, l'analyse des usages…" hosts only the portals.
        var rest = (context.text.original as NSString).substring(from: phrase.location)
        if let comma = rest.firstIndex(of: ",") { rest = String(rest[..<comma]) }
        let roles = RoleWords.roles(in: Folded(rest))
        return roles.isEmpty ? nil : roles
    }

    /// The name after "hébergé par", "sur les serveurs", "dans les centres de données de": the first of these phrases
    /// followed by a name. A description may come between ("par le partenaire Exemple (société Exemple Web)", "chez
    /// un prestataire européen (EXEMPLE)"): the company in the parenthesis is the one named.
    private func introducedName(in text: Folded) -> (text: String, range: NSRange)? {
        for match in Rules.hostIntroduction.pattern!.allMatches(in: text) {
            let start = match.location + match.length
            if let name = CompanyName.read(in: text, from: start), !CompanyName.isCommonWord(name.text) {
                return CompanyName.entityInParenthesis(after: name, in: text) ?? name
            }
            if let name = CompanyName.afterDescription(in: text, from: start), !CompanyName.isCommonWord(name.text) { return name }
        }
        return nil
    }

    /// How far before a messaging phrase, in characters, the carrier named as its subject may end ("X SAS envoie les SMS").
    private static let carrierReach = 30

    /// "EXEMPLE NET", "Exemple SAS": a value that reads as a name without a colon to say so.
    private static func isCapitalsOrLegalForm(_ name: String) -> Bool {
        let letters = name.filter(\.isLetter)
        return (letters.count >= 3 && letters.allSatisfy(\.isUppercase)) || !CompanyName.withLegalForm(in: Folded(name)).isEmpty
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
        // "Exemple utilise l'infrastructure globale de X": X runs the service's back end.
        if context.triggers.contains(.hosting), Rules.serviceOnInfrastructure.matches(in: context.text) { return [.application] }
        // "L'hébergement est assuré par X" with nothing else: the legal notice's host block, in a sentence. Under a
        // "Hébergeur" heading, so is a block that starts with the name or gives its identity (capital, RCS, address),
        // and a sentence about hosting; a passing mention there ("certifié HDS") says nothing of the role.
        let isHostBlock =
            Rules.hostBlockSentence.matches(in: context.text) || Rules.hostBlockRunIn.matches(in: context.text)
            || (context.underHostBlockHeading
                && (range.location == 0 || Rules.companyDetails.matches(in: context.text) || Rules.hostingSentence.matches(in: context.text)))
        return isHostBlock ? [.website] : [.unspecified]
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
        guard !Rules.definedTerm.matches(in: inside) else { return [] }
        return RoleWords.roles(in: inside)
    }

    /// Roles of a name in a list item: what the item says, plus what the sentence introducing the list said.
    private func itemRoles(_ roles: [HostRole], _ context: SentenceContext) -> [HostRole] {
        guard context.fromIntroduction, !context.contextRoles.isEmpty, !roles.contains(.unspecified) else { return roles }
        return RoleWords.normalise(roles + context.contextRoles)
    }

    // MARK: Subprocessor tables

    /// One row of a subprocessor table: a host when its service cell says it hosts, stores or carries data.
    mutating func readRow(_ block: TextBlock, table: SubprocessorTable) -> [String] {
        let rowEvidence = rowEvidence(block)
        readPlaces(in: table.cell(.location, of: block), rowEvidence)
        let service = Folded(table.cell(.service, of: block) ?? block.text)
        let serviceRule =
            Rules.hostingService.matches(in: service) ? Rules.hostingService
            : Rules.messagingService.matches(in: service) && RoleWords.roles(in: service).contains(.messaging) ? Rules.messagingService : nil
        guard let serviceRule else { return [] }
        let names = [table.cell(.provider, of: block), table.cell(.entity, of: block)].compactMap { $0 }.map(Folded.init)
        let found = rowHosts(
            names: names, roles: RoleWords.roles(in: service), country: table.cell(.entity, of: block).flatMap { CountryNames.country(in: $0) },
            evidence: rowEvidence(serviceRule.name)) { CompanyName.read(in: $0, from: 0)?.text }
        if Rules.hdsClaim.matches(in: service) && !Rules.negation.matches(in: service) {
            hds.append(HDSMention(providerIDs: found.compactMap(\.providerID), namesHost: !found.isEmpty, evidence: rowEvidence(Rules.hdsClaim.name)))
        }
        hosts.append(contentsOf: found)
        return found.map(\.identityKey)
    }

    // MARK: Hosting-chain disclosures (HDS 2024)

    /// One actor's row: a host of the chain, with the roles its row gives, its own answers to the two questions, its
    /// HDS and SecNumCloud statements, and the exposure it admits. Every fact quotes the row.
    mutating func readDisclosure(_ block: TextBlock, table: DisclosureTable) -> [String] {
        guard let actor = table.cell(.actor, of: block) else { return [] }
        let rowEvidence = rowEvidence(block)
        let evidence = rowEvidence(table.rule)
        readPlaces(in: table.cell(.location, of: block), rowEvidence)
        var found = rowHosts(
            names: [Folded(actor)], roles: table.cell(.role, of: block).map { RoleWords.roles(in: Folded($0)) } ?? [],
            country: table.cell(.location, of: block).flatMap { CountryNames.country(in: $0) }, evidence: evidence
        ) { name in
            // An actor we do not know: its name as the cell writes it (a name, not a sentence).
            CompanyName.read(in: name, from: 0)?.text ?? Self.bareName(actor)
        }
        guard !found.isEmpty else { return [] }
        let disclosure = ChainDisclosure(
            accessOutsideEEA: table.answer(.access, of: block), exposedToThirdCountryLaw: table.answer(.exposure, of: block), evidence: evidence)
        for index in found.indices { found[index].chainDisclosure = disclosure }
        let ids = found.compactMap(\.providerID)
        if table.answer(.hds, of: block) == true {
            hds.append(HDSMention(providerIDs: ids, namesHost: true, evidence: evidence))
        }
        if let qualified = table.answer(.secNumCloud, of: block) {
            secNumCloud.append(SecNumCloudMention(kind: qualified ? .claimed : .denied, providerIDs: ids, evidence: evidence))
        }
        if disclosure.exposedToThirdCountryLaw == true { exposure.append(evidence) }
        hosts.append(contentsOf: found)
        return found.map(\.identityKey)
    }

    /// A table row's evidence: the row, its cells joined by " | ", for the rule that read it.
    private func rowEvidence(_ block: TextBlock) -> (String) -> Evidence {
        let (url, fetchedAt) = (url, fetchedAt)
        let focus = NSRange(location: 0, length: block.text.isEmpty ? 0 : 1)
        return { rule in
            Evidence(url: url, quote: Quote.window(block.text, around: focus), section: block.section, fetchedAt: fetchedAt, rule: rule)
        }
    }

    /// The places a row's location cell names, each quoting the row.
    private mutating func readPlaces(in cell: String?, _ rowEvidence: (String) -> Evidence) {
        guard let cell else { return }
        for (location, _, rule) in PlaceNames.locations(in: Folded(cell)) {
            locations.append(LocationMention(location: location, evidence: rowEvidence(rule)))
        }
    }

    /// The hosts a row's name cells give: the providers we know in them, else the last cell's name as `unknown` reads
    /// it, with the row's roles (`unspecified` when it states none).
    private func rowHosts(
        names: [Folded], roles: [HostRole], country: @autoclosure () -> String?, evidence: Evidence, unknown: (Folded) -> String?
    ) -> [HostFinding] {
        let roles = roles.isEmpty ? [HostRole.unspecified] : roles
        var found: [HostFinding] = []
        var seen: Set<String> = []
        for name in names {
            for mention in matcher.mentions(in: name) where seen.insert(mention.providerID).inserted {
                found.append(HostFinding(providerID: mention.providerID, asWritten: name.originalText(mention.range), roles: roles, evidence: [evidence]))
            }
        }
        if found.isEmpty, let last = names.last, let written = unknown(last) {
            found.append(HostFinding(providerID: nil, asWritten: written, roles: roles, country: country(), evidence: [evidence]))
        }
        return found
    }

    /// A cell that is only a name ("Nuvéa", "Acme Cloud"): short, capitalised, no sentence in it.
    private static func bareName(_ cell: String) -> String? {
        let name = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...60).contains(name.count), name.first?.isUppercase == true, !name.contains(where: { ".:;".contains($0) }) else { return nil }
        return name
    }

    // MARK: Certifications and claims

    mutating func readCertifications(_ context: SentenceContext, named: [String], nearby: [String]) {
        let text = context.text
        let providerIDs = { (keys: [String]) in keys.compactMap { $0.hasPrefix("provider:") ? String($0.dropFirst(9)) : nil } }
        let triggers = context.triggers
        if let range = Rules.hdsClaim.find(in: text, triggers: triggers) {
            let ids = Self.unique(context.facts.mentions.map(\.providerID) + providerIDs(named))
            // Only a sentence that names no host looks back to the hosts named before it; "des hébergeurs certifiés"
            // does not point back to them.
            let nearby = !ids.isEmpty || !named.isEmpty || Rules.indefiniteHost.matches(in: text) ? [] : nearby
            let subject = ids.isEmpty && named.isEmpty ? providerIDs(nearby) : ids
            let namesHost = !subject.isEmpty || !named.isEmpty || !nearby.isEmpty
            hds.append(HDSMention(providerIDs: subject, namesHost: namesHost, evidence: evidence(context, focus: range, rule: Rules.hdsClaim.name)))
        }
        if let range = Rules.secNumCloud.firstRange(in: text) {
            let clause = Clause.around(range, in: text)
            // The kind, and the rule that decided it.
            let kind: (SecNumCloudMention.Kind, Rule)? =
                Rules.future.matches(in: clause) ? (.inProgress, Rules.future)
                : Rules.negation.matches(in: clause, triggers: triggers)
                    ? (Rules.qualificationUnderWay.find(in: text, triggers: triggers) != nil
                        ? (.inProgress, Rules.qualificationUnderWay) : (.denied, Rules.negation))
                : Rules.secNumCloudHeld.matches(in: text) ? (.claimed, Rules.secNumCloudHeld) : nil
            if let (kind, decidedBy) = kind {
                let ids = Self.unique(context.facts.mentions.map(\.providerID))
                secNumCloud.append(
                    SecNumCloudMention(
                        kind: kind, providerIDs: ids.isEmpty ? providerIDs(nearby) : ids,
                        evidence: evidence(context, focus: range, rule: "\(Rules.secNumCloud.name)+\(decidedBy.name)")))
            }
        }
    }

    mutating func readEncryption(_ context: SentenceContext) {
        let text = context.text
        if let range = Rules.noKeys.firstRange(in: text) {
            zeroKnowledge.append(evidence(context, focus: range, rule: Rules.noKeys.name))
        } else if let range = Rules.endToEnd.find(in: text, triggers: context.triggers) {
            zeroKnowledge.append(evidence(context, focus: range, rule: Rules.endToEnd.name))
        }
    }

    mutating func readLocations(_ context: SentenceContext) {
        let triggers = context.triggers
        // Each place below needs its own words (France, Europe, outside it): without any, the data words need no look.
        guard !triggers.isDisjoint(with: Self.placeWords) else { return }
        // A web address names no place ("ec.europa.eu"), and its words keep no data (".../transferts-hors-ue/").
        let text = Self.mayHoldWebAddress(context.text.folded) ? Folded(stripping: Rules.webAddress.pattern!, from: context.text) : context.text
        // An item of a list of hosts says where that host keeps data, unless it gives the company's seat.
        let listedHost = context.listedUnderHosting && !Rules.companySeat.matches(in: text)
        guard listedHost || Rules.locationContext.matches(in: text) else { return }
        for rule in [Rules.locationFrance, Rules.locationFranceMore] {
            guard let range = rule.find(in: text, triggers: triggers) else { continue }
            locations.append(LocationMention(location: .france, evidence: evidence(context, focus: range, rule: rule.name)))
            break
        }
        // "à l'intérieur ou à l'extérieur de l'UE", "sous-traitants (UE et hors UE)": both places at once.
        if triggers.contains(.outsideWords), let range = Rules.insideAndOutside.find(in: text, triggers: triggers) {
            let evidence = evidence(context, focus: range, rule: Rules.insideAndOutside.name)
            locations.append(LocationMention(location: .europeanUnion, evidence: evidence))
            locations.append(LocationMention(location: .outsideEU, evidence: evidence))
            return
        }
        // "hors de l'Union européenne" names the EU to say "outside": that part is not an EU location.
        // The EU as a place of residence, of law or of origin ("résidents de l'EEE", "Règlement (UE)", "transférées
        // depuis l'EEE") locates no data: an EU location needs words of keeping data somewhere.
        let locationsBefore = locations.count
        if triggers.contains(.europeWords), listedHost || Rules.keptSomewhere.matches(in: text) {
            let withoutOutside = triggers.contains(.outsideWords) ? Folded(stripping: Rules.outsideEurope.pattern!, from: text) : text
            if let range = Rules.locationEurope.find(in: withoutOutside, triggers: triggers) {
                locations.append(LocationMention(location: .europeanUnion, evidence: evidence(context, focus: range, rule: Rules.locationEurope.name)))
            } else if Rules.dataCentreNamed.matches(in: text), let range = Rules.euCountryNearDataCentre.firstRange(in: withoutNames(text)) {
                locations.append(
                    LocationMention(location: .europeanUnion, evidence: evidence(context, focus: range, rule: Rules.euCountryNearDataCentre.name)))
            }
        }
        // Else a denial of any transfer outside the EU says the data stay in it.
        if locations.count == locationsBefore,
            let range = Rules.insideByDenial.find(in: text, triggers: triggers)
        {
            locations.append(LocationMention(location: .europeanUnion, evidence: evidence(context, focus: range, rule: Rules.insideByDenial.name)))
        }
        if let range = Rules.outsideEurope.find(in: text, triggers: triggers) {
            locations.append(LocationMention(location: .outsideEU, evidence: evidence(context, focus: range, rule: Rules.outsideEurope.name)))
        }
    }

    /// Whether a web address may be in the text ("/", "@", "www.", ".eu"), read on its bytes: most sentences hold none.
    private static func mayHoldWebAddress(_ text: String) -> Bool {
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)  // the last three bytes
        for byte in text.utf8 {
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "@") { return true }
            if byte == UInt8(ascii: "."), previous == (UInt8(ascii: "w"), UInt8(ascii: "w"), UInt8(ascii: "w")) { return true }
            if byte == UInt8(ascii: "u"), previous.1 == UInt8(ascii: "."), previous.2 == UInt8(ascii: "e") { return true }
            previous = (previous.1, previous.2, byte)
        }
        return false
    }

    /// The trigger words without which `readLocations` finds no place, one group for each of its place rules.
    private static let placeWords: TriggerSet = [.franceWords, .franceMoreWords, .europeWords, .outsideWords]

    /// A named surveillance law or a US parent discloses exposure by itself; a foreign law or authority only when
    /// the sentence hands data over to it (`handed-over`); so does access from abroad that cannot be ruled out, or the
    /// Data Privacy Framework's notice of requests by public authorities, which also place the data outside the EU.
    mutating func readExposure(_ context: SentenceContext) {
        let text = context.text
        // Access from a named country outside the EU that cannot be ruled out, or requests under a framework for
        // transfers to one: the data may go there (the labelling policy's reading of a possible transfer), whichever
        // rule below discloses the exposure.
        let fromAbroad = [Rules.reachFromAbroad, Rules.frameworkDisclosure].lazy
            .compactMap { rule in rule.find(in: text, triggers: context.triggers).map { (rule: rule, range: $0) } }.first
        if let fromAbroad {
            locations.append(LocationMention(location: .outsideEU, evidence: evidence(context, focus: fromAbroad.range, rule: fromAbroad.rule.name)))
        }
        if let range = Rules.exposure.find(in: text, triggers: context.triggers) {
            exposure.append(evidence(context, focus: range, rule: Rules.exposure.name))
            return
        }
        for rule in [Rules.foreignAuthorities, Rules.foreignLaw] {
            guard let range = rule.find(in: text, triggers: context.triggers), Rules.handedOver.matches(in: text) else { continue }
            exposure.append(evidence(context, focus: range, rule: rule.name))
            // Authorities of a named country outside the EU handed the data: the data leaves the EU for it.
            if rule.name == Rules.foreignAuthorities.name, let place = Rules.outsideByAuthorities.find(in: text, triggers: context.triggers) {
                locations.append(LocationMention(location: .outsideEU, evidence: evidence(context, focus: place, rule: Rules.outsideByAuthorities.name)))
            }
            return
        }
        if let fromAbroad {
            exposure.append(evidence(context, focus: fromAbroad.range, rule: fromAbroad.rule.name))
        } else if let range = Rules.thoseCountriesAuthorities.find(in: text, triggers: context.triggers) {
            exposure.append(evidence(context, focus: range, rule: Rules.thoseCountriesAuthorities.name))
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

    private func evidence(_ context: SentenceContext, focus: NSRange, rule: String) -> Evidence {
        Evidence(url: url, quote: Quote.window(context.text.original, around: focus), section: context.section, fetchedAt: fetchedAt, rule: rule)
    }

    /// Whether the text starts with a word `openingCondition` may start with ("Si", "S'il", "Même", "If", "Even"), read
    /// on its first bytes: most sentences do not, and ICU need not look.
    private static func mayOpenWithCondition(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { $0 != UInt8(ascii: " ") }) else { return false }
        return "sSmMiIeE".utf8.contains(first)
    }

    /// "Si …,", "Même si …,", "S'il …," at the head of a sentence, up to its first comma.
    private static let openingCondition = try! NSRegularExpression(
        pattern: #"^\s*(?:m[êe]me\s+)?(?:si|s['’]ils?|if|even\s+if)\b[^,;]*,"#, options: [.caseInsensitive])

    private static let relativeClause = try! NSRegularExpression(
        pattern: #",\s*(?:qui|which|that|dont|lequel|laquelle|where|où)\b[^,]*,"#, options: [.caseInsensitive])

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
