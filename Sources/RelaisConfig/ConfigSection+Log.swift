extension ConfigSection {
    /// `[log]`.
    static let log = ConfigSection(
        name: "log",
        keys: ["level"],
        read: { config, reader, _ in
            reader.set(&config.log.level, "log", "level", ConfigValueRules.choice(RelaisConfigLoader.logLevels))
        })
}
