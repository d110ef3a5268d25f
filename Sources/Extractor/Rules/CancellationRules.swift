import Foundation

/// Rules that take back another rule's match: a negation, a condition, a former host, an owner named where a host
/// would be. They are named in the `cancelledBy` of the rules they cancel, or read around each provider's name.
extension Rules {
    static let negationWords = Lexicon.entries("negation-words")

    static let negation = Rule(
        "negation", finds: "Within a clause: the statement is denied (\"ne … pas\", \"non certifié\", \"not\", \"sans certification\").",
        trigger: .negationWords, words: Lexicon.triggerWords(negationWords),
        pattern: #"\bne\b[^.;]{0,60}\b(?:pas|plus|jamais|aucun|aucune)\b|\bn'[a-z]+\b[^.;]{0,60}\b(?:pas|plus|jamais)\b|\bnon[- ](?:certifi|qualifi|agre)|\bnot\b|\bno longer\b|\bsans\b[^.;]{0,20}(?:certification|qualification|agrement)|\baucune?\s+(?:certification|qualification)|\bpas\s+(?:encore\s+)?(?:certifi|qualifi)"#,
        examples: ["Exemple Cloud n'est pas certifié HDS.", "Example is not certified.", "un hébergeur non certifié"],
        counterExamples: ["Exemple Cloud est certifié HDS."])

    static let noTransfer = Rule(
        "no-transfer", finds: "Within a clause: no data goes where the sentence names (\"aucune donnée n'est transférée hors de l'UE\").",
        trigger: .negationWords,
        pattern: #"\baucune?\b|\bdo not\b|\bjamais\b|\bne\b[^.]{0,60}\bpas\b|\bn'[a-z]+\b[^.]{0,60}\bpas\b|\bno\b|\bnot\b|\bnever\b|\bsans\b"#,
        examples: ["Aucune donnée n'est transférée hors de l'UE.", "We never transfer data outside the EU."],
        counterExamples: ["Des données sont transférées aux États-Unis."])

    static let hostDenial = Rule(
        "host-denial", finds: "Before a provider's name: the sentence denies that it holds anything (\"aucune donnée n'est hébergée chez X\").",
        trigger: .negationWords, pattern: #"\bne\b|\bn'|\baucune?\b|\bjamais\b|\bnever\b|\bno\b|\bnot\b|\bnone\b|\bni\b|\bsans\b|\bwithout\b|\bplus de\b"#,
        examples: ["Aucune donnée n'est hébergée chez", "We do not use"], counterExamples: ["Les données sont hébergées chez"])

    static let denialAfter = Rule(
        "denial-after", finds: "Right after a provider's name, or after the group it heads (\"X et ses filiales\"): \"X n'héberge aucune donnée\".",
        trigger: .negationWords, pattern: #"^\s*(?:,?\s*(?:et|and)\s+(?:ses|nos|leurs|its|our|their|les|the)\s+[^,.;]{0,40}?\s+)?(?:ne|n')\b|^\s*(?:,?\s*(?:et|and)\s+(?:ses|nos|leurs|its|our|their|les|the)\s+[^,.;]{0,40}?\s+)?(?:do not|does not|doesn't|don't|never)\b"#,
        examples: [" n'héberge aucune donnée", " does not host", " et nos sociétés affiliées ne prennent aucune responsabilité", " and its affiliates do not store"],
        counterExamples: [" héberge les données", " et ses filiales hébergent les données"])

    static let alternativeHost = Rule(
        "alternative-host",
        finds: "After a provider's name: \"X ou tout autre hébergeur auquel nous pourrions faire appel\" — what follows speaks of other hosts, and a condition there does not reach X.",
        trigger: nil, pattern: #"\b(?:ou|or)\s+(?:(?:a|an)\s+)?(?:tout|toute|tous|toutes|any|such)\s+(?:autres?|other)\b|\bou\s+(?:un|une|d'autres)\s+autres?\b"#,
        examples: [" ou tout autre hébergeur certifié auquel nous pourrions faire appel", " or any other provider we may choose"],
        counterExamples: [" pourrait être remplacé"])

