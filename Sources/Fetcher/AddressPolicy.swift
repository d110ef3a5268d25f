import Foundation

/// Which addresses the crawler may connect to: never link-local or cloud-metadata addresses (they reach the
/// machine's own cloud credentials), never an unspecified address (Linux connects `0.0.0.0` and `::` to the machine
/// itself), and loopback only when the URL itself asked for loopback. An IPv6 address that carries an IPv4 one
/// (mapped, compatible, translated, NAT64, 6to4) is judged as the IPv4 address it carries. Pure.
public enum AddressPolicy {
    public enum Decision: Equatable, Sendable {
        case allow
        case refuse(String)
    }

    /// - Parameters:
    ///   - address: the IP address about to be connected to, as 4 (IPv4) or 16 (IPv6) bytes.
    ///   - urlIsLoopback: the URL that started the request names a loopback host (tests, local mirrors).
    public static func decide(address: [UInt8], urlIsLoopback: Bool) -> Decision {
        switch address.count {
        case 4:
            if address[0] == 169 && address[1] == 254 { return .refuse("link-local address \(describe(address))") }
            if address[0] == 127 { return urlIsLoopback ? .allow : .refuse("loopback address \(describe(address)) reached from a non-loopback URL") }
            // 0.0.0.0/8, "this network": 0.0.0.0 reaches the machine itself.
            if address[0] == 0 { return .refuse("unspecified address \(describe(address))") }
            return .allow
        case 16:
            if address[0] == 0xFE && (address[1] & 0xC0) == 0x80 { return .refuse("link-local address \(describe(address))") }
            if address == [0xFD, 0x00, 0x0E, 0xC2] + [UInt8](repeating: 0, count: 10) + [0x02, 0x54] {
                return .refuse("cloud metadata address fd00:ec2::254")
            }
            if address.allSatisfy({ $0 == 0 }) { return .refuse("unspecified address ::") }
            if address == [UInt8](repeating: 0, count: 15) + [1] {
                return urlIsLoopback ? .allow : .refuse("loopback address ::1 reached from a non-loopback URL")
            }
            if let (form, ipv4) = embeddedIPv4(address), case .refuse(let reason) = decide(address: ipv4, urlIsLoopback: urlIsLoopback) {
                return .refuse("\(reason), written as the \(form) address \(describe(address))")
            }
            return .allow
        default:
            return .refuse("unknown address family")
        }
    }

    /// The IPv4 address an IPv6 address carries, and the name of the form that carries it.
    static func embeddedIPv4(_ address: [UInt8]) -> (form: String, address: [UInt8])? {
        let zeros = { (range: Range<Int>) in address[range].allSatisfy { $0 == 0 } }
        let last = Array(address[12...])
        if zeros(0..<10) && address[10] == 0xFF && address[11] == 0xFF { return ("IPv4-mapped", last) }  // ::ffff:a.b.c.d
        if zeros(0..<12) { return ("IPv4-compatible", last) }  // ::a.b.c.d (deprecated)
        if zeros(0..<8) && address[8] == 0xFF && address[9] == 0xFF && zeros(10..<12) { return ("IPv4-translated", last) }  // ::ffff:0:a.b.c.d
        if address[0..<4] == [0x00, 0x64, 0xFF, 0x9B] && zeros(4..<12) { return ("NAT64", last) }  // 64:ff9b::a.b.c.d
        if address[0] == 0x20 && address[1] == 0x02 { return ("6to4", Array(address[2..<6])) }  // 2002:aabb:ccdd::
        return nil
    }

    /// A URL host that names loopback: localhost, 127.0.0.0/8 or ::1.
    public static func isLoopbackHost(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let parts = host.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// An address as people write it: dotted IPv4; IPv6 in hexadecimal groups, the longest run of zero groups
    /// written "::", the IPv4 address a mapped, compatible, translated or NAT64 address carries written dotted
    /// (RFC 5952).
    static func describe(_ address: [UInt8]) -> String {
        if address.count == 4 { return address.map(String.init).joined(separator: ".") }
        if let (form, ipv4) = embeddedIPv4(address), form != "6to4", !address[..<12].allSatisfy({ $0 == 0 }) || ipv4[0] != 0 {
            let head = hexadecimal(Array(address[..<12]) + [0xFF, 0xFF, 0xFF, 0xFF])  // a non-zero tail: "::" stays in the head
            return String(head.dropLast("ffff:ffff".count)) + describe(ipv4)
        }
        return hexadecimal(address)
    }

    private static func hexadecimal(_ address: [UInt8]) -> String {
        let groups = stride(from: 0, to: address.count, by: 2).map { Int(address[$0]) << 8 | Int(address[$0 + 1]) }
        var best = (start: 0, length: 0)
        var index = 0
        while index < groups.count {
            guard groups[index] == 0 else { index += 1; continue }
            let start = index
            while index < groups.count && groups[index] == 0 { index += 1 }
            if index - start > best.length { best = (start, index - start) }
        }
        let hex = { (slice: ArraySlice<Int>) in slice.map { String($0, radix: 16) }.joined(separator: ":") }
        guard best.length >= 2 else { return hex(groups[...]) }
        return hex(groups[..<best.start]) + "::" + hex(groups[(best.start + best.length)...])
    }
}
