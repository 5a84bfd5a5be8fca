import CSQLite

/// One prepared statement: binds parameters by index, steps through rows, reads typed columns.
///
/// Parameter and column indexes are those of SQLite: parameters from 1, columns from 0. A column read
/// returns nil exactly when the value is NULL.
final class SQLiteStatement {
    private let handle: OpaquePointer
    /// The connection's handle, for error messages. SQLite keeps it alive until this statement is
    /// finalized (`sqlite3_close_v2`), so it is valid as long as `self`.
    private let connection: OpaquePointer

    /// Compiles `sql` (one statement). `persistent` hints SQLite that the statement is kept and reused.
    init(sql: String, connection: OpaquePointer, persistent: Bool = false) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        try SQLiteError.check(sqlite3_prepare_v3(connection, sql, -1, flags, &handle, nil), on: connection)
        guard let handle else {
            // Only whitespace or a comment: nothing to run, which is always a mistake here.
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "empty statement")
        }
        self.handle = handle
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: Parameters

    func bind(_ value: Int64?, at index: Int32) throws(SQLiteError) {
        guard let value else { return try bindNull(at: index) }
        try SQLiteError.check(sqlite3_bind_int64(handle, index, value), on: connection)
    }

    func bind(_ value: Int?, at index: Int32) throws(SQLiteError) {
        try bind(value.map(Int64.init), at: index)
    }

    /// Binds a copy of the text (`SQLITE_TRANSIENT`): the Swift string may go away after the call.
    func bind(_ value: String?, at index: Int32) throws(SQLiteError) {
        guard let value else { return try bindNull(at: index) }
        try SQLiteError.check(relais_sqlite3_bind_text_transient(handle, index, value, -1), on: connection)
    }

    /// Binds a real. A REAL column stores a whole value as an integer on disk: -0.0 reads back as 0.0.
    func bind(_ value: Double?, at index: Int32) throws(SQLiteError) {
        guard let value else { return try bindNull(at: index) }
        try SQLiteError.check(sqlite3_bind_double(handle, index, value), on: connection)
    }

    /// Binds a copy of the bytes. An empty array is an empty blob, not NULL (SQLite reads a null pointer
    /// as NULL, and an empty array may have none).
    func bind(_ value: [UInt8]?, at index: Int32) throws(SQLiteError) {
        guard let value else { return try bindNull(at: index) }
        guard let length = Int32(exactly: value.count) else {
            throw SQLiteError(extendedCode: SQLITE_TOOBIG, message: "blob too large")
        }
        let code = value.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress, length > 0 {
                relais_sqlite3_bind_blob_transient(handle, index, base, length)
            } else {
                sqlite3_bind_zeroblob(handle, index, 0)
            }
        }
        try SQLiteError.check(code, on: connection)
    }

    func bindNull(at index: Int32) throws(SQLiteError) {
        try SQLiteError.check(sqlite3_bind_null(handle, index), on: connection)
    }

    // MARK: Running

    /// Runs one step: true when a row is available to read, false when the statement is done.
    func step() throws(SQLiteError) -> Bool {
        try SQLiteError.check(sqlite3_step(handle), on: connection) == SQLITE_ROW
    }

    /// Runs the statement to completion, ignoring any row, then resets it for the next use.
    func execute() throws(SQLiteError) {
        defer { reset() }
        while try step() {}
    }

    /// Runs the statement and decodes every row with `decode`, then resets it for the next use.
    func fetchAll<T>(_ decode: (SQLiteStatement) throws -> T) throws -> [T] {
        defer { reset() }
        var values: [T] = []
        while try step() { values.append(try decode(self)) }
        return values
    }

    /// Runs the statement and decodes its first row, if any, then resets it for the next use.
    func fetchOne<T>(_ decode: (SQLiteStatement) throws -> T) throws -> T? {
        defer { reset() }
        return try step() ? try decode(self) : nil
    }

    /// Makes the statement ready to run again, keeping its bindings. A failure of the last step was
    /// already thrown by `step()`, so the code `sqlite3_reset` repeats is ignored.
    func reset() {
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    // MARK: Columns of the current row

    var columnCount: Int32 { sqlite3_column_count(handle) }

    func columnName(at column: Int32) -> String {
        String(cString: sqlite3_column_name(handle, column))
    }

    func isNull(at column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func int64(at column: Int32) -> Int64? {
        isNull(at: column) ? nil : sqlite3_column_int64(handle, column)
    }

    /// The integer, or nil when it is NULL or does not fit in an `Int`.
    func int(at column: Int32) -> Int? {
        int64(at: column).flatMap { Int(exactly: $0) }
    }

    /// The real; an integer column is converted, as SQLite does.
    func double(at column: Int32) -> Double? {
        isNull(at: column) ? nil : sqlite3_column_double(handle, column)
    }

    /// The bytes of a blob (or of text, as UTF-8); an empty blob is `[]`, NULL is nil.
    func blob(at column: Int32) -> [UInt8]? {
        guard !isNull(at: column) else { return nil }
        // `sqlite3_column_bytes` after `sqlite3_column_blob`, as SQLite documents. An empty blob has a
        // null pointer.
        let bytes = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let bytes, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    func string(at column: Int32) -> String? {
        guard !isNull(at: column), let text = sqlite3_column_text(handle, column) else { return nil }
        // `sqlite3_column_bytes` after `sqlite3_column_text`, as SQLite documents: the length in UTF-8.
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}
