import RelaisCore

/// Builds the nftables command text for the owned table, from validated values only.
///
/// Each method returns one buffer: libnftables runs a buffer as one kernel transaction, so a batch of
/// thousands of elements is applied whole or not at all.
struct NFTablesCommands {
    /// Validated table name.
    let table: String

    init(table: String) throws(FirewallError) {
        self.table = try NFTablesValidation.tableName(table)
    }

    /// Replaces the table whether or not it exists (`add` makes the `delete` always valid), then loads the elements.
    ///
    /// What a device not yet accepted sends elsewhere than the portal and the pre-authorized destinations
    /// is refused, not dropped: browsers that try HTTPS first get a reset at once and fall back to HTTP
    /// (the portal) instead of waiting seconds for a timeout. Blocked devices are still dropped silently.
    func install(_ layout: FirewallLayout, grants: [FirewallGrant], blocked: [MACAddress]) throws(FirewallError) -> String {
        let lan = "\"\(try NFTablesValidation.interfaceName(layout.lanInterface))\""
        let port = try NFTablesValidation.port(layout.portalPort)
        var preauth4: [String] = []
        for text in layout.preauthIPv4 { preauth4.append(try NFTablesValidation.ipv4Prefix(text)) }
        var preauth6: [String] = []
        for text in layout.preauthIPv6 { preauth6.append(try NFTablesValidation.ipv6Prefix(text)) }
        let idle = Self.seconds(layout.idleSeconds)
        let size = Self.setSize(maxDevices: layout.maxDevices)
        var text = """
        add table inet \(table)
        delete table inet \(table)
        table inet \(table) {
          set sessions { type ether_addr; flags timeout; size \(size); }
          set active { type ether_addr; flags dynamic,timeout; timeout \(idle)s; size \(size); }
          set blocked { type ether_addr; }
          set preauth4 { type ipv4_addr; flags interval; auto-merge; }
          set preauth6 { type ipv6_addr; flags interval; auto-merge; }
          chain prerouting {
            type nat hook prerouting priority dstnat; policy accept;
            iifname \(lan) ether saddr @sessions ether saddr @active return
            iifname \(lan) ip daddr @preauth4 return
            iifname \(lan) meta nfproto ipv4 tcp dport 80 redirect to :\(port)
          }
          chain input {
            type filter hook input priority filter; policy accept;
            iifname \(lan) ether saddr @sessions ether saddr @active ct status dnat tcp dport \(port) reject with tcp reset
          }
          chain forward {
            type filter hook forward priority filter; policy accept;
            iifname \(lan) ether saddr @blocked drop
            iifname \(lan) ether saddr @sessions ether saddr @active update @active { ether saddr } accept
            iifname \(lan) ip daddr @preauth4 accept
            iifname \(lan) ip6 daddr @preauth6 accept
            iifname \(lan) meta l4proto tcp reject with tcp reset
            iifname \(lan) reject with icmpx type admin-prohibited
          }
        }

        """
        text += addElements("preauth4", preauth4)
        text += addElements("preauth6", preauth6)
        text += addGrants(grants)
        text += addElements("blocked", blocked.map(\.description))
        return text + (try natInstall(layout, grants: grants))
    }

    /// Adds, then deletes, then adds again: an existing grant is replaced with fresh timers, a new one simply added.
    func grant(_ grants: [FirewallGrant]) -> String {
        // A device listed twice would be deleted twice, and the second delete fails the batch: the last grant wins.
        var seen = Set<MACAddress>()
        let grants = grants.reversed().filter { seen.insert($0.mac).inserted }.reversed() as [FirewallGrant]
        let macs = grants.map(\.mac.description)
        return addElements("sessions", macs) + addElements("active", macs)
            + deleteElements("sessions", macs) + deleteElements("active", macs)
            + addGrants(grants)
    }

    /// Adding first makes deleting an unknown device valid, so the batch never fails on it.
    func remove(_ macs: [MACAddress], from sets: [String]) -> String {
        let texts = Set(macs).sorted().map(\.description)
        return sets.map { addElements($0, texts) + deleteElements($0, texts) }.joined()
    }

    func block(_ macs: [MACAddress]) -> String {
        addElements("blocked", macs.map(\.description))
    }

    func uninstall() -> String { "add table inet \(table)\ndelete table inet \(table)\n" }

    private func addGrants(_ grants: [FirewallGrant]) -> String {
        addElements("sessions", grants.map { "\($0.mac) timeout \(Self.seconds($0.sessionSeconds))s" })
            + addElements("active", grants.map { "\($0.mac) timeout \(Self.seconds($0.idleSeconds))s" })
    }

    func addElements(_ set: String, _ elements: [String]) -> String {
        elements.isEmpty ? "" : "add element inet \(table) \(set) { \(elements.joined(separator: ", ")) }\n"
    }

    func deleteElements(_ set: String, _ elements: [String]) -> String {
        elements.isEmpty ? "" : "delete element inet \(table) \(set) { \(elements.joined(separator: ", ")) }\n"
    }

    /// The sets' size: the store already keeps the devices to `maxDevices`, so the kernel limit is only a
    /// backstop; twice the capacity leaves room for a batch that deletes and re-adds every element in one
    /// transaction (deleted elements are counted until the commit) and for stray elements until the
    /// next sweep removes them.
    static func setSize(maxDevices: Int) -> Int { min(max(2 * maxDevices, 2), Int(Int32.max)) }

    /// The kernel needs a positive timeout; an expired or absurd value must not make the whole batch fail.
    private static func seconds(_ value: Int) -> Int { min(max(value, 1), 365 * 24 * 3600) }
}
