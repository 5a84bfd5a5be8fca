import RelaisCore

extension ConfigSection {
    /// `[push]`: statistics to the département's collector; checked across keys only when enabled.
    static let push = ConfigSection(
        name: "push",
        keys: ["enabled", "collector_url", "ca_file", "box_id", "smallest_count", "epsilon", "duty_status_interval"],
        read: { config, reader, directory in
            reader.set(&config.push.enabled, "push", "enabled") { value throws(ValueRejection) in
                guard case .boolean(let flag) = value else {
                    throw ValueRejection(problem: "\(value.rendered) is \(value.kindName)", allowed: "true or false")
                }
                return flag
            }
            reader.set(&config.push.collectorURL, "push", "collector_url", ConfigValueRules.webURL)
            reader.set(&config.push.caFile, "push", "ca_file", ConfigValueRules.path(relativeTo: directory))
            reader.set(&config.push.boxID, "push", "box_id") { value throws(ValueRejection) in
                let allowed = "\"\" or 1 to 64 lower-case letters, digits and dashes, such as \"mediatheque-lannion\""
                let text = try ConfigValueRules.text(value, expected: allowed)
                guard text.isEmpty || BoxID(text) != nil else { throw ValueRejection(problem: "\(value.rendered) is not a box name", allowed: allowed) }
                return text
            }
            reader.set(&config.push.smallestCount, "push", "smallest_count", ConfigValueRules.integer(in: SuppressionThreshold.minimum...1000))
            reader.set(&config.push.epsilon, "push", "epsilon") { value throws(ValueRejection) in
                let allowed = "\"\" (no noise) or a positive decimal such as \"1.0\""
                let text = try ConfigValueRules.text(value, expected: allowed)
                guard text.isEmpty || text == "0" || Double(text).flatMap(LaplaceNoise.init(epsilon:)) != nil else {
                    throw ValueRejection(problem: "\(value.rendered) is not a positive number", allowed: allowed)
                }
                return text
            }
            reader.set(&config.push.dutyStatusSeconds, "push", "duty_status_interval", ConfigValueRules.duration(in: 60...3600))
        },
        check: { config, reader in
            guard config.push.enabled, let line = reader.line("push", "enabled") else { return }
            if !config.push.collectorURL.lowercased().hasPrefix("https://") {
                reader.report(line: reader.line("push", "collector_url") ?? line, key: "push.collector_url",
                              problem: "is not an https:// address while push is enabled", allowed: "the collector's https:// address")
            }
            if config.push.boxID.isEmpty {
                reader.report(line: reader.line("push", "box_id") ?? line, key: "push.box_id",
                              problem: "is empty while push is enabled", allowed: "the name the box is registered under")
            }
        })
}
