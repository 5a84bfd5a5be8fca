extension ConfigSection {
    /// `[store]`: the SQLite database.
    static let store = ConfigSection(
        name: "store",
        keys: ["database"],
        read: { config, reader, directory in
            reader.set(&config.store.databasePath, "store", "database", ConfigValueRules.path(relativeTo: directory))
        })
}
