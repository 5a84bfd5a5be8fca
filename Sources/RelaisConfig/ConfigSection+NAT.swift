import RelaisCore

extension ConfigSection {
    /// `[nat]`: the visitors' source NAT, one block of public ports per device (or none: NAT elsewhere).
    static let nat = ConfigSection(
        name: "nat",
        keys: ["mode", "uplink_interface", "public_address", "ports_per_device", "first_port"],
        read: { config, reader, _ in
            reader.set(&config.nat.mode, "nat", "mode") { value throws(ValueRejection) in
                let word = try ConfigValueRules.choice(RelaisConfig.NATMode.allCases.map(\.rawValue))(value)
                return RelaisConfig.NATMode(rawValue: word) ?? .portBlocks
            }
            reader.set(&config.nat.uplinkInterface, "nat", "uplink_interface", ConfigValueRules.interfaceName)
            reader.set(&config.nat.publicAddress, "nat", "public_address") { value throws(ValueRejection) in
                let allowed = "\"\" (the uplink interface's IPv4 address at start) or an IPv4 address such as 198.51.100.1"
                let text = try ConfigValueRules.text(value, expected: allowed)
                guard text.isEmpty || IPAddress(text)?.isIPv4 == true else {
                    throw ValueRejection(problem: "\(value.rendered) is not an IPv4 address", allowed: allowed)
                }
                return text
            }
            reader.set(&config.nat.portsPerDevice, "nat", "ports_per_device", ConfigValueRules.integer(in: portsPerDeviceRange))
            reader.set(&config.nat.firstPort, "nat", "first_port", ConfigValueRules.integer(in: 1...65_535))
        },
        check: { config, reader in
            let nat = config.nat
            guard nat.mode == .portBlocks else { return }
            if nat.uplinkInterface == config.network.lanInterface, let line = reader.line("nat", "uplink_interface") {
                reader.report(line: line, key: "nat.uplink_interface", problem: "\"\(nat.uplinkInterface)\" is the visitors' interface",
                              allowed: "the interface towards the internet, other than network.lan_interface")
            }
            guard !reader.rejectedKeys.contains("nat.ports_per_device"), !reader.rejectedKeys.contains("nat.first_port"),
                  nat.firstPort + nat.portsPerDevice - 1 > PortBlockPlan.lastPort,
                  let line = reader.line("nat", "first_port") ?? reader.line("nat", "ports_per_device") else { return }
            reader.report(line: line, key: "nat.first_port",
                          problem: "not one block of \(nat.portsPerDevice) ports fits between \(nat.firstPort) and 65535",
                          allowed: "first_port + ports_per_device - 1 at most 65535")
        })

    /// At least 16 ports (a device's few parallel flows to one destination), at most every port above 1023.
    static let portsPerDeviceRange = 16...64_512
}