    static let conditional = Rule(
        "conditional", finds: "Statements that only might happen: a possible migration is not a host.",
        trigger: .conditionalWords, words: ["pourrai", "serai", "envisag", "could", "would", "might", "eventuel"] + Lexicon.triggerWords(["si"]),
        pattern: #"\bpourrai(?:t|ent)\b|\bserai(?:t|ent)\b|\benvisag|\bcould\b|\bwould\b|\bmight\b|\bsi\s+(?:cette|ce|nous|vous|le|la|les)\b|\beventuel"#,
        examples: ["Une migration vers Exemple Cloud pourrait être envisagée.", "Data could be moved to Example Cloud."],
        counterExamples: ["Les données sont hébergées chez Exemple Cloud."])

    static let formerHost = Rule(
        "former-host",
        finds: "Before a provider's name: it hosted, and no longer does (\"Jusqu'au 31 mars, les données étaient hébergées par X\"). \"Jusqu'à leur suppression\" is a retention period, not an end date.",
        trigger: .formerWords,
        words: ["etait", "etaient", "jusqu'au", "jusqu'en", "precedemment", "anciennement", "auparavant", "previously", "formerly",
            "was hosted", "were hosted", "was stored", "were stored", "until"],
        pattern: #"\betai(?:t|ent)\s+(?:heberge|stocke|conserve)|\bjusqu'(?:au|en)\s+(?:\d|1er\b|premier\b)|\bprecedemment\b|\banciennement\b|\bauparavant\b|\bpreviously\b|\bformerly\b|\b(?:was|were)\s+(?:hosted|stored)|\buntil\s+(?:\d|january|february|march|april|may|june|july|august|september|october|november|december)"#,
        examples: ["Jusqu'au 31 mars, les données étaient hébergées par", "Data was previously hosted by"],
        counterExamples: ["Les données sont conservées jusqu'à leur suppression par"])

    static let ownership = Rule(
        "ownership",
        finds: "The provider is named as an owner, not a host: \"une plateforme de la société X\". \"Les serveurs de la société X\" are X's own, which makes X the host.",
        trigger: .ownershipWords,
        words: ["societe", "filiale", "appartenant", "appartient", "du groupe", "owned by", "subsidiary", "propriete", "une marque",
            "a brand", "detenue par", "controlee par"],
        pattern: #"(?:(?<!serveurs )(?<!infrastructure )(?<!infrastructures )(?<!datacenters )(?<!donnees )de la societe|filiale d[eu']|filiale du groupe|appartenant a|appartient a|du groupe|owned by|subsidiary of|propriete d[eu']|une marque d[eu']|a brand of|detenue par|controlee par)\s*$"#,
        examples: ["Une plateforme de la société", "A brand of"], counterExamples: ["Les serveurs de la société"])

    static let rightsStatement = Rule(
        "rights-statement",
        finds: "A sentence that states the reader's rights (\"vous avez le droit de savoir à quels tiers vos données ont été transmises en France et hors de l'UE\"): the places it names are what the reader may ask about, not where the operator keeps data.",
        trigger: nil,
        pattern: #"\bvous (?:avez|disposez|beneficiez|pouvez exercer) (?:egalement |aussi |en outre )?(?:du |d'un |le |des |d'|de )?droits?\b|\bdroit d'acces\b|\byou (?:also )?(?:have|may have) the right\b|\bright (?:of|to) access\b"#,
        examples: ["Vous avez le droit de savoir à quels tiers vos données ont été transmises en dehors de l'UE.", "You have the right to know whether your data is transferred outside the EU."],
        counterExamples: ["Vos données peuvent être transmises à des sous-traitants situés en dehors de l'UE."])
}
