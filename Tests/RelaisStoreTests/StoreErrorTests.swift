import Foundation
import GRDB
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct StoreErrorTests {
    /// `max_page_count` makes SQLite answer SQLITE_FULL exactly as a full disk does.
    @Test func aFullDiskIsAClearErrorAndKeepsThePreviousData() async throws {
        try await withFileDatabase { database, directory in
            let before = try await database.startSessions((0..<10).map { visitor($0) })
            let pages = try await database.writer.writeWithoutTransaction { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
                return pages
            }
            let error = await #expect(throws: StoreError.self) {
                try await database.startSessions((10..<10_000).map { visitor($0, startingAfter: 1) })
            }
            #expect(error?.code == .diskFull)
            #expect(error?.message.hasPrefix("Disque plein") == true)
            #expect(error?.sqliteCode == ResultCode.SQLITE_FULL.rawValue)
            #expect(try await database.liveSessions(at: t0.addingTimeInterval(2)) == before)

            // Space again: writes work, and the file reopened elsewhere holds the same data.
            try await database.writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA max_page_count = \(pages * 1000)")
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
            try await database.writer.write { db in
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v1-blocked-device'")
            }
        }
        let outdated = #expect(throws: StoreError.self) { try AppDatabase.openReadOnly(path: directory.databasePath) }
        #expect(outdated?.code == .schemaTooOld)
    }

    @Test func unexpectedErrorsKeepAStableCode() {
        #expect(StoreError(operation: "x", CancellationError()).code == .cancelled)
        let sqlite = StoreError(operation: "x", DatabaseError(resultCode: .SQLITE_IOERR_WRITE, message: "disk I/O error"))
        #expect(sqlite.code == .io)
        #expect(sqlite.sqliteCode == ResultCode.SQLITE_IOERR_WRITE.rawValue)
        #expect(sqlite.description.hasPrefix("io: "))
        let passthrough = StoreError(.busy, "occupé")
        #expect(StoreError(operation: "x", passthrough) == passthrough)
    }
}
