import CSQLite
import FoundationEssentials
import Testing
@testable import RelaisStore

@Suite struct SQLiteConnectionTests {
    @Test func openingAMissingFileReadOnlyFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteConnection(path: directory.databasePath, mode: .readOnly)
        }
        #expect(error?.resultCode == SQLITE_CANTOPEN)
        #expect(error?.message.isEmpty == false)
        #expect(!FileManager.default.fileExists(atPath: directory.databasePath))
    }

    @Test func readWriteCreatesTheFileAndReadOnlyCannotWrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let db = try SQLiteConnection(path: directory.databasePath, mode: .readWrite)
            try db.execute("CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (42)")
        }
        let readOnly = try SQLiteConnection(path: directory.databasePath, mode: .readOnly)
        #expect(try readOnly.integer("SELECT x FROM t") == 42)
        let error = #expect(throws: SQLiteError.self) { try readOnly.execute("INSERT INTO t VALUES (1)") }
        #expect(error?.resultCode == SQLITE_READONLY)
    }

    @Test func executeRunsSeveralStatementsAndReportsTheFailingOne() throws {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.execute("CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)")
        #expect(db.lastInsertedRowID == 2)
        #expect(try db.integer("SELECT SUM(x) FROM t") == 3)
        #expect(try db.integer("SELECT x FROM t WHERE x > 5") == nil)
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (3); SELECT * FROM absent") }
        #expect(error?.message == "no such table: absent")
        #expect(try db.integer("SELECT COUNT(*) FROM t") == 3)
    }

    @Test func theBusyTimeoutIsSet() throws {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.setBusyTimeout(milliseconds: 1234)
        #expect(try db.integer("PRAGMA busy_timeout") == 1234)
    }

    /// A cached statement is compiled once and comes back reset, with its parameters cleared.
    @Test func cachedStatementsAreReusedResetAndCleared() throws {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.execute("CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1), (2), (3)")
        let sql = "SELECT x FROM t WHERE x >= ? OR ? IS NULL ORDER BY x"
        let first = try db.cachedStatement(sql)
        try first.bind(2, at: 1)
        try first.bind(0, at: 2)
        #expect(try first.step())  // left half-stepped on purpose
        let second = try db.cachedStatement(sql)
        #expect(first === second)
        #expect(try second.fetchAll { $0.int64(at: 0) } == [1, 2, 3])
        #expect(try db.cachedStatement("SELECT 1") !== second)
    }

    /// A second connection to a file waits for the busy timeout, then reports SQLITE_BUSY.
    @Test func aLockHeldElsewhereIsBusy() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let holder = try SQLiteConnection(path: directory.databasePath, mode: .readWrite)
        try holder.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER) STRICT; BEGIN IMMEDIATE")
        let other = try SQLiteConnection(path: directory.databasePath, mode: .readWrite)
        try other.setBusyTimeout(milliseconds: 50)
        let error = #expect(throws: SQLiteError.self) { try other.execute("BEGIN IMMEDIATE") }
        #expect(error?.resultCode == SQLITE_BUSY)
        try holder.execute("COMMIT")
        try other.execute("BEGIN IMMEDIATE; COMMIT")
    }
}
