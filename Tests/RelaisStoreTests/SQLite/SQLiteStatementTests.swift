import CSQLite
import Testing
@testable import RelaisStore

@Suite struct SQLiteStatementTests {
    static func connection() throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.execute("CREATE TABLE t (i INTEGER, s TEXT) STRICT")
        return db
    }

    @Test func nullIsNotZeroNorEmpty() throws {
        let db = try Self.connection()
        let insert = try db.prepare("INSERT INTO t (i, s) VALUES (?, ?)")
        try insert.bind(0, at: 1)
        try insert.bind("", at: 2)
        try insert.execute()
        try insert.bind(nil as Int64?, at: 1)
        try insert.bind(nil as String?, at: 2)
        try insert.execute()
        let rows = try db.fetchAll("SELECT i, s FROM t ORDER BY rowid") { row in
            (row.int64(at: 0), row.int(at: 0), row.string(at: 1), row.isNull(at: 0), row.isNull(at: 1))
        }
        #expect(rows.count == 2)
        #expect(rows[0] == (0, 0, "", false, false))
        #expect(rows[1] == (nil, nil, nil, true, true))
    }

    @Test func valuesRoundTripExactly() throws {
        let db = try Self.connection()
        let insert = try db.prepare("INSERT INTO t (i, s) VALUES (?, ?)")
        let text = "Mairie d’Évry — accès « invité » 🇫🇷 'quoted'"
        try insert.bind(Int64.min, at: 1)
        try insert.bind(text, at: 2)
        try insert.execute()
        let row = try db.fetchOne("SELECT i, s, typeof(i), typeof(s) FROM t") { row in
            [row.int64(at: 0).map(String.init), row.string(at: 1), row.string(at: 2), row.string(at: 3)]
        }
        #expect(row == ["\(Int64.min)", text, "integer", "text"])
    }

    @Test func stepReportsRowsThenDone() throws {
        let db = try Self.connection()
        try db.execute("INSERT INTO t (i) VALUES (1), (2)")
        let select = try db.prepare("SELECT i FROM t ORDER BY i")
        #expect(try select.step())
        #expect(select.int64(at: 0) == 1)
        #expect(try select.step())
        #expect(select.int64(at: 0) == 2)
        #expect(try !select.step())
        #expect(select.columnCount == 1)
        #expect(select.columnName(at: 0) == "i")
        // After a reset the same statement runs again with its bindings.
        select.reset()
        #expect(try select.fetchAll { $0.int64(at: 0) } == [1, 2])
    }

    @Test func clearedBindingsAreNull() throws {
        let db = try Self.connection()
        let select = try db.prepare("SELECT ? IS NULL")
        try select.bind(7, at: 1)
        #expect(try select.fetchOne { $0.int64(at: 0) } == 0)
        select.clearBindings()
        #expect(try select.fetchOne { $0.int64(at: 0) } == 1)
    }

    @Test func bindingAParameterThatDoesNotExistFails() throws {
        let db = try Self.connection()
        let select = try db.prepare("SELECT ?")
        let error = #expect(throws: SQLiteError.self) { try select.bind(1, at: 2) }
        #expect(error?.resultCode == SQLITE_RANGE)
    }

    @Test func invalidSQLFailsToPrepareWithSQLitesMessage() throws {
        let db = try Self.connection()
        let syntax = #expect(throws: SQLiteError.self) { try db.prepare("SELEC 1") }
        #expect(syntax?.resultCode == SQLITE_ERROR)
        #expect(syntax?.message.contains("syntax error") == true)
        let empty = #expect(throws: SQLiteError.self) { try db.prepare("  -- nothing") }
        #expect(empty?.resultCode == SQLITE_MISUSE)
    }

    /// A decoding failure leaves the statement reset: it holds no read lock and runs again.
    @Test func aThrowingDecoderLeavesTheStatementReusable() throws {
        struct Refused: Error {}
        let db = try Self.connection()
        try db.execute("INSERT INTO t (i) VALUES (1), (2)")
        let select = try db.cachedStatement("SELECT i FROM t ORDER BY i")
        #expect(throws: Refused.self) { try select.fetchAll { _ in throw Refused() } }
        #expect(try db.cachedStatement("SELECT i FROM t ORDER BY i").fetchAll { $0.int64(at: 0) } == [1, 2])
    }
}
