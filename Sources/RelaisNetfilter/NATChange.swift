import RelaisCore

/// What a grant does to the NAT map, given what the firewall wrote before: the devices' previous bindings
/// go, and so does any binding of another device on an address a grant now uses (the address moved).
struct NATChange {
    var removed: [NATBinding] = []
    var added: [NATBinding] = []
    /// Devices whose tracked binding changes (removed, replaced, or none any more).
    var touched: [MACAddress: NATBinding?] = [:]

    init(granting grants: [FirewallGrant], tracked: [MACAddress: NATBinding]) {
        var latest: [MACAddress: NATBinding?] = [:]
        // `updateValue`: a grant without a binding must stay in `latest` (as nil), not vanish from it.
        for grant in grants { latest.updateValue(grant.nat.flatMap { NFTablesCommands.isValid($0) ? $0 : nil }, forKey: grant.mac) }
        let newAddresses = Set(latest.values.compactMap { $0?.privateAddress })
        for (mac, binding) in tracked.sorted(by: { $0.key < $1.key })
        where latest[mac] != nil || newAddresses.contains(binding.privateAddress) {
            removed.append(binding)
            touched[mac] = .some(nil)
        }
        for grant in grants {
            guard let binding = latest[grant.mac] ?? nil, binding == grant.nat else { continue }
            added.append(binding)
        }
        for (mac, binding) in latest { touched[mac] = .some(binding) }
    }

    func apply(to tracked: inout [MACAddress: NATBinding]) {
        for (mac, binding) in touched { tracked[mac] = binding }
    }
}
