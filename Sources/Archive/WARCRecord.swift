import Crypto
import Foundation
import SovereigntyModel

/// One WARC 1.1 record (ISO 28500): named headers and a block, written as its own gzip member.
struct WARCRecord {
    var headers: [(String, String)]
    var block: Data

    func serialized() -> Data {
        var text = "WARC/1.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(block.count)\r\n\r\n"
        var data = Data(text.utf8)
        data.append(block)
        data.append(contentsOf: Array("\r\n\r\n".utf8))
        return data
    }

    /// Parses a record (already decompressed).
    static func parse(_ data: Data) -> WARCRecord? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self)
        var headers: [(String, String)] = []
        for line in head.components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        let start = end.upperBound
        guard data.distance(from: start, to: data.endIndex) >= length else { return nil }
        return WARCRecord(headers: headers, block: data[start..<data.index(start, offsetBy: length)])
    }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// `sha1:` and the base32 of the SHA-1: the digest form warcio and pywb check.
    static func digest(_ data: Data) -> String {
        "sha1:" + Base32.encode(Data(Insecure.SHA1.hash(data: data)))
    }

    /// A record id that the same content always gets, so that rebuilding an archive gives the same bytes.
    static func recordID(_ parts: String...) -> String {
        let hash = Array(SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8)))
        let hex = Hex.string(hash.prefix(16))
        let uuid = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20).prefix(12)]
        return "<urn:uuid:\(uuid.joined(separator: "-"))>"
    }
}

enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode(_ data: Data) -> String {
        var output: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in data {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        while output.count % 8 != 0 { output.append(UInt8(ascii: "=")) }
        return String(decoding: output, as: UTF8.self)
    }
}

/// The HTTP message a response record carries, rebuilt from what libcurl gave: status, headers, decoded body.
enum HTTPMessage {
    /// Transfer details that no longer hold for the stored, decoded body are kept under `X-Archive-Orig-` names.
    static func response(_ record: FetchRecord) -> Data {
        var text = "HTTP/1.1 \(record.httpStatus ?? 0) \(reason(record.httpStatus ?? 0))\r\n"
        for (name, value) in record.headers.sorted(by: { $0.key < $1.key }) {
            let altered = ["content-encoding", "transfer-encoding", "content-length"].contains(name)
            text += "\(altered ? "X-Archive-Orig-\(name)" : name): \(value)\r\n"
        }
        text += "content-length: \(record.body.count)\r\n\r\n"
        var data = Data(text.utf8)
        data.append(record.body)
        return data
    }

    static func request(_ url: String, userAgent: String) -> Data {
        let components = URLComponents(string: url)
        let path = (components?.percentEncodedPath.isEmpty == false ? components!.percentEncodedPath : "/")
            + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")
        let host = components?.host ?? ""
        let port = components?.port.map { ":\($0)" } ?? ""
        return Data("GET \(path) HTTP/1.1\r\nHost: \(host)\(port)\r\nUser-Agent: \(userAgent)\r\nAccept: text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5\r\n\r\n".utf8)
    }

    /// The body of an HTTP response block.
    static func body(of block: Data) -> Data {
        guard let end = block.range(of: Data("\r\n\r\n".utf8)) else { return Data() }
        return Data(block[end.upperBound...])
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 203: "Non-Authoritative Information"
        case 206: "Partial Content"
        default: "Status"
        }
    }
}
