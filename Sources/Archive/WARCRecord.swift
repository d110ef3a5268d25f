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
        guard let (head, block) = split(data) else { return nil }
        var headers: [(String, String)] = []
        for line in String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return WARCRecord(headers: headers, block: block)
    }

    /// The block of a record (already decompressed), found from its `Content-Length` without decoding the other
    /// headers: a rerun reads every archived copy back, and turning each head into strings cost more than inflating it.
    static func block(of data: Data) -> Data? { split(data)?.block }

    /// The head (up to the blank line) and the block `Content-Length` says follows it; nil when either is missing.
    private static func split(_ data: Data) -> (head: Data, block: Data)? {
        let found: (end: Int, length: Int)? = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let byte = bytes.bindMemory(to: UInt8.self)
            var end: Int?
            var index = 0
            while index + 3 < byte.count {
                if byte[index] == 13, byte[index + 1] == 10, byte[index + 2] == 13, byte[index + 3] == 10 {
                    end = index
                    break
                }
                index += 1
            }
            guard let end else { return nil }
            // `Content-Length:` at the start of a line, any case, then the digits after optional blanks.
            let name = Array("content-length:".utf8)
            var length = 0
            var line = 0
            while line < end {
                var matches = line + name.count <= end
                var offset = 0
                while matches, offset < name.count {
                    let character = byte[line + offset]
                    matches = (character >= 65 && character <= 90 ? character + 32 : character) == name[offset]
                    offset += 1
                }
                if matches {
                    var digit = line + name.count
                    while digit < end, byte[digit] == 32 || byte[digit] == 9 { digit += 1 }
                    while digit < end, byte[digit] >= 48, byte[digit] <= 57, length < Int.max / 10 - 9 {
                        length = length * 10 + Int(byte[digit] - 48)
                        digit += 1
                    }
                    break
                }
                while line < end, byte[line] != 10 { line += 1 }
                line += 1
            }
            return (end, length)
        }
        guard let found else { return nil }
        let head = data.startIndex + found.end
        let start = head + 4
        guard data.endIndex - start >= found.length else { return nil }
        return (data[data.startIndex..<head], data[start..<start + found.length])
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
