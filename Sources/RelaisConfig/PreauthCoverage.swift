import RelaisCore

/// How much of the address space `network.preauth_allow` opens before acceptance, all items together.
///
/// Each item is bounded on its own, but many items would add up to most of the internet. The total is
/// bounded to a /16 of IPv4 (65,536 addresses: a large organisation's network) and a /32 of IPv6 (the
/// usual allocation to a whole provider); blocks inside another listed block count once.
struct PreauthCoverage: Equatable {
    /// Widest total, and widest single item, as prefix lengths.
    static let widestIPv4 = 16
    static let widestIPv6 = 32
    static let allowed = "at most a /\(widestIPv4) of IPv4 and a /\(widestIPv6) of IPv6 in total: only the hosts visitors need before accepting"

    /// IPv4 addresses covered.
    let ipv4Addresses: Int
    /// IPv6 /64 networks covered (a longer prefix counts as one /64).
    let ipv6Networks: Int

    /// `items` as the config rules accepted them; anything unreadable is ignored (already reported).
    init(_ items: [String]) {
        let blocks = items.compactMap { CIDRBlock($0)?.network }.sorted { $0.prefixLength < $1.prefixLength }
        var kept: [CIDRBlock] = []
        for block in blocks where !kept.contains(where: { $0.prefixLength <= block.prefixLength && $0.contains(block.address) }) {
            kept.append(block)
        }
        var ipv4 = 0
        var ipv6 = 0
        for block in kept {
            // Saturating sums: a few hundred /16 blocks must not wrap around to a small number.
            if block.address.isIPv4 {
                ipv4 = Self.saturatingAdd(ipv4, 1 << (32 - block.prefixLength))
            } else {
                let shift = max(64 - block.prefixLength, 0)
                ipv6 = Self.saturatingAdd(ipv6, shift >= Int.bitWidth - 1 ? .max : 1 << shift)
            }
        }
        ipv4Addresses = ipv4
        ipv6Networks = ipv6
    }

    /// Why the total is too wide, or nil when it is within bounds.
    var excess: String? {
        let ipv4Limit = 1 << (32 - Self.widestIPv4)
        let ipv6Limit = 1 << (64 - Self.widestIPv6)
        if ipv4Addresses > ipv4Limit {
            return "the items together open \(ipv4Addresses) IPv4 addresses, more than a /\(Self.widestIPv4) (\(ipv4Limit)), to devices that have not accepted the terms"
        }
        if ipv6Networks > ipv6Limit {
            return "the items together open \(ipv6Networks) IPv6 /64 networks, more than a /\(Self.widestIPv6) (\(ipv6Limit)), to devices that have not accepted the terms"
        }
        return nil
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}
