import Logging
import RelaisCore
@testable import RelaisNetfilter
import RelaisTesting

/// Shared values and set-up for the integration tests of `NFTablesFirewall`.
enum FirewallFixture {
    static let layout = FirewallLayout(
        tableName: "relais", lanInterface: "wlan0", portalPort: 8080,
        preauthIPv4: ["192.0.2.0/24", "198.51.100.7"], preauthIPv6: ["2001:db8::/64"], idleSeconds: 600,
        maxDevices: 20_000)

    static func mac(_ index: Int) -> MACAddress {
        MACAddress(rawValue: 0x0200_0000_0000 | UInt64(index))
    }

    static func grant(_ index: Int, session: Int = 3600, idle: Int = 600) -> FirewallGrant {
        FirewallGrant(mac: mac(index), sessionSeconds: session, idleSeconds: idle)
    }

    /// A new namespace with a firewall whose libnftables context was created inside it.
    static func withFirewall<T>(_ body: (NFTablesFirewall, NetworkNamespace) throws -> T) throws -> T {
        try NetworkNamespace.withNew { namespace in
            let firewall = try namespace.run { () throws -> NFTablesFirewall in
                try NFTablesFirewall(tableName: "relais", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            }
            return try body(firewall, namespace)
        }
    }
}
