import Foundation
import GRDB
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseTests {
    @Test func migrationsFromEmptyCreateTheSchema() async throws {
        try await withFileDatabase { database, _ in
            let objects = try await database.reader.read { db in
                try Row.fetchAll(db, sql: "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
                    .map { "\($0["type"] as String):\($0["name"] as String)" }
            }
            #expect(Set(objects) == [
                "table:blocked_device", "table:grdb_migrations", "table:session",
                "index:session_open_expires_at", "index:session_open_mac",
            ])
            let migrations = try await database.reader.read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
            #expect(migrations == ["v1-session", "v1-blocked-device"])
            let sessionColumns = try await database.reader.read { db in
                try db.columns(in: "session").map(\.name)
            }
            #expect(sessionColumns == [
                "id", "mac", "ip", "origin", "started_at", "expires_at", "idle_seconds",
                "terms_version", "ended_at", "end_reason",
            ])
            let openIndex = try await database.reader.read { db in
                try db.indexes(on: "session").first { $0.name == "session_open_mac" }
            }
            #expect(openIndex?.isUnique == true)
            #expect(openIndex?.columns == ["mac"])
        }
    }

    @Test func connectionsAreDurableWALWithForeignKeys() async throws {
        try await withFileDatabase { database, _ in
            let (journal, writerSync, foreignKeys, timeout) = try await database.writer.write { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                    try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                    try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
                )
            }
            #expect(journal == "wal")
            #expect(writerSync == 2)  // FULL
            #expect(foreignKeys == 1)
            #expect(timeout == 5000)
        }
    }

    @Test func reopeningTheFileKeepsTheData() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var first: AppDatabase? = try AppDatabase.open(path: directory.databasePath)
        let started = try await first!.startSessions([visitor(1), visitor(2)])
        _ = try await first!.setBlocked([mac(9)], blocked: true, at: t0)
        first = nil  // closes the pool

        let second = try AppDatabase.open(path: directory.databasePath)
        #expect(try await second.liveSessions(at: t0) == started)
        #expect(try await second.blockedDevices() == [mac(9)])
        let migrations = try await second.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") }
        #expect(migrations == 2)
    }

    @Test func aMissingDirectoryIsAClearError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = #expect(throws: StoreError.self) {
            try AppDatabase.open(path: directory.path + "/absent/relais.sqlite")
        }
        #expect(error?.code == .directoryMissing)
        #expect(error?.message.contains("/absent") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/absent"))
    }

    @Test func aFileThatIsNotADatabaseIsReportedAsCorrupt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: directory.databasePath))
        let error = #expect(throws: StoreError.self) { try AppDatabase.open(path: directory.databasePath) }
        #expect(error?.code == .corrupt)
    }

    @Test func aFileMigratedByANewerVersionIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let database = try AppDatabase.open(path: directory.databasePath)
            try await database.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
            }
        }
        let error = #expect(throws: StoreError.self) { try AppDatabase.open(path: directory.databasePath) }
        #expect(error?.code == .schemaTooNew)
    }

    @Test func inMemoryDatabaseHasTheSameSchemaAndBehaviour() async throws {
        let database = try AppDatabase.inMemory()
        let started = try await database.startSessions([visitor(1)])
        #expect(try await database.liveSessions(at: t0) == started)
        let tables = try await database.reader.read { db in try db.tableExists("blocked_device") }
        #expect(tables)
    }
}
