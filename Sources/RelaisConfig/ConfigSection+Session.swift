extension ConfigSection {
    /// Session length: from one second (tests use a few seconds) to a week.
    static let sessionDurationRange = 1...(7 * 86_400)
    /// Devices connected at once: the kernel sets are sized at twice this, below nftables' u32 limit
    /// with room to spare.
    static let maxDevicesRange = 1...1_000_000

    /// `[session]`: limits applied to each device.
    static let session = ConfigSection(
        name: "session",
        keys: ["duration", "idle_timeout", "max_devices"],
        read: { config, reader, _ in
            reader.set(&config.session.durationSeconds, "session", "duration", ConfigValueRules.duration(in: sessionDurationRange))
            reader.set(&config.session.idleSeconds, "session", "idle_timeout", ConfigValueRules.duration(in: sessionDurationRange))
            reader.set(&config.session.maxDevices, "session", "max_devices", ConfigValueRules.integer(in: maxDevicesRange))
        },
        check: { config, reader in
            // The idle limit cannot exceed the session it belongs to.
            let session = config.session
            guard !reader.rejectedKeys.contains("session.duration"), !reader.rejectedKeys.contains("session.idle_timeout"),
                  session.idleSeconds > session.durationSeconds,
                  let line = reader.line("session", "idle_timeout") ?? reader.line("session", "duration") else { return }
            reader.report(line: line, key: "session.idle_timeout",
                          problem: "\(ConfigDuration.format(session.idleSeconds)) is longer than the session duration (\(ConfigDuration.format(session.durationSeconds)))",
                          allowed: "at most session.duration")
        })
}
