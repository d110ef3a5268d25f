import Foundation

/// Which addresses the crawler may connect to: never link-local or cloud-metadata addresses (they reach the
/// machine's own cloud credentials), and loopback only when the URL itself asked for loopback. Pure.
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
            if address == [0, 0, 0, 0] { return .refuse("unspecified address 0.0.0.0") }
            return .allow
        case 16:
            if address[0] == 0xFE && (address[1] & 0xC0) == 0x80 { return .refuse("link-local address \(describe(address))") }
            if address == [0xFD, 0x00, 0x0E, 0xC2] + [UInt8](repeating: 0, count: 10) + [0x02, 0x54] {
                return .refuse("cloud metadata address fd00:ec2::254")
            }
            if address == [UInt8](repeating: 0, count: 15) + [1] {
                return urlIsLoopback ? .allow : .refuse("loopback address ::1 reached from a non-loopback URL")
            }
            // IPv4-mapped addresses (::ffff:a.b.c.d) are judged as the IPv4 address they carry.
            if address[0..<10].allSatisfy({ $0 == 0 }) && address[10] == 0xFF && address[11] == 0xFF {
                return decide(address: Array(address[12...]), urlIsLoopback: urlIsLoopback)
            }
            return .allow
        default:
            return .refuse("unknown address family")
        }
    }

    /// A URL host that names loopback: localhost, 127.0.0.0/8 or ::1.
    public static func isLoopbackHost(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let parts = host.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    static func describe(_ address: [UInt8]) -> String {
        if address.count == 4 { return address.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: address.count, by: 2).map { String(format: "%x", Int(address[$0]) << 8 | Int(address[$0 + 1])) }
            .joined(separator: ":")
    }
}
