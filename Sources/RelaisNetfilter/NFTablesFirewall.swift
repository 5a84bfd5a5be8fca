import Glibc
import Logging
import RelaisCore
import Synchronization

/// The `Firewall` over libnftables, in-process: one owned `inet` table, every change one kernel transaction.
///
/// The table holds a `sessions` set (per-device hard limit), an `active` set (idle timer, refreshed by each
/// forwarded packet with the layout's idle timeout), a `blocked` set and the pre-authorized destinations.
/// It acts in the network namespace the object was created in (see `NFTablesContext`).
public final class NFTablesFirewall: Firewall {
    private let context: NFTablesContext
    /// The sweep's listings, over a netlink socket of their own: a visitor's grant never waits behind one.
    private let reader: NFTablesSetReader
    private let commands: NFTablesCommands
    private let logger: Logger
    /// The NAT map's elements as this object wrote them, by device: a revoke names devices, the map is keyed
    /// by address. Rebuilt by each install, which the gateway runs from the store at start and after failures.
    private let natBindings = Mutex<[MACAddress: NATBinding]>([:])
    /// Whether the installed layout has the NAT map, which listings then read.
    private let natInstalled = Mutex(false)

    /// Owns `inet tableName` only; the name must also be the one given in each installed layout.
    public init(tableName: String, logger: Logger) throws(FirewallError) {
        self.commands = try NFTablesCommands(table: tableName)
        self.context = try NFTablesContext()
        self.reader = try NFTablesSetReader(table: commands.table)
        self.logger = logger
    }

    public func install(_ layout: FirewallLayout, grants: [FirewallGrant], blocked: [MACAddress]) throws(FirewallError) {
        guard layout.tableName == commands.table else {
            throw FirewallError(code: "install", message: "layout table differs from the owned table \(commands.table)")
        }
        try natBindings.withLock { (tracked: inout [MACAddress: NATBinding]) throws(FirewallError) in
            _ = try context.run(try commands.install(layout, grants: grants, blocked: blocked), code: "install")
            tracked = [:]
            natInstalled.withLock { $0 = layout.nat != nil }
            if layout.nat != nil {
                for grant in grants { tracked[grant.mac] = grant.nat.flatMap { NFTablesCommands.isValid($0) ? $0 : nil } }
            }
        }
        logger.info("firewall installed", metadata: [
            "firewall.table": "\(commands.table)", "firewall.grants": "\(grants.count)", "firewall.blocked": "\(blocked.count)",
        ])
    }

    public func grant(_ grants: [FirewallGrant]) throws(FirewallError) {
        guard !grants.isEmpty else { return }
        try natBindings.withLock { (tracked: inout [MACAddress: NATBinding]) throws(FirewallError) in
            let change = NATChange(granting: grants, tracked: tracked)
            _ = try context.run(commands.grant(grants) + commands.natChange(removing: change.removed, adding: change.added), code: "grant")
            change.apply(to: &tracked)
        }
        logger.debug("firewall granted", metadata: ["firewall.count": "\(grants.count)"])
    }

    public func revoke(_ macs: [MACAddress]) throws(FirewallError) {
        guard !macs.isEmpty else { return }
        try natBindings.withLock { (tracked: inout [MACAddress: NATBinding]) throws(FirewallError) in
            let removed = Set(macs).sorted().compactMap { tracked[$0] }
            _ = try context.run(commands.remove(macs, from: ["sessions", "active"]) + commands.natChange(removing: removed, adding: []), code: "revoke")
            for mac in macs { tracked[mac] = nil }
        }
        logger.debug("firewall revoked", metadata: ["firewall.count": "\(macs.count)"])
    }

    public func setBlocked(_ macs: [MACAddress], blocked: Bool) throws(FirewallError) {
        guard !macs.isEmpty else { return }
        let command = blocked ? commands.block(macs) : commands.remove(macs, from: ["blocked"])
        _ = try context.run(command, code: "block")
    }

    public func listing() throws(FirewallError) -> FirewallListing {
        FirewallListing(
            granted: try consistentListing(of: "sessions"), active: try consistentListing(of: "active"),
            blocked: try consistentListing(of: "blocked"),
            nat: natInstalled.withLock { $0 } ? try natListing() : nil)
    }

    /// The NAT map as the kernel holds it, by private address (block indexes are not in the kernel: -1).
    public func natListing() throws(FirewallError) -> [IPAddress: NATBinding] {
        try NFTablesNATListing.decode(try context.run("list map inet \(commands.table) \(NFTablesCommands.natMap)\n", code: "list", json: true))
    }

    /// The MACs in the blocked set, for checks and the control CLI.
    public func blockedDevices() throws(FirewallError) -> Set<MACAddress> {
        try consistentListing(of: "blocked")
    }

    /// The addresses of one set, listed while it was not being changed or resized. The kernel walks a hash
    /// set while it may be rehashing (after a large batch): such a dump repeats some elements and misses as
    /// many others (seen here: 8,297 distinct of 10,000 listed). Repeats, or the kernel's own "interrupted"
    /// flag, are the sign; list again until neither.
    private func consistentListing(of set: String) throws(FirewallError) -> Set<MACAddress> {
        for attempt in 0..<Self.listingAttempts {
            let dump = try reader.dump(set)
            let distinct = Set(dump.elements)
            if !dump.interrupted && distinct.count == dump.elements.count { return distinct }
            logger.debug("firewall listing taken during a set change, listing again", metadata: ["firewall.attempt": "\(attempt + 1)"])
            usleep(50_000)
        }
        throw FirewallError(code: "list", message: "the kernel kept returning inconsistent set listings")
    }

    private static let listingAttempts = 20

    public func uninstall() throws(FirewallError) {
        try natBindings.withLock { (tracked: inout [MACAddress: NATBinding]) throws(FirewallError) in
            _ = try context.run(commands.uninstall(), code: "uninstall")
            tracked = [:]
            natInstalled.withLock { $0 = false }
        }
        logger.info("firewall uninstalled", metadata: ["firewall.table": "\(commands.table)"])
    }
}
