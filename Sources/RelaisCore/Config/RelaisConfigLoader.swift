/// Turns the text of `relais.toml` into a `RelaisConfig`, starting from `RelaisConfig.defaults`,
/// or into every problem found at once. Pure: the caller reads the file and passes its folder.
public enum RelaisConfigLoader {
    /// Known sections and keys, in the order of the example file.
    static let schema: [(section: String, keys: [String])] = [
        ("portal", ["listen_address", "port", "host", "venue_name", "assets_directory", "terms_version",
                    "venue_info_url", "max_body_bytes", "form_token_seconds"]),
        ("network", ["lan_interface", "firewall", "table", "preauth_allow", "sweep_seconds"]),
        ("session", ["duration", "idle_timeout", "max_devices"]),
        ("store", ["database"]),
        ("control", ["socket", "group"]),
        ("log", ["level"]),
    ]

    /// Log levels, as swift-log names them.
    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
    /// Devices connected at once: the kernel sets are sized at twice this, below nftables' u32 limit
    /// with room to spare.
    public static let maxDevicesRange = 1...1_000_000
    /// Session length: from one second (tests use a few seconds) to a week.
    public static let sessionDurationRange = 1...(7 * 86_400)

    /// Loads `text`, the content of the file named `fileName` (used in messages, e.g. `relais.toml`).
    /// Relative paths in the file are resolved against `directory`, the file's absolute folder.
    public static func load(fileName: String, text: String, directory: String) -> Result<RelaisConfig, ConfigIssues> {
        let (document, syntaxErrors) = TOMLSubsetParser.parse(text)
        var reader = ConfigReader(document: document, fileName: fileName)
        for error in syntaxErrors { reader.report(line: error.line, key: nil, problem: error.message) }
        reader.checkNames(against: schema)

        var config = RelaisConfig.defaults
        readPortal(&config.portal, &reader, directory: directory)
        readNetwork(&config.network, &reader)
        reader.set(&config.session.durationSeconds, "session", "duration", ConfigValueRules.duration(in: sessionDurationRange))
        reader.set(&config.session.idleSeconds, "session", "idle_timeout", ConfigValueRules.duration(in: sessionDurationRange))
        reader.set(&config.session.maxDevices, "session", "max_devices", ConfigValueRules.integer(in: maxDevicesRange))
        reader.set(&config.store.databasePath, "store", "database", ConfigValueRules.path(relativeTo: directory))
        // sun_path holds 108 bytes including the final NUL.
        reader.set(&config.control.socketPath, "control", "socket", ConfigValueRules.path(relativeTo: directory, maxBytes: 107))
        reader.set(&config.control.group, "control", "group", ConfigValueRules.groupName)
        reader.set(&config.log.level, "log", "level", ConfigValueRules.choice(logLevels))
        if syntaxErrors.isEmpty { checkSession(config.session, &reader) }

        // Stable sort: issues on one line keep the order they were found in.
        let issues = reader.issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return issues.isEmpty ? .success(config) : .failure(ConfigIssues(issues))
    }

    static func readPortal(_ portal: inout RelaisConfig.Portal, _ reader: inout ConfigReader, directory: String) {
        reader.set(&portal.listenAddress, "portal", "listen_address", ConfigValueRules.ipLiteral)
        reader.set(&portal.port, "portal", "port", ConfigValueRules.integer(in: 1...65_535))
        reader.set(&portal.host, "portal", "host", ConfigValueRules.host)
        reader.set(&portal.venueName, "portal", "venue_name", ConfigValueRules.label(maxLength: 100))
        reader.set(&portal.assetsDirectory, "portal", "assets_directory", ConfigValueRules.path(relativeTo: directory, isDirectory: true))
        reader.set(&portal.termsVersion, "portal", "terms_version", ConfigValueRules.label(maxLength: 64))
        reader.set(&portal.venueInfoURL, "portal", "venue_info_url", ConfigValueRules.webURL)
        reader.set(&portal.maxBodyBytes, "portal", "max_body_bytes", ConfigValueRules.integer(in: 1_024...1_048_576))
        reader.set(&portal.formTokenSeconds, "portal", "form_token_seconds", ConfigValueRules.integer(in: 60...86_400))
    }

    static func readNetwork(_ network: inout RelaisConfig.Network, _ reader: inout ConfigReader) {
        reader.set(&network.lanInterface, "network", "lan_interface", ConfigValueRules.interfaceName)
        reader.set(&network.firewall, "network", "firewall") { value throws(ValueRejection) in
            let word = try ConfigValueRules.choice(RelaisConfig.FirewallMode.allCases.map(\.rawValue))(value)
            return RelaisConfig.FirewallMode(rawValue: word) ?? .nftables
        }
        reader.set(&network.table, "network", "table", ConfigValueRules.tableName)
        reader.set(&network.preauthAllow, "network", "preauth_allow", ConfigValueRules.addressBlocks)
        reader.set(&network.sweepSeconds, "network", "sweep_seconds", ConfigValueRules.integer(in: 1...300))
    }

    /// The idle limit cannot exceed the session it belongs to.
    static func checkSession(_ session: RelaisConfig.SessionSettings, _ reader: inout ConfigReader) {
        guard !reader.rejectedKeys.contains("session.duration"), !reader.rejectedKeys.contains("session.idle_timeout"),
              session.idleSeconds > session.durationSeconds,
              let line = reader.line("session", "idle_timeout") ?? reader.line("session", "duration") else { return }
        reader.report(line: line, key: "session.idle_timeout",
                      problem: "\(ConfigDuration.format(session.idleSeconds)) is longer than the session duration (\(ConfigDuration.format(session.durationSeconds)))",
                      allowed: "at most session.duration")
    }
}
