extension ConfigSection {
    /// `[network]`: the visitors' interface and the firewall.
    static let network = ConfigSection(
        name: "network",
        keys: ["lan_interface", "firewall", "table", "preauth_allow", "sweep_seconds"],
        read: { config, reader, _ in
            reader.set(&config.network.lanInterface, "network", "lan_interface", ConfigValueRules.interfaceName)
            reader.set(&config.network.firewall, "network", "firewall") { value throws(ValueRejection) in
                let word = try ConfigValueRules.choice(RelaisConfig.FirewallMode.allCases.map(\.rawValue))(value)
                return RelaisConfig.FirewallMode(rawValue: word) ?? .nftables
            }
            reader.set(&config.network.table, "network", "table", ConfigValueRules.tableName)
            reader.set(&config.network.preauthAllow, "network", "preauth_allow", ConfigValueRules.addressBlocks)
            reader.set(&config.network.sweepSeconds, "network", "sweep_seconds", ConfigValueRules.integer(in: 1...300))
        },
        check: { config, reader in
            guard !reader.rejectedKeys.contains("network.preauth_allow"),
                  let problem = PreauthCoverage(config.network.preauthAllow).excess else { return }
            reader.report(line: reader.line("network", "preauth_allow") ?? 0, key: "network.preauth_allow", problem: problem,
                          allowed: PreauthCoverage.allowed)
        })
}
