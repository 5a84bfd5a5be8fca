/// When a transaction takes the database's write lock.
enum SQLiteTransactionKind: String, Sendable {
    /// At the first write: for reads, which then see one consistent snapshot.
    case deferred = "DEFERRED"
    /// At `BEGIN`: a write transaction then never fails halfway for want of the lock, it waits for it
    /// (busy timeout) before doing anything.
    case immediate = "IMMEDIATE"
}

extension SQLiteConnection {
    /// Runs `body` in one transaction: commits when it returns, rolls back when it throws, or when
    /// `COMMIT` itself fails (e.g. disk full). All of it is written, or none of it.
    func transaction<T>(_ kind: SQLiteTransactionKind, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue)")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            // Some failures (SQLITE_FULL, SQLITE_IOERR…) already rolled back; only roll back what is open.
            // A failing ROLLBACK would hide the error that caused it, so its own error is dropped.
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}
