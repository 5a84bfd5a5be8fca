/// Reads a collector's configuration file, by the same TOML subset and value rules as `relais.toml`.
public enum CollectorConfigLoader {
    static let keys = ["listen_address", "port", "tls_certificate", "tls_key", "database", "max_body_bytes", "rate_burst",
                       "rate_per_minute"]

    /// Whether `text` is a collector's file (it has a `[collector]` section), for `check-config`.
    public static func isCollectorFile(_ text: String) -> Bool {
        TOMLSubsetParser.parse(text).0.section("collector") != nil
    }

    /// The config, or every problem found at once.
    public static func check(fileName: String, text: String, directory: String) -> CollectorConfigCheck {
        let (document, syntaxErrors) = TOMLSubsetParser.parse(text)
        var reader = ConfigReader(document: document, fileName: fileName)
        for error in syntaxErrors { reader.report(line: error.line, key: nil, problem: error.message) }
        reader.checkNames(against: [("collector", keys)])
        var config = CollectorConfig()
        let optionalPath: ConfigRule<String> = { value throws(ValueRejection) in
            value == .string("") ? "" : try ConfigValueRules.path(relativeTo: directory)(value)
        }
        reader.set(&config.listenAddress, "collector", "listen_address", ConfigValueRules.ipLiteral)
        reader.set(&config.port, "collector", "port", ConfigValueRules.integer(in: 1...65_535))
        reader.set(&config.tlsCertificate, "collector", "tls_certificate", optionalPath)
        reader.set(&config.tlsKey, "collector", "tls_key", optionalPath)
        reader.set(&config.database, "collector", "database", ConfigValueRules.path(relativeTo: directory))
        reader.set(&config.maxBodyBytes, "collector", "max_body_bytes", ConfigValueRules.integer(in: 4096...1_048_576))
        reader.set(&config.rateBurst, "collector", "rate_burst", ConfigValueRules.integer(in: 1...100_000))
        reader.set(&config.ratePerMinute, "collector", "rate_per_minute", ConfigValueRules.integer(in: 1...100_000))
        if syntaxErrors.isEmpty, !config.isLoopback, !config.hasTLS {
            reader.report(line: reader.line("collector", "listen_address") ?? document.section("collector")?.line ?? 1,
                          key: "collector.tls_certificate", problem: "is required (with tls_key) unless listen_address is loopback",
                          allowed: "the PEM certificate and key of the collector's HTTPS address")
        }
        let issues = reader.issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        let errors = issues.filter { $0.severity == .error }
        return CollectorConfigCheck(config: errors.isEmpty ? config : nil, errors: errors,
                                    warnings: issues.filter { $0.severity == .warning })
    }
}
