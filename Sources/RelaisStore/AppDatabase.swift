import Foundation
import GRDB

/// The relais SQLite database: owns the schema migrations and every write, each one transaction.
///
/// Open it once per process with ``open(path:)`` and share it: it is `Sendable`, writes are serialized
/// and reads run concurrently on WAL snapshots.
public final class AppDatabase: Sendable {
    /// The single connection writer (a `DatabasePool` on disk). Writes go through the intent-named
    /// methods of the extensions; nothing outside this module sees SQL.
    let writer: any DatabaseWriter

    /// Wraps a writer created with ``makeConfiguration()``: brings its schema up to date, or, when the
    /// writer is read-only, checks that the schema is exactly the one this code knows.
    init(_ writer: any DatabaseWriter, readOnly: Bool = false) throws {
        self.writer = writer
        do {
            if readOnly {
                try writer.read { db in try Self.checkSchemaVersion(db, requireComplete: true) }
            } else {
                try Self.makeDurable(writer)
                try writer.read { db in try Self.checkSchemaVersion(db, requireComplete: false) }
                try Self.migrator.migrate(writer)
            }
        } catch {
            throw StoreError(operation: "migrate", error)
        }
    }

    private static func checkSchemaVersion(_ db: Database, requireComplete: Bool) throws {
        // A newer relais already migrated this file: running older code over it could lose data.
        if try migrator.hasBeenSuperseded(db) {
            throw StoreError(.schemaTooNew, "La base de données a été créée par une version plus récente de relais.")
        }
        if try requireComplete && !migrator.hasCompletedMigrations(db) {
            throw StoreError(.schemaTooOld, "La base de données n'est pas à jour : lancez d'abord « relais serve ».")
        }
    }

    /// Opens (creating if needed) the database file at `path`, in WAL mode, and migrates it.
    ///
    /// The caller owns the directory: it must already exist, so that a typo in the configuration
    /// fails loudly instead of scattering databases over the disk.
    public static func open(path: String) throws -> AppDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(.directoryMissing, "Le dossier de la base de données n'existe pas : \(directory)")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: makeConfiguration())
        } catch {
            throw StoreError(operation: "open", error)
        }
        return try AppDatabase(pool)
    }

    /// Opens an existing, up-to-date database file for reading only (exports, reports from another
    /// process). Every write method then fails with ``StoreError/Code/readOnly``.
    public static func openReadOnly(path: String) throws -> AppDatabase {
        var configuration = makeConfiguration()
        configuration.readonly = true
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError(operation: "open", error)
        }
        return try AppDatabase(pool, readOnly: true)
    }

    /// A private in-memory database with the full schema, for tests of code that needs a real store.
    /// Not WAL and not durable: use ``open(path:)`` for anything that must survive the process.
    public static func inMemory() throws -> AppDatabase {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: makeConfiguration())
        } catch {
            throw StoreError(operation: "open", error)
        }
        return try AppDatabase(queue)
    }

    /// Read-only access, for queries of this module that do not need a transaction of their own.
    var reader: any DatabaseReader { writer }
}
