import RelaisCore
import Synchronization

/// The development switch `firewall = "none"`: nothing reaches the kernel, grants and blocks are only
/// remembered so that sessions follow their limits and the sweep finds nothing to repair. Never the
/// default where nftables is usable.
public final class UnenforcedFirewall: Firewall, ConnectionTracker {
    private let state = Mutex(FirewallListing(granted: [], active: [], blocked: []))

    public init() {}

    public func install(_ layout: FirewallLayout, grants: [FirewallGrant], blocked: [MACAddress]) throws(FirewallError) {
        let macs = Set(grants.map(\.mac))
        state.withLock { $0 = FirewallListing(granted: macs, active: macs, blocked: Set(blocked)) }
    }

    public func grant(_ grants: [FirewallGrant]) throws(FirewallError) {
        state.withLock {
            $0.granted.formUnion(grants.map(\.mac))
            $0.active.formUnion(grants.map(\.mac))
        }
    }

    public func revoke(_ macs: [MACAddress]) throws(FirewallError) {
        state.withLock {
            $0.granted.subtract(macs)
            $0.active.subtract(macs)
        }
    }

    public func setBlocked(_ macs: [MACAddress], blocked: Bool) throws(FirewallError) {
        state.withLock {
            if blocked { $0.blocked.formUnion(macs) } else { $0.blocked.subtract(macs) }
        }
    }

    public func listing() throws(FirewallError) -> FirewallListing {
        state.withLock { $0 }
    }

    public func uninstall() throws(FirewallError) {
        state.withLock { $0 = FirewallListing(granted: [], active: [], blocked: []) }
    }

    public func forgetFlows(from addresses: [IPAddress]) throws(FirewallError) {}
}
