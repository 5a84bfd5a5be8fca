import RelaisCore
import Synchronization

/// The development switch `firewall = "none"`: nothing reaches the kernel, grants are only remembered
/// so that sessions follow their limits. Never the default where nftables is usable.
public final class UnenforcedFirewall: Firewall, ConnectionTracker {
    private let granted = Mutex(Set<MACAddress>())

    public init() {}

    public func install(_ layout: FirewallLayout, grants: [FirewallGrant], blocked: [MACAddress]) throws(FirewallError) {
        granted.withLock { $0 = Set(grants.map(\.mac)) }
    }

    public func grant(_ grants: [FirewallGrant]) throws(FirewallError) {
        granted.withLock { $0.formUnion(grants.map(\.mac)) }
    }

    public func revoke(_ macs: [MACAddress]) throws(FirewallError) {
        granted.withLock { $0.subtract(macs) }
    }

    public func setBlocked(_ macs: [MACAddress], blocked: Bool) throws(FirewallError) {
        if blocked { granted.withLock { $0.subtract(macs) } }
    }

    public func listing() throws(FirewallError) -> FirewallListing {
        granted.withLock { FirewallListing(granted: $0, active: $0) }
    }

    public func uninstall() throws(FirewallError) {
        granted.withLock { $0.removeAll() }
    }

    public func forgetFlows(from addresses: [IPAddress]) throws(FirewallError) {}
}
