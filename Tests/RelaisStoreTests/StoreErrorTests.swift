import CSQLite
import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct StoreErrorTests {
    /// `max_page_count` makes SQLite answer SQLITE_FULL exactly as a full disk does.
    @Test func aFullDiskIsAClearErrorAndKeepsThePreviousData() async throws {
        try await withFileDatabase { database, directory in
            let before = try await database.startSessions((0..<10).map { visitor($0) })
            let pages = try database.withConnection { db in
                let pages = try db.integer("PRAGMA page_count") ?? 0
                try db.execute("PRAGMA max_page_count = \(pages + 2)")
                return pages
            }
            let error = await #expect(throws: StoreError.self) {
                try await database.startSessions((10..<10_000).map { visitor($0, startingAfter: 1) })
            }
            #expect(error?.code == .diskFull)
            #expect(error?.message.hasPrefix("Disque plein") == true)
            #expect(error?.sqliteCode == SQLITE_FULL)
            #expect(try await database.liveSessions(at: t0.addingTimeInterval(2)) == before)

            // Space again: writes work, and the file reopened elsewhere holds the same data.
            try database.withConnection { db in
                try db.execute("PRAGMA max_page_count = \(pages * 1000)")
            }
            let more = try await database.startSessions([visitor(20)])
            let reopened = try AppDatabase.open(path: directory.databasePath)
            #expect(try await reopened.liveSessions(at: t0.addingTimeInterval(2)) == before + more)
        }
    }

    @Test func aReadOnlyDatabaseRefusesWritesWithAClearError() async throws {
        try await withFileDatabase { database, directory in
            let before = try await database.startSessions([visitor(1)])
            // Root ignores file modes, so the file is opened through SQLite's read-only flag instead.
            let readOnly = try AppDatabase.openReadOnly(path: directory.databasePath)
            #expect(try await readOnly.liveSessions(at: t0) == before)
            let error = await #expect(throws: StoreError.self) { try await readOnly.endExpiredSessions(at: t0.addingTimeInterval(7200)) }
            #expect(error?.code == .readOnly)
            #expect(try await database.liveSessions(at: t0) == before)
        }
    }

    @Test func readOnlyOpeningRequiresAnUpToDateFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = #expect(throws: StoreError.self) { try AppDatabase.openReadOnly(path: directory.databasePath) }
        #expect(missing?.code == .cannotOpen)
        do {
            let database = try AppDatabase.open(path: directory.databasePath)
            try await database.write("test") { db in
                try db.execute("DELETE FROM schema_migration WHERE identifier = 'v1-blocked-device'")
            }
        }
        let outdated = #expect(throws: StoreError.self) { try AppDatabase.openReadOnly(path: directory.databasePath) }
        #expect(outdated?.code == .schemaTooOld)
    }

    @Test func unexpectedErrorsKeepAStableCode() {
        #expect(StoreError(operation: "x", CancellationError()).code == .cancelled)
        let sqlite = StoreError(operation: "x", SQLiteError(extendedCode: ExtendedCode.ioErrWrite, message: "disk I/O error"))
        #expect(sqlite.code == .io)
        #expect(sqlite.sqliteCode == ExtendedCode.ioErrWrite)
        #expect(sqlite.description.hasPrefix("io: "))
        #expect(sqlite.message.hasSuffix("(x : disk I/O error)"))
        let passthrough = StoreError(.busy, "occupé")
        #expect(StoreError(operation: "x", passthrough) == passthrough)
        struct Unknown: Error {}
        #expect(StoreError(operation: "x", Unknown()).code == .sqlite)
    }

    /// Every primary result code that has a code of its own maps to it, whatever its extended variant.
    @Test(arguments: [
        (SQLITE_FULL, StoreError.Code.diskFull), (SQLITE_READONLY | (3 << 8), .readOnly),
        (SQLITE_BUSY, .busy), (SQLITE_LOCKED, .busy), (ExtendedCode.constraintUnique, .constraint),
        (SQLITE_CORRUPT, .corrupt), (SQLITE_NOTADB, .corrupt), (SQLITE_CANTOPEN, .cannotOpen),
        (SQLITE_IOERR, .io), (SQLITE_ERROR, .sqlite), (SQLITE_MISUSE, .sqlite),
    ])
    func sqliteResultCodesMapToStoreCodes(sqliteCode: Int32, expected: StoreError.Code) {
        let error = StoreError(operation: "op", SQLiteError(extendedCode: sqliteCode, message: "m"))
        #expect(error.code == expected)
        #expect(error.sqliteCode == sqliteCode)
    }

    /// A failed write reports the constraint SQLite names, never the values that were bound.
    @Test func messagesNameTheConstraintButNotTheValues() async throws {
        let database = try AppDatabase.inMemory()
        var session = visitor(42)
        session.ipAddress = IPAddress("198.51.100.77")
        session.idleSeconds = -1
        let error = await #expect(throws: StoreError.self) { try await database.startSessions([session]) }
        #expect(error?.code == .constraint)
        #expect(error?.sqliteCode == ExtendedCode.constraintCheck)
        #expect(error?.message.contains("idle_seconds > 0") == true)
        #expect(error?.message.contains("198.51.100.77") == false)
        #expect(error?.message.contains(mac(42).description) == false)
    }
}
