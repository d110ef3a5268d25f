@testable import Extractor
import Foundation
import Testing
import InputFiles
import TestSupport

/// Every rule declared in `Sources/Extractor/Rules`, run on its own examples and counter-examples (sentences we
/// wrote), and checked against the words that trigger it.
@Suite struct RuleTests {
    static let names = Rules.all.map(\.name)

    static func rule(_ name: String) -> Rule { Rules.all.first { $0.name == name }! }

    /// What the reader does with a sentence: normalise it, take its trigger words, fold it.
    static func read(_ sentence: String) -> (text: Folded, triggers: TriggerSet) {
        let normalized = TextNormalizer.normalize(sentence)
        return (Folded(normalized), Triggers.scan(normalized))
    }

    @Test func everyRuleHasAUniqueNameAndExamplesOfBothKinds() {
        #expect(Set(Self.names).count == Self.names.count)
        for rule in Rules.all {
            #expect(rule.name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.name)")
            #expect(!rule.finds.isEmpty && !rule.examples.isEmpty && !rule.counterExamples.isEmpty, "\(rule.name)")
            #expect(rule.words.isEmpty || rule.trigger != nil, "\(rule.name) brings words to no group")
        }
    }

    @Test(arguments: names) func findsItsExamplesAndNotItsCounterExamples(_ name: String) {
        let rule = Self.rule(name)
        let missed = rule.examples.filter { example in
            let (text, triggers) = Self.read(example)
            return rule.find(in: text, triggers: triggers) == nil
        }
        let found = rule.counterExamples.filter { counter in
            let (text, triggers) = Self.read(counter)
            return rule.find(in: text, triggers: triggers) != nil
        }
        #expect(missed.isEmpty, "\(name) misses its examples: \(missed)")
        #expect(found.isEmpty, "\(name) finds its counter-examples: \(found)")
    }

    /// A rule whose trigger words miss some of what its pattern matches would never fire on those sentences, and
    /// nothing would say so: texts made from the pattern itself, between words and signs, hold its words whenever
    /// the pattern matches them.
    @Test(arguments: Rules.all.filter { $0.trigger != nil && $0.pattern != nil }.map(\.name))
    func neverMatchesWithoutItsTriggerWords(_ name: String) {
        let rule = Self.rule(name)
        let pattern = rule.pattern!
        var random = SplitMix(state: UInt64(Self.names.firstIndex(of: name)!))
        let fillers = ["", " ", "x ", "les ", "de ", ". ", "(", "é ", "« ", "’", "-", "12345 ", "donnees ", "\u{A0}"]
        var sentences = rule.examples
        for _ in 0..<1500 {
            var generator = RegexLiteralsTests.Generator(pattern: Array(pattern.regex.pattern.unicodeScalars), random: random)
            sentences.append(random.pick(fillers) + generator.alternation() + random.pick(fillers))
            random = generator.random
            _ = random.next()
        }
        var matched = 0
        var untriggered: [String] = []
        for sentence in sentences {
            let (text, triggers) = Self.read(sentence)
            guard pattern.matches(in: text) else { continue }
            matched += 1
            if !rule.mayMatch(triggers) { untriggered.append(sentence) }
        }
        #expect(untriggered.isEmpty, "\(name) matches without its trigger words: \(untriggered.prefix(8))")
        #expect(matched > 50, "\(name): \(matched) matches")
    }

    /// The automaton is built from the rules' words: every group a rule gates on has words, and the block scan looks
    /// for the words of every kind that decides whether a block is read.
    @Test func everyTriggerGroupHasWords() {
        for rule in Rules.all {
            guard let trigger = rule.trigger else { continue }
            #expect(Rules.triggerGroups.contains { $0.0 == trigger && !$0.1.isEmpty }, "\(rule.name): no word triggers it")
        }
    }

    /// Each lexicon entry is written once, and places once across the place lists.
    @Test func lexiconsHoldEachEntryOnce() {
        for name in [
            "french-cities", "data-centre-cities", "cloud-regions-france", "legal-forms", "future-words", "negation-words", "hosting-words",
            "data-centre-words", "hosting-heading-words", "messaging-words", "role-encryption-keys", "role-backup", "role-messaging", "role-cdn",
            "role-data", "role-application", "role-website",
        ] {
            let entries = Lexicon.entries(name)
            #expect(!entries.isEmpty && Set(entries).count == entries.count, "\(name)")
        }
        let places = (Places.europeanCountries + Places.otherCountries + Places.citiesAbroad).map(\.name)
        #expect(Set(places).count == places.count)
        #expect(places.allSatisfy { Folded($0).folded == $0.lowercased() && $0 == $0.lowercased() })
    }

    /// The rule of each finding is shown with it: a reader of a wrong finding knows which rule to fix.
    @Test func findingsNameTheirRule() throws {
        let html = """
            <html><body><h2>Hébergement</h2><p>Les données de santé sont hébergées par Nuage Exemple SAS, certifié HDS, en France.</p>
            <p>Exemple Cloud est soumis au Cloud Act.</p></body></html>
            """
        let extractor = Extractor(catalog: try ProviderList.load(path: Fixtures.providers))
        let findings = extractor.extract(html: Data(html.utf8), charset: "utf-8", url: "https://example.test/mentions", fetchedAt: "t")
        let ruleNames = Set(Self.names)
        let evidence = findings.hosts.flatMap(\.evidence) + findings.hds.map(\.evidence) + findings.dataLocations.map(\.evidence)
            + findings.exposureDisclosures
        #expect(!findings.hosts.isEmpty && !findings.hds.isEmpty && !findings.dataLocations.isEmpty && !findings.exposureDisclosures.isEmpty)
        for item in evidence {
            let names = (item.rule ?? "").split(separator: "+").map(String.init)
            #expect(!names.isEmpty && names.allSatisfy(ruleNames.contains), "\(item.rule ?? "no rule") for \(item.quote)")
        }
        #expect(findings.hosts.first?.evidence.first?.rule == "host-introduction")  // a provider not in the catalogue, after "hébergées par"
    }
}
