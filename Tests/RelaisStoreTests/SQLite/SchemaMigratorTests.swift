import CSQLite
import Testing
@testable import RelaisStore

@Suite struct SchemaMigratorTests {
    static func migrator(_ identifiers: [String], failing: String? = nil) -> SchemaMigrator {
        var migrator = SchemaMigrator()
        for identifier in identifiers {
            let table = String(identifier.map { $0 == "-" ? "_" : $0 })
            migrator.registerMigration(identifier) { db in
                try db.execute("CREATE TABLE \(table) (x INTEGER) STRICT")
                if identifier == failing { try db.execute("INSERT INTO absent VALUES (1)") }
            }
        }
        return migrator
    }

    static func tables(_ db: SQLiteConnection) throws -> [String] {
        try db.fetchAll("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.string(at: 0) ?? "" }
    }

    static func memory() throws -> SQLiteConnection {
        try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
    }

    @Test func aNewDatabaseHasNothingApplied() throws {
        let db = try Self.memory()
        let migrator = Self.migrator(["v1-a"])
        #expect(try migrator.appliedIdentifiers(db).isEmpty)
        #expect(try !migrator.hasCompletedMigrations(db))
        #expect(try !migrator.hasBeenSuperseded(db))
        #expect(try Self.tables(db).isEmpty)
    }

    @Test func migrationsRunOnceInOrderAndAreRecorded() throws {
        let db = try Self.memory()
        try Self.migrator(["v1-a"]).migrate(db)
        let migrator = Self.migrator(["v1-a", "v1-b", "v2-c"])
        #expect(try !migrator.hasCompletedMigrations(db))
        try migrator.migrate(db)
        try migrator.migrate(db)  // nothing left to do: must not run v1-a again
        #expect(try migrator.appliedIdentifiers(db) == ["v1-a", "v1-b", "v2-c"])
        #expect(try migrator.hasCompletedMigrations(db))
        #expect(try Self.tables(db) == ["schema_migration", "v1_a", "v1_b", "v2_c"])
    }

    @Test func aFailingMigrationLeavesTheSchemaAtTheLastCompleteStep() throws {
        let db = try Self.memory()
        let migrator = Self.migrator(["v1-a", "v1-b", "v2-c"], failing: "v1-b")
        let error = #expect(throws: SQLiteError.self) { try migrator.migrate(db) }
        #expect(error?.message == "no such table: absent")
        #expect(try migrator.appliedIdentifiers(db) == ["v1-a"])
        #expect(try Self.tables(db) == ["schema_migration", "v1_a"])
    }

    @Test func anUnknownNewerMigrationSupersedesThisCode() throws {
        let db = try Self.memory()
        try Self.migrator(["v1-a", "v2-b"]).migrate(db)
        let older = Self.migrator(["v1-a"])
        #expect(try older.hasBeenSuperseded(db))
        #expect(try older.hasCompletedMigrations(db))
        #expect(try !Self.migrator(["v1-a", "v2-b"]).hasBeenSuperseded(db))
    }

    @Test func theRecordTableIsStrict() throws {
        let db = try Self.memory()
        try Self.migrator(["v1-a"]).migrate(db)
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO schema_migration VALUES (NULL)") }
        #expect(error?.resultCode == SQLITE_CONSTRAINT)
        #expect(try db.integer("SELECT strict FROM pragma_table_list WHERE name = 'schema_migration'") == 1)
    }
}
