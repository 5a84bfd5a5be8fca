import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseTests {
    @Test func migrationsFromEmptyCreateTheSchema() async throws {
        try await withFileDatabase { database, _ in
            let objects = try database.withConnection { db in
                try db.fetchAll("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") {
                    "\($0.string(at: 0) ?? ""):\($0.string(at: 1) ?? "")"
                }
            }
            #expect(Set(objects) == [
                "table:blocked_device", "table:schema_migration", "table:session",
                "index:session_open_expires_at", "index:session_open_mac", "table:session_open_count",
                "trigger:session_opened", "trigger:session_ended", "trigger:session_reopened", "trigger:session_open_deleted",
                "trigger:session_minimized", "trigger:session_minimized_insert",
                "table:legal_entry", "index:legal_entry_end_hour", "index:legal_entry_key_id", "table:legal_live_ipv6",
                "table:legal_export_audit",
                "table:nat_lease", "table:nat_block_release", "trigger:nat_lease_open_session", "trigger:nat_lease_session_ended", "trigger:nat_lease_session_deleted",
                "table:usage_hourly", "table:usage_flush",
                "table:consent", "index:consent_expiry", "table:remembered_device", "index:remembered_device_expiry",
                "index:remembered_device_consent",
                // v8-agent, v8-workshop, v8-help-request
                "table:agent", "table:agent_sign_in_failure", "index:agent_sign_in_failure_agent",
                "index:agent_sign_in_failure_address", "table:staff_session", "index:staff_session_expires_at",
                "table:roster_slot", "table:check_in", "index:check_in_open_agent", "index:check_in_started_at",
                "table:workshop", "index:workshop_starts_local", "table:help_request", "index:help_request_created_at",
                "table:place",
                "table:outbox", "index:outbox_pending", "index:outbox_daily_period",
            ])
            let migrations = try database.withConnection { db in
                try db.fetchAll("SELECT identifier FROM schema_migration ORDER BY rowid") { $0.string(at: 0) }
            }
            #expect(migrations == [
                "v1-session", "v1-blocked-device", "v2-session-end",
                "v3-session-minimized", "v3-legal-log", "v3-legal-export-audit",
                "v4-nat-lease", "v5-consent", "v6-usage-hourly", "v7-place", "v8-agent", "v8-workshop", "v8-help-request",
                "v9-outbox",
            ])
            let sessionColumns = try database.withConnection { db in
                try db.fetchAll("SELECT name FROM pragma_table_info('session') ORDER BY cid") { $0.string(at: 0) }
            }
            #expect(sessionColumns == [
                "id", "mac", "ip", "origin", "started_at", "expires_at", "idle_seconds",
                "terms_version", "ended_at", "end_reason",
            ])
            // (unique, partial) of the index, then its columns.
            let openIndex = try database.withConnection { db in
                try db.fetchOne("SELECT \"unique\", partial FROM pragma_index_list('session') WHERE name = 'session_open_mac'") {
                    [$0.int64(at: 0), $0.int64(at: 1)]
                }
            }
            #expect(openIndex == [1, 1])
            let openIndexColumns = try database.withConnection { db in
                try db.fetchAll("SELECT name FROM pragma_index_info('session_open_mac')") { $0.string(at: 0) }
            }
            #expect(openIndexColumns == ["mac"])
        }
    }

    @Test func tablesAreStrictAndBlockedDevicesHaveNoRowID() async throws {
        let database = try AppDatabase.inMemory()
        let tables = try database.withConnection { db in
            try db.fetchAll("SELECT name, wr, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'") {
                "\($0.string(at: 0) ?? ""):wr=\($0.int64(at: 1) ?? -1):strict=\($0.int64(at: 2) ?? -1)"
            }
        }
        #expect(Set(tables) == [
            "session:wr=0:strict=1", "blocked_device:wr=1:strict=1", "schema_migration:wr=0:strict=1",
            "session_open_count:wr=0:strict=1", "place:wr=1:strict=1",
            "nat_lease:wr=0:strict=1", "nat_block_release:wr=0:strict=1", "consent:wr=0:strict=1", "remembered_device:wr=1:strict=1",
            "legal_entry:wr=0:strict=1", "legal_live_ipv6:wr=1:strict=1", "legal_export_audit:wr=0:strict=1",
            "usage_hourly:wr=1:strict=1", "usage_flush:wr=1:strict=1",
            "agent:wr=0:strict=1", "agent_sign_in_failure:wr=0:strict=1", "staff_session:wr=1:strict=1",
            "roster_slot:wr=0:strict=1", "check_in:wr=0:strict=1", "workshop:wr=0:strict=1", "help_request:wr=0:strict=1",
            "outbox:wr=0:strict=1",
        ])
    }

    @Test func connectionsAreDurableWALWithForeignKeys() async throws {
        try await withFileDatabase { database, _ in
            let (journal, writerSync, foreignKeys, timeout, cacheSize, secureDelete) = try database.withConnection { db in
                (
                    try db.text("PRAGMA journal_mode"),
                    try db.integer("PRAGMA synchronous"),
                    try db.integer("PRAGMA foreign_keys"),
                    try db.integer("PRAGMA busy_timeout"),
                    try db.integer("PRAGMA cache_size"),
                    try db.integer("PRAGMA secure_delete")
                )
            }
            #expect(journal == "wal")
            #expect(writerSync == 2)  // FULL
            #expect(foreignKeys == 1)
            #expect(timeout == 5000)
            #expect(cacheSize == -1024)  // KiB
            #expect(secureDelete == 1)
            let readers = try await database.read("test") { db in
                [try db.text("PRAGMA journal_mode"), try db.integer("PRAGMA foreign_keys").map(String.init),
                 try db.integer("PRAGMA cache_size").map(String.init)]
            }
            #expect(readers == ["wal", "1", "-256"])
        }
    }

    /// With `secure_delete`, a deleted row's bytes are gone from the file and the WAL once the WAL is
    /// checkpointed and truncated (freed pages keep no MAC or IP). The control below shows the bytes
    /// stay without `secure_delete`.
    @Test func deletedRowsLeaveNoBytesInTheFile() async throws {
        try await withFileDatabase { database, directory in
            let secret = "02:00:5e:10:20:30"
            try await database.write("test") { db in
                try db.execute("CREATE TABLE note (text TEXT NOT NULL) STRICT; INSERT INTO note VALUES ('keep'), ('\(secret)')")
            }
            try await database.write("test") { db in try db.execute("DELETE FROM note WHERE text <> 'keep'") }
            // Until the WAL is truncated, its frames still hold the row as it was inserted.
            #expect(try Self.file(directory.databasePath + "-wal", contains: secret))
            #expect(try await database.checkpointAndTruncateWAL("test"))
            #expect(try !Self.file(directory.databasePath, contains: secret))
            #expect(try !Self.file(directory.databasePath + "-wal", contains: secret))
            #expect(try Self.file(directory.databasePath, contains: "keep"))
        }
    }

    @Test func withoutSecureDeleteTheBytesStay() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let secret = "02:00:5e:10:20:30"
        let db = try SQLiteConnection(path: directory.databasePath, mode: .readWrite)
        try db.execute("""
            PRAGMA secure_delete = OFF;
            CREATE TABLE note (text TEXT NOT NULL) STRICT; INSERT INTO note VALUES ('keep'), ('\(secret)');
            DELETE FROM note WHERE text <> 'keep'
            """)
        #expect(try Self.file(directory.databasePath, contains: secret))
    }

    static func file(_ path: String, contains text: String) throws -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let needle = Array(text.utf8)
        let bytes = [UInt8](data)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    /// A reader holding an old snapshot keeps the WAL from being truncated: the call says so, and a
    /// later one succeeds.
    @Test func theWALIsTruncatedOnlyOnceNoReaderNeedsIt() async throws {
        try await withFileDatabase { database, directory in
            try await database.write("test") { db in try db.execute("CREATE TABLE note (n INTEGER) STRICT") }
            let reading = Gate()
            let resume = Gate()
            let read = Task {
                try await database.read("test") { db in
                    _ = try db.integer("SELECT COUNT(*) FROM note")
                    reading.open()
                    guard resume.wait() else { throw GateNeverOpened() }
                }
            }
            #expect(await eventually { reading.isOpen })
            try await database.write("test") { db in try db.execute("INSERT INTO note VALUES (1)") }
            try database.withConnection { db in try db.setBusyTimeout(milliseconds: 10) }
            #expect(try await !database.checkpointAndTruncateWAL("test"))
            resume.open()
            try await read.value
            try database.withConnection { db in try db.setBusyTimeout(milliseconds: AppDatabase.busyTimeoutMilliseconds) }
            #expect(try await database.checkpointAndTruncateWAL("test"))
            let wal = try FileManager.default.attributesOfItem(atPath: directory.databasePath + "-wal")
            #expect((wal[.size] as? Int) == 0)
        }
    }

    /// A temporary database is a real file (WAL, readers), and its directory goes with it.
    @Test func aTemporaryDatabaseRemovesItsDirectory() async throws {
        var database: AppDatabase? = try AppDatabase.temporary()
        let path = try await database!.read("test") { db in
            try db.fetchOne("PRAGMA database_list") { $0.string(at: 2) } ?? nil
        }
        let file = try #require(path)
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(try database!.withConnection { db in try db.text("PRAGMA journal_mode") } == "wal")
        #expect(database!.openOutcome == .created)
        database = nil
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: file).deletingLastPathComponent().path))
    }

    @Test func reopeningTheFileKeepsTheData() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var first: AppDatabase? = try AppDatabase.open(path: directory.databasePath)
        let started = try await first!.startSessions([visitor(1), visitor(2)])
        _ = try await first!.setBlocked([mac(9)], blocked: true, at: t0)
        first = nil  // closes the connection

        let second = try AppDatabase.open(path: directory.databasePath)
        #expect(try await second.liveSessions(at: t0) == started)
        #expect(try await second.blockedDevices() == [mac(9)])
        let migrations = try second.withConnection { db in try db.integer("SELECT COUNT(*) FROM schema_migration") }
        #expect(migrations == Int64(AppDatabase.migrator.migrations.count))
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
            try await database.write("test") { db in
                try db.execute("INSERT INTO schema_migration (identifier) VALUES ('v9-from-the-future')")
            }
        }
        let error = #expect(throws: StoreError.self) { try AppDatabase.open(path: directory.databasePath) }
        #expect(error?.code == .schemaTooNew)
        let readOnly = #expect(throws: StoreError.self) { try AppDatabase.openReadOnly(path: directory.databasePath) }
        #expect(readOnly?.code == .schemaTooNew)
    }

    @Test func inMemoryDatabaseHasTheSameSchemaAndBehaviour() async throws {
        let database = try AppDatabase.inMemory()
        let started = try await database.startSessions([visitor(1)])
        #expect(try await database.liveSessions(at: t0) == started)
        let tables = try database.withConnection { db in
            try db.integer("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'blocked_device'")
        }
        #expect(tables == 1)
        #expect(try database.withConnection { db in try db.text("PRAGMA journal_mode") } == "memory")
    }

    @Test func aCancelledTaskRunsNothing() async throws {
        let database = try AppDatabase.inMemory()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await database.startSessions([visitor(1)])
        }
        let error = await #expect(throws: StoreError.self) { try await task.value }
        #expect(error?.code == .cancelled)
        #expect(try await database.liveSessions(at: t0).isEmpty)
    }
}
