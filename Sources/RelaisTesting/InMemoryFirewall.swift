import RelaisCore
import Synchronization

/// The in-memory twin of the nftables firewall: grants with their timeouts, blocked devices, and a
/// switch to simulate the kernel dropping an idle device. For unit tests.
public final class InMemoryFirewall: Firewall, ConnectionTracker {
    /// What the twin currently holds.
    public struct Contents: Sendable, Equatable {
        public var layout: FirewallLayout?
        public var grants: [MACAddress: FirewallGrant] = [:]
        public var idle: Set<MACAddress> = []
        public var blocked: Set<MACAddress> = []
        public var forgottenAddresses: [IPAddress] = []
        public var installCount = 0
    }

    private let state = Mutex(Contents())
    /// When set, grants throw (to test failure paths).
    public let failGrants = Mutex<Bool>(false)

    public init() {}

    public var contents: Contents { state.withLock { $0 } }

    /// Simulates the kernel idle timer expiring for this device.
    public func markIdle(_ mac: MACAddress) {
        state.withLock { _ = $0.idle.insert(mac) }
    }

    public func install(_ layout: FirewallLayout, grants: [FirewallGrant], blocked: [MACAddress]) throws(FirewallError) {
        state.withLock { state in
            state.layout = layout
            state.grants = Dictionary(grants.map { ($0.mac, $0) }, uniquingKeysWith: { $1 })
            state.idle = []
            state.blocked = Set(blocked)
            state.installCount += 1
        }
    }

    public func grant(_ grants: [FirewallGrant]) throws(FirewallError) {
        if failGrants.withLock({ $0 }) { throw FirewallError(code: "grant", message: "injected failure") }
        state.withLock { state in
            for grant in grants {
                state.grants[grant.mac] = grant
                state.idle.remove(grant.mac)
            }
        }
    }

    public func revoke(_ macs: [MACAddress]) throws(FirewallError) {
        state.withLock { state in
            for mac in macs { state.grants.removeValue(forKey: mac) }
        }
    }

    public func setBlocked(_ macs: [MACAddress], blocked: Bool) throws(FirewallError) {
        state.withLock { state in
            if blocked { state.blocked.formUnion(macs) } else { state.blocked.subtract(macs) }
        }
    }

    public func listing() throws(FirewallError) -> FirewallListing {
        state.withLock {
            FirewallListing(granted: Set($0.grants.keys), active: Set($0.grants.keys).subtracting($0.idle), blocked: $0.blocked)
        }
    }

    /// Simulates a hand-made change of the kernel's sets (`nft delete element`, `nft add element`).
    public func tamper(
        removing removed: [MACAddress] = [], adding added: [FirewallGrant] = [],
        unblocking unblocked: [MACAddress] = [], blocking blocked: [MACAddress] = []
    ) {
        state.withLock { state in
            for mac in removed { state.grants.removeValue(forKey: mac) }
            for grant in added { state.grants[grant.mac] = grant }
            state.blocked.subtract(unblocked)
            state.blocked.formUnion(blocked)
        }
    }

    public func uninstall() throws(FirewallError) {
        state.withLock { state in
            state.layout = nil
            state.grants = [:]
            state.blocked = []
        }
    }

    public func forgetFlows(from addresses: [IPAddress]) throws(FirewallError) {
        state.withLock { $0.forgottenAddresses += addresses }
    }
}
