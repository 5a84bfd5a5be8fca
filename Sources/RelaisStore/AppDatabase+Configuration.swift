extension AppDatabase {
    /// What a connection is opened for, which decides its settings.
    enum Access: Sendable {
        /// The writer of the daemon's file: WAL, durable commits.
        case readWriteFile
        /// A reader of the file, in the daemon or in another process: no journal change, no writes.
        case readOnlyFile
        /// A private database for tests: no file, hence no WAL.
        case memory
    }

    /// Milliseconds a statement waits for a lock held by another process (e.g. `relais purge`) before
    /// failing with `SQLITE_BUSY`.
    static let busyTimeoutMilliseconds: Int32 = 5_000

    /// The page cache of the connection, in KiB (SQLite reads a negative `cache_size` as KiB).
    ///
    /// SQLite's default is 2 MiB; half of it is enough: the working set is the open sessions, a few
    /// hundred bytes each, reached through the partial indexes, and the OS page cache keeps the file's
    /// hot pages anyway. The daemon must stay under 30 MB resident, and every MiB here is heap it keeps.
    static let cacheSizeKiB = 1_024

    /// The page cache of each reader connection, in KiB: a quarter of the writer's. Reads are rare
    /// (sweeps, pages of the staff, reports) and find the hot pages in the OS page cache; each reader
    /// is heap the daemon keeps (measured: about 1 MB resident per reader with 1 MiB of cache and
    /// 10,000 sessions read, with the daemon's malloc settings).
    static let readerCacheSizeKiB = 256

    /// Applies the connection settings:
    ///
    /// - `foreign_keys = ON`: the tables to come (consents, log) reference each other; SQLite keeps them
    ///   consistent instead of our code.
    /// - A busy timeout instead of an immediate `SQLITE_BUSY` when another process writes.
    /// - `journal_mode = WAL` on the daemon's file: another process reads while it writes. The mode is
    ///   checked, since SQLite silently keeps the old one where WAL cannot work (no shared memory).
    /// - `synchronous = FULL`. In WAL mode, `NORMAL` only syncs the WAL at checkpoints, so a power cut can
    ///   roll back the last committed transactions. A captive portal in a town hall loses power without
    ///   warning, and its sessions and connection log are a legal record: with `FULL`, every commit is
    ///   fsynced before it returns, so nothing committed is lost. The cost is one fsync per transaction,
    ///   which is why batch methods write many rows in one transaction.
    /// - `secure_delete = ON` where the connection writes: SQLite overwrites deleted content with zeros,
    ///   so the pages freed by ending a session or purging the log keep no MAC or IP address.
    static func configure(_ connection: SQLiteConnection, for access: Access) throws {
        try connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        try connection.execute("PRAGMA foreign_keys = ON")
        try connection.execute("PRAGMA cache_size = -\(access == .readOnlyFile ? readerCacheSizeKiB : cacheSizeKiB)")
        if access == .readWriteFile {
            let journal = try connection.text("PRAGMA journal_mode = WAL")
            guard journal?.lowercased() == "wal" else {
                throw StoreError(.cannotOpen, "Impossible de passer la base de données en mode WAL (journal « \(journal ?? "?") »).")
            }
        }
        if access != .readOnlyFile {
            try connection.execute("PRAGMA synchronous = FULL")
            try connection.execute("PRAGMA secure_delete = ON")
        }
    }
}
