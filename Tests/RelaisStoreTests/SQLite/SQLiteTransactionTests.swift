import CSQLite
import Testing
@testable import RelaisStore

@Suite struct SQLiteTransactionTests {
    struct Abort: Error {}

    static func connection() throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try db.execute("CREATE TABLE t (x INTEGER CHECK (x > 0)) STRICT")
        return db
    }

    @Test func aReturningBodyIsCommitted() throws {
        let db = try Self.connection()
        let value = try db.transaction(.immediate) {
            #expect(db.isInTransaction)
            try db.execute("INSERT INTO t VALUES (1)")
            return "done"
        }
        #expect(value == "done")
        #expect(!db.isInTransaction)
        #expect(try db.integer("SELECT COUNT(*) FROM t") == 1)
    }

    @Test func aThrowingBodyIsRolledBackAndItsErrorRethrown() throws {
        let db = try Self.connection()
        #expect(throws: Abort.self) {
            try db.transaction(.immediate) {
                try db.execute("INSERT INTO t VALUES (1)")
                throw Abort()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.integer("SELECT COUNT(*) FROM t") == 0)
    }

    /// A failing statement does not end the transaction in SQLite; the wrapper rolls back everything.
    @Test func aFailingStatementRollsBackTheEarlierOnes() throws {
        let db = try Self.connection()
        let error = #expect(throws: SQLiteError.self) {
            try db.transaction(.immediate) {
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO t VALUES (-1)")
            }
        }
        #expect(error?.extendedCode == ExtendedCode.constraintCheck)
        #expect(!db.isInTransaction)
        #expect(try db.integer("SELECT COUNT(*) FROM t") == 0)
    }

    @Test func deferredTransactionsReadAndCommit() throws {
        let db = try Self.connection()
        try db.execute("INSERT INTO t VALUES (5)")
        #expect(try db.transaction(.deferred) { try db.integer("SELECT x FROM t") } == 5)
        #expect(!db.isInTransaction)
    }

    /// Transactions do not nest: a second BEGIN fails, and the outer one is still rolled back.
    @Test func nestingIsRefused() throws {
        let db = try Self.connection()
        let error = #expect(throws: SQLiteError.self) {
            try db.transaction(.immediate) {
                try db.execute("INSERT INTO t VALUES (1)")
                try db.transaction(.immediate) {}
            }
        }
        #expect(error?.resultCode == SQLITE_ERROR)
        #expect(try db.integer("SELECT COUNT(*) FROM t") == 0)
    }
}
