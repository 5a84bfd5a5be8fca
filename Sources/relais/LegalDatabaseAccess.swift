import Glibc
import RelaisCore
import RelaisStore

/// Opening the daemon's database from a root command (`relais legal export`, `relais keys retire`, `relais purge`).
enum LegalDatabaseAccess {
    /// Opens the file and gives the journal files SQLite may have just created (-wal, -shm) to the
    /// database's owner: a root-owned journal left by a crash would stop the daemon (User=relais).
    static func open(path: String, sealer: (any LegalEntrySealer)?) throws -> AppDatabase {
        let database = try AppDatabase.open(path: path, readers: 1, legalSealer: sealer)
        var owner = stat()
        if geteuid() == 0, stat(path, &owner) == 0 {
            for suffix in ["-wal", "-shm"] { chown(path + suffix, owner.st_uid, owner.st_gid) }
        }
        return database
    }
}
