import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A listening TCP socket on 127.0.0.1 (or ::1), on a port the system picks: the raw-socket servers of the tests and
/// the crawl benchmark start from it, and never listen anywhere else.
public enum LoopbackListener {
    /// The socket and its port, or nil when the system refuses.
    /// - Parameter address: an IPv4 address of 127.0.0.0/8 (any other is refused): several host names on one machine.
    public static func open(backlog: Int32, address ipv4: String = "127.0.0.1") -> (descriptor: Int32, port: UInt16)? {
        guard ipv4.hasPrefix("127."), inet_addr(ipv4) != in_addr_t.max else { return nil }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { return nil }
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr(ipv4)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, backlog) == 0 else {
            close(listener)
            return nil
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(listener, $0, &length) }
        }
        return (listener, UInt16(bigEndian: address.sin_port))
    }

    /// The same on IPv6's loopback, ::1 (IPv6 only), or nil when the machine has no IPv6.
    public static func openIPv6(backlog: Int32) -> (descriptor: Int32, port: UInt16)? {
        let listener = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { return nil }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        setsockopt(listener, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = 0
        address.sin6_addr = in6addr_loopback
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
        guard bound == 0, listen(listener, backlog) == 0 else {
            close(listener)
            return nil
        }
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(listener, $0, &length) }
        }
        return (listener, UInt16(bigEndian: address.sin6_port))
    }

    /// Whether a connection is waiting on the listener, accepted or not: the kernel completes the handshake on its
    /// own, so a client that reached the port shows here even though nobody answered it. Closes what it accepts.
    public static func hasWaitingConnection(_ listener: Int32) -> Bool {
        let flags = fcntl(listener, F_GETFL)
        _ = fcntl(listener, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(listener, F_SETFL, flags) }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return false }
        close(connection)
        return true
    }
}
