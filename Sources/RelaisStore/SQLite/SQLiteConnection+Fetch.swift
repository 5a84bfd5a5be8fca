extension SQLiteConnection {
    /// Runs `sql` once (not cached) and decodes every row: for pragmas, schema queries and tests.
    func fetchAll<T>(_ sql: String, _ decode: (SQLiteStatement) throws -> T) throws -> [T] {
        try prepare(sql).fetchAll(decode)
    }

    /// Runs `sql` once (not cached) and decodes its first row, if any.
    func fetchOne<T>(_ sql: String, _ decode: (SQLiteStatement) throws -> T) throws -> T? {
        try prepare(sql).fetchOne(decode)
    }

    /// The first column of the first row of `sql` as text, nil when there is no row or it is NULL.
    func text(_ sql: String) throws -> String? {
        try fetchOne(sql) { $0.string(at: 0) } ?? nil
    }

    /// The first column of the first row of `sql` as an integer, nil when there is no row or it is NULL.
    func integer(_ sql: String) throws -> Int64? {
        try fetchOne(sql) { $0.int64(at: 0) } ?? nil
    }
}
