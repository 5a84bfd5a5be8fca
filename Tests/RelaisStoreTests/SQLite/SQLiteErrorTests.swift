import CSQLite
import Testing
@testable import RelaisStore

@Suite struct SQLiteErrorTests {
    @Test func codesThatAreNotFailuresPassThrough() throws {
        #expect(try SQLiteError.check(SQLITE_OK, on: nil) == SQLITE_OK)
        #expect(try SQLiteError.check(SQLITE_ROW, on: nil) == SQLITE_ROW)
        #expect(try SQLiteError.check(SQLITE_DONE, on: nil) == SQLITE_DONE)
    }

    /// Without the connection's own report, the funnel still names the failure.
    @Test func aFailureWithoutAConnectionUsesSQLitesGenericText() {
        let error = #expect(throws: SQLiteError.self) { try SQLiteError.check(SQLITE_BUSY, on: nil) }
        #expect(error?.extendedCode == SQLITE_BUSY)
        #expect(error?.resultCode == SQLITE_BUSY)
        #expect(error?.message == "database is locked")
    }

    @Test func theFunnelCarriesTheExtendedCodeAndTheConnectionsMessage() throws {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.execute("CREATE TABLE t (x INTEGER NOT NULL UNIQUE) STRICT; INSERT INTO t VALUES (1)")
        let statement = try db.prepare("INSERT INTO t VALUES (?)")
        try statement.bind(1, at: 1)
        let error = #expect(throws: SQLiteError.self) { try statement.execute() }
        #expect(error?.resultCode == SQLITE_CONSTRAINT)
        #expect(error?.extendedCode == ExtendedCode.constraintUnique)
        #expect(error?.message == "UNIQUE constraint failed: t.x")
        #expect(error?.description == "SQLite 2067: UNIQUE constraint failed: t.x")
    }

    /// The message names the rule broken, not the value that broke it.
    @Test func messagesNeverHoldBoundValues() throws {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.execute("CREATE TABLE t (secret TEXT CHECK (length(secret) < 5), n INTEGER) STRICT")
        let check = try db.prepare("INSERT INTO t (secret) VALUES (?)")
        try check.bind("02:00:00:00:00:99", at: 1)
        let checkError = #expect(throws: SQLiteError.self) { try check.execute() }
        #expect(checkError?.extendedCode == ExtendedCode.constraintCheck)
        #expect(checkError?.message.contains("02:00") == false)
        let type = try db.prepare("INSERT INTO t (n) VALUES (?)")
        try type.bind("192.0.2.55", at: 1)
        let typeError = #expect(throws: SQLiteError.self) { try type.execute() }
        #expect(typeError?.extendedCode == ExtendedCode.constraintDataType)
        #expect(typeError?.message.contains("192.0.2") == false)
    }
}
