import RelaisConfig
import RelaisControl
import RelaisCore
import RelaisGateway
import RelaisNetfilter

/// The port-block plan the configuration asks for, with the public address resolved at start.
enum NATSetup {
    /// nil when relais does not translate (NAT mode `none`, or no firewall enforced); throws when the
    /// public address cannot be known: the daemon must not open sessions it could not attribute.
    static func plan(for config: RelaisConfig) throws -> PortBlockPlan? {
        guard config.nat.mode == .portBlocks, config.network.firewall == .nftables else { return nil }
        let nat = config.nat
        let address: IPAddress
        if let configured = IPAddress(nat.publicAddress) {
            address = configured
        } else if let found = InterfaceAddresses.ipv4(of: nat.uplinkInterface).first {
            address = found
        } else {
            throw NATSetupError(description: """
                nat: l'interface « \(nat.uplinkInterface) » n'a pas d'adresse IPv4 : réglez nat.public_address ou \
                nat.uplink_interface (the uplink interface has no IPv4 address: set nat.public_address)
                """)
        }
        guard let plan = PortBlockPlan(publicAddress: address, firstPort: nat.firstPort, portsPerDevice: nat.portsPerDevice) else {
            throw NATSetupError(description: "nat: no port block fits with first_port \(nat.firstPort) and ports_per_device \(nat.portsPerDevice)")
        }
        return plan
    }
}

/// Why the NAT cannot be set up.
struct NATSetupError: Error, CustomStringConvertible {
    var description: String
}

extension NATSetup {
    /// The NAT line of `relais ctl status`: blocks held by the connected devices the directory lists.
    static func status(plan: PortBlockPlan?, directory: ClientDirectory) -> NATStatus {
        guard let plan else { return NATStatus(mode: "none") }
        return NATStatus(
            mode: "port-blocks", publicAddress: plan.publicAddress.description, portsPerDevice: plan.portsPerDevice,
            leasedBlocks: directory.allSessions().count { $0.portBlock != nil }, totalBlocks: plan.blockCount)
    }
}
