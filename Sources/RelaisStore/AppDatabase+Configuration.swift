import GRDB

extension AppDatabase {
    /// Seconds a write waits for a lock held by another process (e.g. `relais purge`) before failing.
    static let busyTimeout: Double = 5

    /// The connection settings of the database (durability is set on the writer by ``makeDurable(_:)``).
    ///
    /// - `foreign_keys = ON`: the tables to come (consents, log) reference each other; SQLite keeps them
    ///   consistent instead of our code.
    /// - A busy timeout instead of an immediate `SQLITE_BUSY` when another process writes.
    static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.label = "relais"
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        // Two cores: a few concurrent readers are plenty.
        config.maximumReaderCount = 4
        return config
    }

    /// Sets `synchronous = FULL` on the writer connection, the only one that commits.
    ///
    /// In WAL mode, `NORMAL` (which `DatabasePool` sets when it enables WAL, after `prepareDatabase`, hence
    /// this separate step) only syncs the WAL at checkpoints, so a power cut can roll back the last
    /// committed transactions. A captive portal in a town hall loses power without warning, and its
    /// sessions and connection log are a legal record: with `FULL`, every commit is fsynced before it
    /// returns, so nothing committed is lost. The cost is one fsync per transaction, which is why batch
    /// methods write many rows in one transaction.
    static func makeDurable(_ writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
    }
}
