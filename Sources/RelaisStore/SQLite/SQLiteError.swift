import CSQLite

/// A failed SQLite call: its extended result code and SQLite's own message.
///
/// SQLite's messages name the failing constraint, column or step, never a bound value, so they are
/// safe to log; the SQL text is not kept.
struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code, e.g. `SQLITE_CONSTRAINT_UNIQUE` (2067).
    let extendedCode: Int32
    /// SQLite's message for the failure, e.g. "UNIQUE constraint failed: session.mac".
    let message: String

    /// The primary result code, e.g. `SQLITE_CONSTRAINT` (19): the low byte of the extended one.
    var resultCode: Int32 { extendedCode & 0xFF }

    var description: String { "SQLite \(extendedCode): \(message)" }

    init(extendedCode: Int32, message: String) {
        self.extendedCode = extendedCode
        self.message = message
    }

    /// The one funnel every SQLite return code goes through: passes the codes that are not failures
    /// (`SQLITE_OK`, `SQLITE_ROW`, `SQLITE_DONE`) through and throws any other as an `SQLiteError`.
    @discardableResult
    static func check(_ code: Int32, on connection: OpaquePointer?) throws(SQLiteError) -> Int32 {
        switch code {
        case SQLITE_OK, SQLITE_ROW, SQLITE_DONE: return code
        default: throw SQLiteError(code: code, connection: connection)
        }
    }

    /// Reads the connection's extended code and message when they describe this failure (SQLite keeps
    /// only the last one), and falls back to SQLite's generic text for the code otherwise.
    private init(code: Int32, connection: OpaquePointer?) {
        if let connection, sqlite3_extended_errcode(connection) & 0xFF == code & 0xFF {
            self.init(
                extendedCode: sqlite3_extended_errcode(connection),
                message: String(cString: sqlite3_errmsg(connection)))
        } else {
            self.init(extendedCode: code, message: String(cString: sqlite3_errstr(code)))
        }
    }
}
