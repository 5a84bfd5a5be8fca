#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The text form of a peer's socket address, or nil for a family other than IPv4/IPv6.
    static func text(of address: UnsafePointer<sockaddr>) -> String? {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            // Dotted quad by hand: glibc's inet_ntop formats IPv4 through sprintf, on every request.
            let raw = UInt32(bigEndian: UnsafeRawPointer(address).assumingMemoryBound(to: sockaddr_in.self).pointee.sin_addr.s_addr)
            return "\(raw >> 24).\(raw >> 16 & 0xFF).\(raw >> 8 & 0xFF).\(raw & 0xFF)"
        case AF_INET6:
            var bytes = UnsafeRawPointer(address).assumingMemoryBound(to: sockaddr_in6.self).pointee.sin6_addr
            // A listener on "::" sees IPv4 peers as ::ffff:a.b.c.d; report them as the IPv4 they are.
            let mapped = withUnsafeBytes(of: &bytes) { raw -> String? in
                guard raw.prefix(10).allSatisfy({ $0 == 0 }), raw[10] == 0xFF, raw[11] == 0xFF else { return nil }
                return "\(raw[12]).\(raw[13]).\(raw[14]).\(raw[15])"
            }
            if let mapped { return mapped }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &bytes, &buffer, socklen_t(buffer.count)) != nil else { return nil }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
