#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelaisCore

/// A listen address and port parsed from text, ready for `MHD_OPTION_SOCK_ADDR`.
struct ListenAddress {
    private(set) var storage = sockaddr_storage()
    let isIPv6: Bool
    /// "::": one socket takes IPv4 too (its peers then read ::ffff:a.b.c.d, reported as IPv4).
    var isUnspecifiedIPv6: Bool {
        guard isIPv6 else { return false }
        var copy = storage
        return withUnsafeBytes(of: &copy) { raw in
            let address = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in6.self).pointee.sin6_addr
            return withUnsafeBytes(of: address) { $0.allSatisfy { $0 == 0 } }
        }
    }

    /// Parses IPv4 or IPv6 text (brackets allowed around IPv6).
    init(_ text: String, port: UInt16) throws(MicroHTTPDError) {
        var host = text
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            isIPv6 = false
            withUnsafeMutableBytes(of: &storage) { raw in
                let address = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in.self)
                address.pointee.sin_family = sa_family_t(AF_INET)
                address.pointee.sin_port = port.bigEndian
                address.pointee.sin_addr = v4
            }
        } else if inet_pton(AF_INET6, host, &v6) == 1 {
            isIPv6 = true
            withUnsafeMutableBytes(of: &storage) { raw in
                let address = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in6.self)
                address.pointee.sin6_family = sa_family_t(AF_INET6)
                address.pointee.sin6_port = port.bigEndian
                address.pointee.sin6_addr = v6
            }
        } else {
            throw MicroHTTPDError(code: .invalidAddress, message: "listen address is not IPv4 or IPv6 text")
        }
    }

    /// A peer's socket address as a typed value, read from its bytes (no text formatting on the request
    /// path), or nil for a family other than IPv4/IPv6. A listener on "::" sees IPv4 peers as
    /// ::ffff:a.b.c.d: they are reported as the IPv4 they are.
    static func address(of address: UnsafePointer<sockaddr>) -> IPAddress? {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            let raw = UnsafeRawPointer(address).assumingMemoryBound(to: sockaddr_in.self).pointee.sin_addr
            return withUnsafeBytes(of: raw) { IPAddress(bytes: Array($0)) }
        case AF_INET6:
            let raw = UnsafeRawPointer(address).assumingMemoryBound(to: sockaddr_in6.self).pointee.sin6_addr
            return withUnsafeBytes(of: raw) { IPAddress(bytes: Array($0)) }?.normalized
        default:
            return nil
        }
    }
}

extension ListenAddress {
    /// Lends the address as the `struct sockaddr *` MHD reads during `MHD_start_daemon`.
    mutating func withSockaddr<Result>(_ body: (UnsafeMutableRawPointer) -> Result) -> Result {
        withUnsafeMutableBytes(of: &storage) { body($0.baseAddress!) }
    }
}
