/// An address block `address/prefix` (IPv4 or IPv6); a bare address is a block of one.
public struct CIDRBlock: Sendable, Hashable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    /// nil when the prefix is outside 0...32 (IPv4) or 0...128 (IPv6).
    public init?(address: IPAddress, prefixLength: Int) {
        guard (0...address.bitWidth).contains(prefixLength) else { return nil }
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Parses `192.0.2.0/24`, `2001:db8::/32` or a bare address; nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = String(text).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(parts[0]) else { return nil }
        var prefix = address.bitWidth
        if parts.count == 2 {
            guard let digits = Self.prefixLength(parts[1]) else { return nil }
            prefix = digits
        }
        self.init(address: address, prefixLength: prefix)
    }

    /// Decimal digits only, no sign, no leading zero: the text after `/`.
    static func prefixLength(_ text: Substring) -> Int? {
        guard (1...3).contains(text.count), text.allSatisfy({ ("0"..."9").contains($0) }),
              text.count == 1 || text.first != "0" else { return nil }
        return Int(text)
    }

    /// True when bits beyond the prefix are set (`192.0.2.1/24`), which nftables would not accept as written.
    public var hasHostBits: Bool { network.address != address }

    /// The same block with its host bits cleared.
    public var network: CIDRBlock {
        var bytes = address.bytes
        for index in bytes.indices {
            let bitsKept = min(max(prefixLength - index * 8, 0), 8)
            bytes[index] &= bitsKept == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bitsKept))
        }
        // Same family and a valid prefix: both initialisers succeed.
        return CIDRBlock(address: IPAddress(bytes: bytes) ?? address, prefixLength: prefixLength) ?? self
    }

    /// Whether `other` falls inside this block (always false across families).
    public func contains(_ other: IPAddress) -> Bool {
        guard other.bitWidth == address.bitWidth else { return false }
        return CIDRBlock(address: other, prefixLength: prefixLength)?.network.address == network.address
    }

    /// `address/prefix`, always with the prefix.
    public var description: String { "\(address)/\(prefixLength)" }
}
