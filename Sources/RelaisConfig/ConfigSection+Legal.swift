extension ConfigSection {
    /// `[legal]`: the legal connection log's keys.
    static let legal = ConfigSection(
        name: "legal",
        keys: ["key_directory"],
        read: { config, reader, directory in
            reader.set(&config.legal.keyDirectory, "legal", "key_directory",
                       ConfigValueRules.path(relativeTo: directory, isDirectory: true))
        })
}
