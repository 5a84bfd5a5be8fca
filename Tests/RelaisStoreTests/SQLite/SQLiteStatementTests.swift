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

    @Test func realsAndBlobsRoundTripExactly() throws {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.execute("CREATE TABLE v (r REAL, b BLOB) STRICT")
        let insert = try db.prepare("INSERT INTO v (r, b) VALUES (?, ?)")
        let values: [(Double, [UInt8])] = [
            (46.580_224, [0x00, 0xFF, 0x10, 0x00]), (-1.5e-300, [UInt8](repeating: 0xAB, count: 70_000)),
            (.greatestFiniteMagnitude, [0]), (.leastNonzeroMagnitude, Array("é\u{0}x".utf8)),
        ]
        for (real, blob) in values {
            try insert.bind(real, at: 1)
            try insert.bind(blob, at: 2)
            try insert.execute()
        }
        let rows = try db.fetchAll("SELECT r, b, typeof(r), typeof(b) FROM v ORDER BY rowid") { row in
            (row.double(at: 0), row.blob(at: 1), row.string(at: 2), row.string(at: 3))
        }
        #expect(rows.count == values.count)
        for (row, value) in zip(rows, values) {
            #expect(row.0?.bitPattern == value.0.bitPattern)
            #expect(row.1 == value.1)
            #expect(row.2 == "real")
            #expect(row.3 == "blob")
        }
        // SQLite stores a whole real as an integer on disk: the sign of a negative zero is lost.
        let update = try db.prepare("UPDATE v SET r = ? WHERE rowid = 1")
        try update.bind(-0.0, at: 1)
        try update.execute()
        #expect(try db.fetchOne("SELECT r FROM v WHERE rowid = 1") { $0.double(at: 0)?.bitPattern } == 0.0.bitPattern)
    }

    /// An empty blob is a blob, not NULL; NULL reads back as nil for both types.
    @Test func emptyBlobsAreNotNullAndNullIsNil() throws {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.execute("CREATE TABLE v (r REAL, b BLOB) STRICT")
        let insert = try db.prepare("INSERT INTO v (r, b) VALUES (?, ?)")
        try insert.bind(0.0, at: 1)
        try insert.bind([UInt8](), at: 2)
        try insert.execute()
        try insert.bind(nil as Double?, at: 1)
        try insert.bind(nil as [UInt8]?, at: 2)
        try insert.execute()
        let rows = try db.fetchAll("SELECT r, b, typeof(b), b IS NULL FROM v ORDER BY rowid") { row in
            (row.double(at: 0), row.blob(at: 1), row.string(at: 2), row.int64(at: 3))
        }
        #expect(rows.count == 2)
        #expect(rows[0].0 == 0.0)
        #expect(rows[0].1 == [])
        #expect(rows[0].2 == "blob")
        #expect(rows[0].3 == 0)
        #expect(rows[1].0 == nil)
        #expect(rows[1].1 == nil)
        #expect(rows[1].2 == "null")
        #expect(rows[1].3 == 1)
    }

    /// A STRICT column refuses a blob where it wants a real, and an integer column reads as a real.
    @Test func typesAreCheckedAndIntegersReadAsReals() throws {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.execute("CREATE TABLE v (r REAL, i INTEGER) STRICT")
        let insert = try db.prepare("INSERT INTO v (r) VALUES (?)")
        try insert.bind([UInt8]([1, 2]), at: 1)
        let error = #expect(throws: SQLiteError.self) { try insert.execute() }
        #expect(error?.resultCode == SQLITE_CONSTRAINT)
        try db.execute("INSERT INTO v (r, i) VALUES (2, 3)")
        #expect(try db.fetchOne("SELECT r, i FROM v") { [$0.double(at: 0), $0.double(at: 1)] } == [2.0, 3.0])
    }
}
