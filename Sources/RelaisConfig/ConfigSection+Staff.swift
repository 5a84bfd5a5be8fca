extension ConfigSection {
    /// `[staff]`: the agents' listener, TLS or loopback only; disabled while `listen_address` is empty.
    static let staff = ConfigSection(
        name: "staff",
        keys: ["listen_address", "port", "tls_certificate", "tls_key"],
        read: { config, reader, directory in
            let optionalPath: ConfigRule<String> = { value throws(ValueRejection) in
                value == .string("") ? "" : try ConfigValueRules.path(relativeTo: directory)(value)
            }
            reader.set(&config.staff.listenAddress, "staff", "listen_address") { value throws(ValueRejection) in
                value == .string("") ? "" : try ConfigValueRules.ipLiteral(value)
            }
            reader.set(&config.staff.port, "staff", "port", ConfigValueRules.integer(in: 1...65_535))
            reader.set(&config.staff.tlsCertificate, "staff", "tls_certificate", optionalPath)
            reader.set(&config.staff.tlsKey, "staff", "tls_key", optionalPath)
        },
        check: { config, reader in
            // The listener's own rule (TLS or loopback), and no port shared with the portal.
            let staff = config.staff
            guard staff.isEnabled,
                  !["listen_address", "port", "tls_certificate", "tls_key"].contains(where: { reader.rejectedKeys.contains("staff.\($0)") }),
                  let line = reader.line("staff", "listen_address") else { return }
            if let refusal = staff.refusal {
                reader.report(line: line, key: refusal.key, problem: refusal.problem, allowed: refusal.allowed)
            }
            if staff.port == config.portal.port {
                reader.report(line: reader.line("staff", "port") ?? line, key: "staff.port",
                              problem: "\(staff.port) is also the portal's port", allowed: "a port other than portal.port")
            }
        })
}
