/// Ordered, named schema migrations, each applied once in its own transaction and recorded by name in
/// the `schema_migration` table.
struct SchemaMigrator: Sendable {
    /// One step of the schema's history.
    struct Migration: Sendable {
        let identifier: String
        let migrate: @Sendable (SQLiteConnection) throws -> Void
    }

    /// The table recording applied migrations, in the order they were applied (rowid).
    static let createTableSQL = """
        CREATE TABLE IF NOT EXISTS schema_migration (identifier TEXT NOT NULL PRIMARY KEY) STRICT
        """

    private(set) var migrations: [Migration] = []

    /// Appends a migration; identifiers must be unique.
    mutating func registerMigration(_ identifier: String, migrate: @escaping @Sendable (SQLiteConnection) throws -> Void) {
        precondition(!migrations.contains { $0.identifier == identifier }, "duplicate migration \(identifier)")
        migrations.append(Migration(identifier: identifier, migrate: migrate))
    }

    /// Identifiers of the migrations applied to the database, in order; empty for a new database.
    func appliedIdentifiers(_ connection: SQLiteConnection) throws -> [String] {
        let exists = try connection.integer(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'")
        guard exists == 1 else { return [] }
        return try connection.fetchAll("SELECT identifier FROM schema_migration ORDER BY rowid") {
            $0.string(at: 0) ?? ""
        }
    }

    /// True when the database holds a migration this code does not know: a newer version migrated it.
    func hasBeenSuperseded(_ connection: SQLiteConnection) throws -> Bool {
        let known = Set(migrations.map(\.identifier))
        return try appliedIdentifiers(connection).contains { !known.contains($0) }
    }

    /// True when every known migration has been applied.
    func hasCompletedMigrations(_ connection: SQLiteConnection) throws -> Bool {
        let applied = Set(try appliedIdentifiers(connection))
        return migrations.allSatisfy { applied.contains($0.identifier) }
    }

    /// Applies the pending migrations in order, each in its own IMMEDIATE transaction with its record,
    /// so that a failure leaves the schema at the last complete step. Checking inside the transaction
    /// lets two processes opening the same new file migrate it once.
    func migrate(_ connection: SQLiteConnection) throws {
        try connection.transaction(.immediate) { try connection.execute(Self.createTableSQL) }
        let record = "INSERT INTO schema_migration (identifier) VALUES (?)"
        for migration in migrations {
            try connection.transaction(.immediate) {
                guard try !appliedIdentifiers(connection).contains(migration.identifier) else { return }
                try migration.migrate(connection)
                let statement = try connection.prepare(record)
                try statement.bind(migration.identifier, at: 1)
                try statement.execute()
            }
        }
    }
}
