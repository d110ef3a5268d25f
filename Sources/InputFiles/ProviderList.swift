import Foundation
import SovereigntyModel

/// Loads `providers.yml`: what we know of hosting providers, each fact with its source.
public enum ProviderList {
    public static func load(path: String) throws(InputError) -> ProviderCatalog {
        try parse(text: InputText.read(path, option: "--providers"), file: path)
    }

    public static func parse(text: String, file: String) throws(InputError) -> ProviderCatalog {
        let root = try YAMLReader.document(file: file, text: text)
        try root.requireMapping(allowedKeys: ["providers"])
        var providers: [Provider] = []
        var lines: [String: Int] = [:]
        var aliasOwners: [String: String] = [:]
        let items = try root.required("providers").sequence()
        var errors = InputErrorList()
        var read: [(YAMLReader, Provider)] = []
        for item in items {
            guard let provider = errors.collect({ () throws(InputError) in try provider(item) }) else { continue }
            if let first = lines[provider.id] {
                errors.append(item.fail("duplicate id '\(provider.id)' (first used on line \(first))", field: "\(item.path).id"))
                continue
            }
            lines[provider.id] = item.line ?? 0
            for alias in provider.aliases + [provider.name] {
                let key = alias.lowercased()
                if let owner = aliasOwners[key], owner != provider.id {
                    errors.append(item.fail("alias '\(alias)' is also an alias of '\(owner)'", field: "\(item.path).aliases"))
                }
                aliasOwners[key] = provider.id
            }
            providers.append(provider)
            read.append((item, provider))
        }
        for (item, provider) in read {
            for target in provider.runsOn where lines[target] == nil {
                errors.append(item.fail("runsOn names '\(target)', which is not a provider in this file", field: "\(item.path).runsOn"))
            }
        }
        try errors.check()
        return ProviderCatalog(providers: providers)
    }

    private static func provider(_ item: YAMLReader) throws(InputError) -> Provider {
        try item.requireMapping(allowedKeys: [
            "id", "name", "aliases", "country", "entities", "parent", "usControlled", "runsOn", "publicInstitution", "hds",
            "secNumCloud", "sources",
        ])
        let hdsNode = try item.required("hds")
        try hdsNode.requireMapping(allowedKeys: ["status", "note"])
        let secNode = try item.required("secNumCloud")
        try secNode.requireMapping(allowedKeys: ["status", "offer", "since", "note"])
        var sources: [Source] = []
        for entry in try item.required("sources").sequence() {
            try entry.requireMapping(allowedKeys: ["fact", "url", "date"])
            sources.append(
                Source(
                    fact: try entry.required("fact").string(), url: try entry.required("url").webURL(),
                    date: try entry.required("date").day()))
        }
        guard !sources.isEmpty else { throw item.fail("every provider needs sources", field: "\(item.path).sources") }
        return Provider(
            id: try item.required("id").identifier(),
            name: try item.required("name").string(),
            aliases: try item.optional("aliases")?.strings() ?? [],
            country: try country(item.required("country")),
            entities: try entities(item.optional("entities")),
            parent: try item.optional("parent").map { node throws(InputError) in try entity(node) },
            usControlled: try item.required("usControlled").bool(),
            runsOn: try item.optional("runsOn")?.strings() ?? [],
            publicInstitution: try item.optional("publicInstitution")?.bool() ?? false,
            hds: HDSCertification(status: try hdsNode.required("status").oneOf(HDSCertification.Status.self)),
            secNumCloud: SecNumCloudQualification(
                status: try secNode.required("status").oneOf(SecNumCloudQualification.Status.self),
                offer: try secNode.optional("offer")?.string(),
                since: try secNode.optional("since")?.day()),
            sources: sources)
    }

    private static func entities(_ node: YAMLReader?) throws(InputError) -> [LegalEntity] {
        guard let node else { return [] }
        var result: [LegalEntity] = []
        for item in try node.sequence() { result.append(try entity(item)) }
        return result
    }

    private static func entity(_ node: YAMLReader) throws(InputError) -> LegalEntity {
        try node.requireMapping(allowedKeys: ["name", "country"])
        return LegalEntity(name: try node.required("name").string(), country: try country(node.required("country")))
    }

    private static func country(_ node: YAMLReader) throws(InputError) -> String {
        let value = try node.string()
        guard value.count == 2, value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw node.fail("'\(value)' is not an ISO 3166-1 alpha-2 country code (e.g. FR, US)")
        }
        return value
    }
}
