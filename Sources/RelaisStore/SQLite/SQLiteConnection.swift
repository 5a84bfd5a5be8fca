import CSQLite

/// One SQLite connection: opens the file, runs SQL, hands out prepared statements, closes on release.
///
/// Not thread-safe (opened `NOMUTEX`): its owner serializes every use (``AppDatabase`` gives each
/// connection to one thread of its own, ``ConnectionThreads``).
final class SQLiteConnection {
    /// How the file is opened.
    enum Mode {
        /// Read and write, creating the file when it does not exist.
        case readWrite
        /// Read only; the file must exist.
        case readOnly
    }

    /// The path SQLite reads as a private database in memory.
    static let inMemoryPath = ":memory:"

    let handle: OpaquePointer
    private var statements = SQLiteStatementCache()

    /// Opens `path` (or ``inMemoryPath``), with extended result codes on.
    init(path: String, mode: Mode) throws(SQLiteError) {
        let access = switch mode {
        case .readWrite: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: SQLITE_OPEN_READONLY
        }
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, access | SQLITE_OPEN_NOMUTEX, nil)
        do {
            try SQLiteError.check(code, on: handle)
        } catch {
            // SQLite returns a handle even on failure, except out of memory: it holds the message, then
            // must be closed.
            sqlite3_close_v2(handle)
            throw error
        }
        guard let handle else { throw SQLiteError(extendedCode: SQLITE_NOMEM, message: "out of memory") }
        sqlite3_extended_result_codes(handle, 1)
        self.handle = handle
    }

    deinit {
        statements.removeAll()
        // `_v2`: should a statement outlive the connection, SQLite closes once it is finalized.
        sqlite3_close_v2(handle)
    }

    /// Runs `sql`, which may hold several statements separated by semicolons, ignoring any row.
    func execute(_ sql: String) throws(SQLiteError) {
        try SQLiteError.check(sqlite3_exec(handle, sql, nil, nil, nil), on: handle)
    }

    /// Compiles one statement for a single use (finalized when released).
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(sql: sql, connection: handle)
    }

    /// The statement for `sql`, compiled on first use and kept for the life of the connection, ready to
    /// bind. For the statements run again and again (every row of a batch).
    func cachedStatement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        let handle = handle
        return try statements.statement(sql) { sql throws(SQLiteError) in
            try SQLiteStatement(sql: sql, connection: handle, persistent: true)
        }
    }

    /// How long a statement waits for a lock held by another connection before failing with `SQLITE_BUSY`.
    func setBusyTimeout(milliseconds: Int32) throws(SQLiteError) {
        try SQLiteError.check(sqlite3_busy_timeout(handle, milliseconds), on: handle)
    }

    /// True when the main database file was deleted or renamed since this connection opened it: the
    /// connection then writes to a file that no one will open again. False in memory (no file).
    func mainFileHasMoved() throws(SQLiteError) -> Bool {
        var moved: Int32 = 0
        let code = sqlite3_file_control(handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved)
        // The in-memory VFS does not know the operation.
        if code == SQLITE_NOTFOUND { return false }
        try SQLiteError.check(code, on: handle)
        return moved != 0
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE: a purge batch uses it to know whether to go on.
    var changedRowCount: Int { Int(sqlite3_changes64(handle)) }

    /// The rowid of the last row this connection inserted.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True between `BEGIN` and the end of the transaction (SQLite is then out of autocommit mode).
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
