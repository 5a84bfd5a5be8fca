import RelaisCore

/// The visitors' source NAT in the owned table: a map from each device's IPv4 address to its public
/// address and port block, used by a `postrouting` chain on the uplink.
///
/// The chain's priority is `srcnat - 1`: the first NAT chain to decide for a new flow fixes its binding,
/// so a masquerade the box already does in a table of its own (priority `srcnat`) never takes the
/// visitors' flows first. nftables needs the transport protocol matched before a port mapping; ICMP gets
/// its own rule (its query identifier is then taken from the block too).
extension NFTablesCommands {
    static let natMap = "nat4"
    static let natChain = "nat_postrouting"

    /// The map, the chain and the bindings of `grants`, added after the table is (re)created; "" without NAT.
    func natInstall(_ layout: FirewallLayout, grants: [FirewallGrant]) throws(FirewallError) -> String {
        guard let nat = layout.nat else { return "" }
        let uplink = "\"\(try NFTablesValidation.interfaceName(nat.uplinkInterface))\""
        let map = Self.natMap, chain = Self.natChain
        return """
            add map inet \(table) \(map) { type ipv4_addr : interval ipv4_addr . inet_service; }
            add chain inet \(table) \(chain) { type nat hook postrouting priority srcnat - 1; policy accept; }
            add rule inet \(table) \(chain) oifname \(uplink) meta l4proto { tcp, udp } snat ip to ip saddr map @\(map)
            add rule inet \(table) \(chain) oifname \(uplink) meta l4proto icmp snat ip to ip saddr map @\(map)

            """ + natChange(removing: [], adding: Self.natBindings(of: grants))
    }

    /// Removes `old` bindings, then adds `new` ones, in the same buffer as the grant or revoke of the sets.
    ///
    /// An element is deleted by its key; adding it first (with the data it was added with) makes deleting
    /// one the kernel no longer holds valid, so the batch does not fail on it.
    func natChange(removing old: [NATBinding], adding new: [NATBinding]) -> String {
        let old = Self.lastPerAddress(old), new = Self.lastPerAddress(new)
        var text = ""
        for binding in old {
            text += addElements(Self.natMap, [Self.natElement(binding)])
            text += deleteElements(Self.natMap, [binding.privateAddress.description])
        }
        return text + addElements(Self.natMap, new.map(Self.natElement))
    }

    /// `192.0.2.10 : 198.51.100.1 . 1024-1279`. Both addresses are parsed values and the ports integers:
    /// only digits, dots and dashes reach nft.
    static func natElement(_ binding: NATBinding) -> String {
        "\(binding.privateAddress) : \(binding.block.publicAddress) . \(binding.block.firstPort)-\(binding.block.lastPort)"
    }

    /// The grants' bindings that nftables can take: IPv4 on both sides, ports in range.
    static func natBindings(of grants: [FirewallGrant]) -> [NATBinding] {
        grants.compactMap(\.nat).filter(isValid)
    }

    static func isValid(_ binding: NATBinding) -> Bool {
        binding.privateAddress.isIPv4 && binding.block.publicAddress.isIPv4
            && (1...65_535).contains(binding.block.firstPort) && (binding.block.firstPort...65_535).contains(binding.block.lastPort)
    }

    /// One binding per private address, the last one given: the map has one element per key.
    private static func lastPerAddress(_ bindings: [NATBinding]) -> [NATBinding] {
        var seen = Set<IPAddress>()
        return bindings.reversed().filter { seen.insert($0.privateAddress).inserted }.reversed()
    }
}
