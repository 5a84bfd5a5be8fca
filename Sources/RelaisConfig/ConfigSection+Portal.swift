import RelaisCore

extension ConfigSection {
    /// `[portal]`: the web pages visitors see.
    static let portal = ConfigSection(
        name: "portal",
        keys: ["listen_address", "port", "host", "venue_name", "assets_directory", "terms_version",
               "venue_info_url", "max_body_bytes", "form_token_seconds",
               "max_connections", "max_connections_per_address", "request_deadline_seconds"],
        read: { config, reader, directory in
            reader.set(&config.portal.listenAddress, "portal", "listen_address", ConfigValueRules.ipLiteral)
            reader.set(&config.portal.port, "portal", "port", ConfigValueRules.integer(in: 1...65_535))
            reader.set(&config.portal.host, "portal", "host", ConfigValueRules.host)
            reader.set(&config.portal.venueName, "portal", "venue_name", ConfigValueRules.label(maxLength: 100))
            reader.set(&config.portal.assetsDirectory, "portal", "assets_directory",
                       ConfigValueRules.path(relativeTo: directory, isDirectory: true))
            reader.set(&config.portal.termsVersion, "portal", "terms_version", ConfigValueRules.label(maxLength: 64))
            reader.set(&config.portal.venueInfoURL, "portal", "venue_info_url", ConfigValueRules.webURL)
            reader.set(&config.portal.maxBodyBytes, "portal", "max_body_bytes", ConfigValueRules.integer(in: 1_024...1_048_576))
            reader.set(&config.portal.formTokenSeconds, "portal", "form_token_seconds", ConfigValueRules.integer(in: 60...86_400))
            reader.set(&config.portal.maxConnections, "portal", "max_connections", ConfigValueRules.integer(in: 16...1_000_000))
            reader.set(&config.portal.maxConnectionsPerAddress, "portal", "max_connections_per_address", ConfigValueRules.integer(in: 1...1_000))
            reader.set(&config.portal.requestDeadlineSeconds, "portal", "request_deadline_seconds", ConfigValueRules.integer(in: 1...300))
        },
        check: { config, reader in
            // The relais table does not filter the portal port on the uplink: binding every interface
            // publishes the forms (and their rate limits) to the internet side of the box.
            guard !reader.rejectedKeys.contains("portal.listen_address"),
                  IPAddress(config.portal.listenAddress)?.isUnspecified == true else { return }
            reader.warn(line: reader.line("portal", "listen_address") ?? 0, key: "portal.listen_address",
                        problem: "\(ConfigValue.string(config.portal.listenAddress).rendered) listens on every interface, the uplink included, so the portal is reachable from outside the venue",
                        advice: "set it to the box's LAN address, usually the same as portal.host")
        })
}

extension IPAddress {
    /// `0.0.0.0` or `::`: "every interface" when bound, reachable by no device as a destination.
    var isUnspecified: Bool { bytes.allSatisfy { $0 == 0 } }
}
