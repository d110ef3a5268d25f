import Foundation

/// One extraction rule, declared once: what it finds, the words without which it cannot match (the trigger automaton
/// is built from them), its pattern over folded text, what cancels it, and sentences it must and must not match.
///
/// A finding names the rule that produced it (`Evidence.rule`): whoever reads a wrong finding opens the rule of that
/// name in `Sources/Extractor/Rules/` and finds everything about it there. `RuleTests` runs every rule's examples and
/// counter-examples, and checks that no rule can match a text that lacks its trigger words.
struct Rule: Sendable {
    /// Kebab-case, unique: shown with each finding.
    let name: String
    /// What a match means, in a sentence.
    let finds: String
    /// The word group a text must hold for the pattern to be run on it; nil for a rule only ever asked about text
    /// already chosen by another (a table's header cell, the words after a provider's name), which always runs.
    let trigger: TriggerSet?
    /// The trigger words this rule brings to its group, as the automaton reads them (folded, punctuation read as a
    /// space). Rules that share a group share its words: the group is the union of its rules' words.
    let words: [String]
    /// Nil for a rule made of its words alone (the words of a legal page, of a maintenance page).
    let pattern: FoldedRegex?
    /// Rules that, matching near this one's match, say it does not hold.
    let cancellations: [Cancellation]
    /// Sentences we wrote that the rule must find (with its trigger words, and not cancelled).
    let examples: [String]
    /// Sentences we wrote that it must not find: the pattern misses them, or a cancellation takes them back.
    let counterExamples: [String]

    init(
        _ name: String, finds: String, trigger: TriggerSet?, words: [String] = [], pattern: String?,
        cancelledBy cancellations: [Cancellation] = [], examples: [String], counterExamples: [String]
    ) {
        self.name = name
        self.finds = finds
        self.trigger = trigger
        self.words = words
        self.pattern = pattern.map { FoldedRegex(folded: $0) }
        self.cancellations = cancellations
        self.examples = examples
        self.counterExamples = counterExamples
    }

    /// The pattern alone, whatever the triggers: for text the caller has already chosen.
    func matches(in text: Folded) -> Bool {
        pattern?.matches(in: text) ?? false
    }

    func firstRange(in text: Folded) -> NSRange? {
        pattern?.firstRange(in: text)
    }

    /// The pattern, run only when the text's trigger words allow it: the text (often a clause cut out of a sentence)
    /// is not even made when they are missing.
    func matches(in text: @autoclosure () -> Folded, triggers: TriggerSet) -> Bool {
        guard mayMatch(triggers) else { return false }
        guard let pattern else { return true }
        return pattern.matches(in: text())
    }

    /// The first match its trigger words allow and no cancellation takes back.
    func find(in text: Folded, triggers: TriggerSet) -> NSRange? {
        guard mayMatch(triggers) else { return nil }
        guard let pattern else { return NSRange(location: 0, length: text.length) }
        guard let range = pattern.firstRange(in: text) else { return nil }
        let cancelled = { (range: NSRange) in self.cancellations.contains { $0.cancels(range, in: text, triggers: triggers) } }
        guard cancelled(range) else { return range }
        // A cancellation that reads only the words before a match may leave a later one standing.
        guard cancellations.contains(where: \.isLocal) else { return nil }
        return pattern.allMatches(in: text).dropFirst().first { !cancelled($0) }
    }

    func mayMatch(_ triggers: TriggerSet) -> Bool {
        trigger.map { !triggers.isDisjoint(with: $0) } ?? true
    }
}

/// A rule that takes back another's match when it matches in the same clause, or anywhere in the sentence.
struct Cancellation: Sendable {
    enum Scope: Sendable {
        /// The clause around the match (`Clause.around`), cut at these separators.
        case clause(separators: [String])
        case sentence
        /// The words just before the match, up to this many characters: the rule's pattern ends with `$`.
        case before(reach: Int)
        /// The clause around the match without a relative clause after it: in "un pays hors de l'EEE qui ne fait pas
        /// l'objet d'une décision", the negation says what the country is, not that nothing goes there.
        case mainClause(separators: [String])
    }

    let rule: Rule
    let scope: Scope

    /// In the clause around the match ("non certifié HDS ; hébergé en France" denies only the first part).
    static func inClause(_ rule: Rule, separators: [String] = Clause.defaultSeparators) -> Cancellation {
        Cancellation(rule: rule, scope: .clause(separators: separators))
    }

    /// In the clause around the match, up to a relative clause that follows it ("… qui ne …", "… which do not …").
    static func inMainClause(_ rule: Rule, separators: [String] = Clause.defaultSeparators) -> Cancellation {
        Cancellation(rule: rule, scope: .mainClause(separators: separators))
    }

    static func inSentence(_ rule: Rule) -> Cancellation {
        Cancellation(rule: rule, scope: .sentence)
    }

    /// In the words right before the match ("les utilisateurs résidant dans" before "l'Union européenne").
    static func justBefore(_ rule: Rule, reach: Int = 80) -> Cancellation {
        Cancellation(rule: rule, scope: .before(reach: reach))
    }

    /// Whether it reads only around one match, so that another match of the same sentence may stand.
    var isLocal: Bool {
        if case .before = scope { return true }
        return false
    }

    func cancels(_ range: NSRange, in text: Folded, triggers: TriggerSet) -> Bool {
        switch scope {
        case .sentence: rule.matches(in: text, triggers: triggers)
        case .clause(let separators): rule.matches(in: Clause.around(range, in: text, separators: separators), triggers: triggers)
        case .mainClause(let separators):
            rule.matches(in: Clause.around(range, in: Clause.beforeRelative(after: range, in: text), separators: separators), triggers: triggers)
        case .before(let reach):
            rule.matches(
                in: Folded((text.original as NSString).substring(with: NSRange(location: max(0, range.location - reach), length: min(reach, range.location)))),
                triggers: triggers)
        }
    }
}
