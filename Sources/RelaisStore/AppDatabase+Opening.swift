import FoundationEssentials

extension AppDatabase {
    /// The writer and readers of the file at `path`, its schema migrated, and what opening it found.
    static func openFile(
        path: String, readers readerCount: Int
    ) throws -> (writer: ConnectionThreads, readers: ConnectionThreads, outcome: OpenOutcome) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory else {
            throw StoreError(.directoryMissing, "Le dossier de la base de données n'existe pas : \(directory)")
        }
        let marker = DatabaseMarker(databasePath: path)
        // A WAL left without its database is not replayed into the new file: SQLite deletes a journal
        // found beside an empty database (seen with 3.40).
        let recorded = marker.read()

        let connection = try connect(path: path, access: .readWriteFile)
        let (outcome, creationID) = try migrate(connection, marker: recorded)
        if recorded != .some(.some(creationID)) { try marker.write(creationID: creationID) }
        let writer = ConnectionThreads(name: "relais-db-w")
        let readers = ConnectionThreads(name: "relais-db-r")
        do {
            try writer.start(connection)
            for _ in 0..<max(1, readerCount) { try readers.start(connect(path: path, access: .readOnlyFile)) }
        } catch {
            readers.stop()
            writer.stop()
            throw error
        }
        return (writer, readers, outcome)
    }

    /// Brings the schema of a writable connection up to date and gives the database its creation id
    /// (kept in `PRAGMA user_version`, which the migrator does not use). Returns what the file was
    /// before, compared with the id the marker names.
    static func migrate(_ connection: SQLiteConnection, marker: Int32??) throws -> (OpenOutcome, creationID: Int32) {
        do {
            try checkSchemaVersion(connection, requireComplete: false)
            let wasEmpty = try migrator.appliedIdentifiers(connection).isEmpty
            var creationID = Int32(truncatingIfNeeded: try connection.integer("PRAGMA user_version") ?? 0)
            let outcome = OpenOutcome.decide(marker: marker, databaseWasEmpty: wasEmpty, creationID: creationID)
            try migrator.migrate(connection)
            if creationID == 0 {
                creationID = Int32.random(in: 1...Int32.max)
                try connection.execute("PRAGMA user_version = \(creationID)")
            }
            return (outcome, creationID)
        } catch {
            throw StoreError(operation: "migrate", error)
        }
    }

    static func checkSchemaVersion(_ connection: SQLiteConnection, requireComplete: Bool) throws {
        // A newer relais already migrated this file: running older code over it could lose data.
        if try migrator.hasBeenSuperseded(connection) {
            throw StoreError(.schemaTooNew, "La base de données a été créée par une version plus récente de relais.")
        }
        if try requireComplete && !migrator.hasCompletedMigrations(connection) {
            throw StoreError(.schemaTooOld, "La base de données n'est pas à jour : lancez d'abord « relais serve ».")
        }
    }

    /// Opens and configures a connection; every failure comes out as a `StoreError`.
    static func connect(path: String, access: Access) throws -> sending SQLiteConnection {
        do {
            let connection = try SQLiteConnection(path: path, mode: access == .readOnlyFile ? .readOnly : .readWrite)
            try configure(connection, for: access)
            return connection
        } catch {
            throw StoreError(operation: "open", error)
        }
    }
}
