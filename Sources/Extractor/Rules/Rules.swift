import Foundation

/// Every extraction rule, each declared once in this folder, by family: hosting (`HostingRules`), claims
/// (`ClaimRules`), locations (`LocationRules`), cancellations (`CancellationRules`), roles (`RoleRules`), table headers
/// (`TableRules`) and page kinds (`PageRules`). Word lists several rules share are data files (`Lexicons/`).
///
/// The trigger automaton (`Triggers`) is built from the rules' own words: a rule is never gated by a word list kept
/// somewhere else, and `RuleTests` checks that none can match a text that lacks its words.
enum Rules {
    static let all: [Rule] = [
        hostingSentence, lodging, listAnnouncement, providerWords, mixedPurposes, hostInProvidersDataCentre, hostStatus, useRestriction, operatorOnProviders,
        controllerDecides, hostIntroduction, hostAsSubject, paymentData, hostBlockLabel, hostBlockRunIn,
        hostBlockSentence, hostingHeading, serviceLabel, messagingService, messagingInCharge, messagingCarrier, nameThenService, serviceOnInfrastructure, hostingService, statusVerb, companyDetails, editor, siteMaker,
        indefiniteHost, definedTerm, distractor, roleNoise, ownInfrastructure, hostedByAnother, passingServerMention, operatorAsSubject,
        operatorAfter, operatorIntroduced, definedAsUs,
        hdsClaim, secNumCloud, secNumCloudHeld, future, qualificationUnderWay, endToEnd, noKeys, usParentGroup, exposure, foreignAuthorities, foreignLaw,
        askingAuthorities, reachFromAbroad, frameworkDisclosure, thoseCountriesAuthorities, accessDenied, handedOver, safeguardsOrTrade, companySeat, rightsStatement,
        peoplePlace, placeInName, activityPlace, comparedPlace, locationContext, keptSomewhere, locationFrance, locationFranceMore, locationEurope, euCountryNearDataCentre, dataCentreNamed,
        outsideEurope, insideByDenial, insideAndOutside, outsideByAuthorities, exceptionOrCondition, webAddress, placeFrance, placeEurope, placeOutside,
        negation, noTransfer, hostDenial, denialAfter, alternativeHost, conditional, formerHost, ownership,
        roleKeys, roleBackup, roleMessaging, roleCDN, roleHealthData, rolePhotographs, roleApplication, roleWebsite, roleData, notHealthData,
        providerColumn, entityColumn, locationColumn, serviceColumn,
        accessQuestionColumn, exposureQuestionColumn, secNumCloudColumn, hdsColumn, actorColumn, chainRoleColumn, yesAnswer, noAnswer,
        legalPage, maintenancePage, errorPage, loginPage, consentPage,
    ]

    /// The trigger words of each group, from the rules that bring them. `place` gathers the words of every place
    /// rule: a sentence may name a location when it names any place a place rule knows. `hosting` gathers the words
    /// of the operator's own servers: a sentence about them is about hosting, though only `own-infrastructure` reads
    /// them as a finding.
    static let triggerGroups: [(TriggerSet, [String])] = {
        var groups: [(TriggerSet, [String])] = []
        for rule in all where !rule.words.isEmpty {
            guard let kind = rule.trigger else { preconditionFailure("rule \(rule.name) has words but no trigger group") }
            if let index = groups.firstIndex(where: { $0.0 == kind }) { groups[index].1 += rule.words } else { groups.append((kind, rule.words)) }
        }
        let places = [locationFrance, locationFranceMore, locationEurope, outsideEurope].flatMap(\.words)
        groups.append((.place, places))
        if let index = groups.firstIndex(where: { $0.0 == .hosting }) { groups[index].1 += ownInfrastructure.words }
        return groups
    }()
}
