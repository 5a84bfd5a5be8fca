#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelaisCore

/// Checks every piece of outside text before it is put into an nftables command: nothing else is ever interpolated.
enum NFTablesValidation {
    /// A table name, by the rule `check-config` applies too (`FirewallNames`).
    static func tableName(_ name: String) throws(FirewallError) -> String {
        guard FirewallNames.isTableName(name) else { throw FirewallError(code: "install", message: "invalid table name") }
        return name
    }

    /// An interface name, by the rule `check-config` applies too (`FirewallNames`).
    static func interfaceName(_ name: String) throws(FirewallError) -> String {
        guard FirewallNames.isInterfaceName(name) else { throw FirewallError(code: "install", message: "invalid interface name") }
        return name
    }

    /// An IPv4 address or CIDR, rewritten from its parsed form.
    static func ipv4Prefix(_ text: String) throws(FirewallError) -> String {
        try prefix(text, family: AF_INET, maxLength: 32)
    }

    /// An IPv6 address or CIDR, rewritten from its parsed form.
    static func ipv6Prefix(_ text: String) throws(FirewallError) -> String {
        try prefix(text, family: AF_INET6, maxLength: 128)
    }

    static func port(_ port: Int) throws(FirewallError) -> Int {
        guard (1...65535).contains(port) else { throw FirewallError(code: "install", message: "invalid portal port") }
        return port
    }

    private static func prefix(_ text: String, family: Int32, maxLength: Int) throws(FirewallError) -> String {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let invalid = FirewallError(code: "install", message: "invalid pre-authorized destination")
        guard parts.count <= 2, let address = canonicalAddress(String(parts[0]), family: family) else { throw invalid }
        guard parts.count == 2 else { return address }
        guard parts[1].utf8.count <= 3, parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let length = Int(parts[1]), length <= maxLength
        else { throw invalid }
        return "\(address)/\(length)"
    }

    /// The address as `inet_ntop` prints it, so that only digits, dots, colons and hex letters reach nft.
    private static func canonicalAddress(_ text: String, family: Int32) -> String? {
        var storage = [UInt8](repeating: 0, count: 16)
        guard inet_pton(family, text, &storage) == 1 else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, storage, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
