/// Prepared statements kept by SQL text for the life of their connection, so that batch paths compile
/// each statement once, not once per row.
struct SQLiteStatementCache {
    private var statements: [String: SQLiteStatement] = [:]

    /// The cached statement for `sql`, prepared by `prepare` the first time, reset with its parameters
    /// cleared: a statement left half-stepped by an earlier failure cannot leak into the next use.
    mutating func statement(
        _ sql: String, prepare: (String) throws(SQLiteError) -> SQLiteStatement
    ) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statements[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Finalizes every statement (each one in its `deinit`).
    mutating func removeAll() {
        statements.removeAll()
    }
}
