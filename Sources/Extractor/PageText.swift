internal import CLibXML2
import Foundation

/// All the text of an HTML page, read by libxml2's tree parser independently of the extractor's own reading: what
/// a quote is checked against, so that "verbatim" is measured, not assumed. Script and style bodies are left out.
public enum PageText {
    public static func of(html: Data, charset: String?) -> String {
        guard !html.isEmpty else { return "" }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let declared = charset.flatMap { sov_xml_knows_encoding($0) != 0 ? $0 : nil }
        let encoding = CharsetSniffer.encoding(header: declared, html: html).flatMap { sov_xml_knows_encoding($0) != 0 ? $0 : nil }
        let document = html.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(clamping: html.count), "page.html", encoding, options)
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        var pieces: [String] = []
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(document) { stack.append(root) }
        // Depth-first, children in order, without recursion: pages can nest deeper than the stack allows.
        while let node = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { pieces.append(String(cString: content)) }
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                guard name != "script" && name != "style" else { continue }
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let current = child {
                    children.append(current)
                    child = current.pointee.next
                }
                stack.append(contentsOf: children.reversed())
            default:
                continue
            }
        }
        return pieces.joined(separator: " ")
    }
}
