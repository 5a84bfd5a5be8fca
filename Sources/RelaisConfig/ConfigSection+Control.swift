extension ConfigSection {
    /// `[control]`: the local socket `relais ctl` talks to.
    static let control = ConfigSection(
        name: "control",
        keys: ["socket", "group"],
        read: { config, reader, directory in
            // sun_path holds 108 bytes including the final NUL.
            reader.set(&config.control.socketPath, "control", "socket", ConfigValueRules.path(relativeTo: directory, maxBytes: 107))
            reader.set(&config.control.group, "control", "group", ConfigValueRules.groupName)
        })
}
