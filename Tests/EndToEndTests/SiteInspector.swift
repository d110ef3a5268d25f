import CLibXML2
import Foundation

/// Reads a generated page with libxml2, the parser feed readers and link checkers use: its links and its ids.
struct ParsedPage {
    var links: [String] = []
    var ids: Set<String> = []
    var lang: String?
    /// `<link rel="canonical">`: the one absolute address a page may name for itself.
    var canonical: String?

    /// HTML through libxml2's HTML parser (it does not know HTML5 elements, so only structure is read, not validity).
    static func html(_ url: URL) throws -> ParsedPage {
        let data = try Data(contentsOf: url)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard let document = data.withUnsafeBytes({ bytes in
            htmlReadMemory(bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), url.path, "UTF-8", options)
        }) else { throw InspectionError("\(url.path): libxml2 cannot parse the page") }
        defer { xmlFreeDoc(document) }
        var page = ParsedPage()
        page.walk(xmlDocGetRootElement(document))
        return page
    }

    /// True when libxml2's XML parser reads the file as well-formed XML (feeds, sitemap, badges).
    static func isWellFormedXML(_ url: URL) throws -> Bool {
        let data = try Data(contentsOf: url)
        guard let context = xmlNewParserCtxt() else { return false }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = data.withUnsafeBytes { bytes in
            xmlCtxtReadMemory(context, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), url.path, nil, options)
        }
        defer { if let document { xmlFreeDoc(document) } }
        return document != nil && context.pointee.wellFormed == 1
    }

    private mutating func walk(_ node: xmlNodePtr?) {
        var node = node
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = String(cString: current.pointee.name)
                if let id = attribute(current, "id") { ids.insert(id) }
                if name == "html" { lang = attribute(current, "lang") }
                if name == "link", attribute(current, "rel") == "canonical" {
                    canonical = attribute(current, "href")
                    node = current.pointee.next
                    continue
                }
                for key in ["href", "src"] {
                    if let value = attribute(current, key) { links.append(value) }
                }
                walk(current.pointee.children)
            }
            node = current.pointee.next
        }
    }

    private func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { sov_xml_free(value) }
        return String(cString: value)
    }
}

struct InspectionError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Every internal link of a site folder: it must name a file of the site, and its fragment an id of that page.
enum LinkChecker {
    static func brokenLinks(in site: URL) throws -> [String] {
        let files = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.sorted()
        var pages: [String: ParsedPage] = [:]
        for file in files { pages[file] = try ParsedPage.html(site.appendingPathComponent(file)) }
        var broken: [String] = []
        for file in files {
            for link in pages[file]!.links where !isExternal(link) {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target =
                    parts[0].isEmpty
                    ? file : URL(fileURLWithPath: parts[0], relativeTo: site.appendingPathComponent(file).deletingLastPathComponent())
                        .standardizedFileURL.path.replacingOccurrences(of: site.standardizedFileURL.path + "/", with: "")
                guard FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path), !target.hasPrefix("/") else {
                    broken.append("\(file): \(link) (no such file)")
                    continue
                }
                if parts.count == 2, !parts[1].isEmpty, let page = pages[target], !page.ids.contains(parts[1]) {
                    broken.append("\(file): \(link) (no id '\(parts[1])' in \(target))")
                }
            }
        }
        return broken
    }

    static func isExternal(_ link: String) -> Bool {
        ["http://", "https://", "mailto:"].contains { link.lowercased().hasPrefix($0) }
    }
}
