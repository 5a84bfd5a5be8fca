/// The enforcement point: which devices may pass, kept in the kernel. Derived state, rebuilt from the store.
///
/// Implementations are called from one actor at a time but must be safe to share.
public protocol Firewall: Sendable {
    /// Atomically replaces the whole rule set this program owns with `layout`, holding `grants` and `blocked`.
    func install(_ layout: FirewallLayout, grants: [FirewallGrant], blocked: [MACAddress]) throws(FirewallError)
    /// Lets these devices pass, each until its own timeout; an existing grant is replaced.
    func grant(_ grants: [FirewallGrant]) throws(FirewallError)
    /// Stops these devices; unknown ones are ignored.
    func revoke(_ macs: [MACAddress]) throws(FirewallError)
    /// Adds devices to, or removes them from, the blocked list.
    func setBlocked(_ macs: [MACAddress], blocked: Bool) throws(FirewallError)
    /// What the kernel holds now: the sweep compares it with the store's live sessions.
    func listing() throws(FirewallError) -> FirewallListing
    /// Removes everything this program installed; touches nothing else.
    func uninstall() throws(FirewallError)
}

/// One device let through: the kernel ends it by itself after `sessionSeconds`, or after `idleSeconds` without traffic.
public struct FirewallGrant: Sendable, Equatable {
    public var mac: MACAddress
    public var sessionSeconds: Int
    public var idleSeconds: Int
    /// Its source NAT, when relais translates (the layout has `nat`) and the session holds a block.
    public var nat: NATBinding?

    public init(mac: MACAddress, sessionSeconds: Int, idleSeconds: Int, nat: NATBinding? = nil) {
        self.mac = mac
        self.sessionSeconds = sessionSeconds
        self.idleSeconds = idleSeconds
        self.nat = nat
    }
}

/// The devices in the firewall's two grant sets, read from the kernel.
public struct FirewallListing: Sendable, Equatable {
    /// Devices whose hard-limit timer runs (the `sessions` set): only that limit removes one by itself.
    public var granted: Set<MACAddress>
    /// Devices whose idle timer runs (the `active` set), refreshed by their traffic.
    public var active: Set<MACAddress>
    /// Devices dropped whatever else holds (the `blocked` set).
    public var blocked: Set<MACAddress>
    /// The NAT map's elements, by private address; nil when the firewall does no NAT or did not list it.
    public var nat: [IPAddress: NATBinding]?

    public init(granted: Set<MACAddress>, active: Set<MACAddress>, blocked: Set<MACAddress>, nat: [IPAddress: NATBinding]? = nil) {
        self.granted = granted
        self.active = active
        self.blocked = blocked
        self.nat = nat
    }

    /// The devices that pass: in both sets.
    public var passing: Set<MACAddress> { granted.intersection(active) }
}

/// What the owned rule set looks like; it comes from the configuration.
public struct FirewallLayout: Sendable, Equatable {
    /// Name of the `inet` table this program owns.
    public var tableName: String
    /// The visitors' interface.
    public var lanInterface: String
    /// Local port the portal listens on: unauthorized HTTP (tcp/80) is redirected there.
    public var portalPort: Int
    /// Destinations reachable before acceptance (IPv4 CIDR or address).
    public var preauthIPv4: [String]
    /// Destinations reachable before acceptance (IPv6 CIDR or address).
    public var preauthIPv6: [String]
    /// Default idle timeout in seconds, refreshed by each forwarded packet.
    public var idleSeconds: Int
    /// Most devices connected at once (the store enforces it); the kernel's sets are sized from it.
    public var maxDevices: Int
    /// The visitors' source NAT with a port block per device; nil when NAT happens elsewhere.
    public var nat: NATLayout?

    public init(
        tableName: String, lanInterface: String, portalPort: Int, preauthIPv4: [String], preauthIPv6: [String],
        idleSeconds: Int, maxDevices: Int, nat: NATLayout? = nil
    ) {
        self.tableName = tableName
        self.lanInterface = lanInterface
        self.portalPort = portalPort
        self.preauthIPv4 = preauthIPv4
        self.preauthIPv6 = preauthIPv6
        self.idleSeconds = idleSeconds
        self.maxDevices = maxDevices
        self.nat = nat
    }
}

/// A firewall operation that failed, with the library's own message.
public struct FirewallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code: `install`, `grant`, `revoke`, `block`, `list`, `uninstall`, `context`, `conntrack`.
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "firewall \(code): \(message)" }
}
