// The views a page holds by the dozen list their fields by hand (`TemplateRecord`); `TemplateRecordTests` checks
// each against its `Encodable` conformance, so that a field added to a view cannot go missing here.

extension EvidenceView: TemplateRecord {
    var templateFields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = ["quote": .text(quote), "quoteLang": .text(quoteLang), "url": .text(url), "fetchedAt": .text(fetchedAt)]
        fields.set("section", section)
        fields.set("capture", capture)
        fields.set("view", view)
        return fields
    }
}

extension PlatformRowView: TemplateRecord {
    var templateFields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [
            "id": .text(id), "name": .text(name), "category": .text(category), "level": .text(level),
            "levelSlug": .text(levelSlug), "levelWords": .text(levelWords), "score": .text(score), "mainHosts": .text(mainHosts),
            "usExposure": .text(usExposure), "exposureState": .text(exposureState),
            "healthHosts": .list(healthHosts.map { .record($0.templateFields) }), "hds": .text(hds), "secNumCloud": .text(secNumCloud), "date": .text(date),
        ]
        if let rank { fields["rank"] = .int(rank) }
        fields.set("stale", stale)
        return fields
    }
}

extension HostChipView: TemplateRecord {
    var templateFields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = ["name": .text(name), "jurisdiction": .text(jurisdiction)]
        fields.set("href", href)
        return fields
    }
}

extension ReasonView: TemplateRecord {
    var templateFields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [
            "check": .text(check), "checkTitle": .text(checkTitle), "effect": .text(effect), "level": .text(level), "detail": .text(detail),
        ]
        fields.set("hostAnchor", hostAnchor)
        return fields
    }
}

extension HostView: TemplateRecord {
    var templateFields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [
            "anchor": .text(anchor), "name": .text(name), "asWritten": .text(asWritten), "unknown": .bool(unknown), "roles": .text(roles),
            "country": .text(country), "usControlled": .text(usControlled), "cloudActExposed": .text(cloudActExposed),
            "hdsCertified": .text(hdsCertified), "secNumCloudQualified": .text(secNumCloudQualified),
            "quotes": .list(quotes.map { quote in
                var fields: [String: TemplateValue] = [
                    "quote": .text(quote.quote), "quoteLang": .text(quote.quoteLang), "sources": .list(quote.sources.map { .record($0.templateFields) }),
                ]
                fields.set("sentenceRoles", quote.sentenceRoles)
                return .record(fields)
            }),
        ]
        fields.set("providerHref", providerHref)
        fields.set("parent", parent)
        fields.set("hdsRegistry", hdsRegistry)
        fields.set("secNumCloudRegistry", secNumCloudRegistry)
        fields.set("address", address)
        fields.set("chainDisclosure", chainDisclosure)
        return fields
    }
}

extension DocumentView: TemplateRecord {
    var templateFields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [
            "url": .text(url), "kind": .text(kind), "status": .text(status), "statusCode": .text(statusCode), "httpStatus": .text(httpStatus),
            "sha256": .text(sha256), "shortSHA256": .text(shortSHA256),
        ]
        fields.set("fetchedAt", fetchedAt)
        fields.set("attemptedAt", attemptedAt)
        fields.set("error", error)
        fields.set("finalURL", finalURL)
        fields.set("capture", capture)
        return fields
    }
}

extension TimelineRowView: TemplateRecord {
    var templateFields: [String: TemplateValue] {
        [
            "date": .text(date), "day": .text(day), "level": .text(level), "levelSlug": .text(levelSlug), "levelWords": .text(levelWords),
            "score": .text(score), "hosts": .text(hosts),
        ]
    }
}

extension FetchHistoryRowView: TemplateRecord {
    var templateFields: [String: TemplateValue] {
        ["date": .text(date), "day": .text(day), "statuses": .list(statuses.map { .text($0) })]
    }
}

extension RunChangeView: TemplateRecord {
    var templateFields: [String: TemplateValue] {
        [
            "id": .text(id), "anchor": .text(anchor), "platformID": .text(platformID), "platformName": .text(platformName), "kind": .text(kind),
            "summary": .text(summary), "detail": .text(detail), "showsValues": .bool(showsValues),
            "subject": .text(subject), "before": .text(before), "after": .text(after), "since": .text(since), "sinceDay": .text(sinceDay),
            "confirmedAt": .text(confirmedAt), "beforeEvidence": .list(beforeEvidence.map { .record($0.templateFields) }),
            "afterEvidence": .list(afterEvidence.map { .record($0.templateFields) }), "hasEvidence": .bool(hasEvidence),
            "hasBeforeEvidence": .bool(hasBeforeEvidence), "hasAfterEvidence": .bool(hasAfterEvidence),
        ]
    }
}
