import FoundationEssentials
import Synchronization

/// The relais SQLite database: owns the schema migrations and every access, each one transaction.
///
/// Open it once per process with ``open(path:)`` and share it: it is `Sendable`. One read-write
/// connection sits behind a lock and every operation runs whole under it, so operations never
/// interleave: a read sees only whole batches. The file is in WAL mode, so another process (an export
/// through ``openReadOnly(path:)``) reads while this one writes.
public final class AppDatabase: Sendable {
    /// The one connection. Operations go through the intent-named methods of the extensions, which take
    /// the lock (``withConnection(_:)``); nothing outside this module sees SQL.
    ///
    /// A blocking lock inside async methods, on purpose: the callers are one actor, and the longest
    /// operation (a batch of 10,000 sessions, one fsync) holds it for a fraction of a second, which a
    /// second connection and its page cache would not repay.
    private let connection: Mutex<SQLiteConnection>

    /// Takes a connection configured by ``configure(_:for:)``: brings its schema up to date, or, when it
    /// is read-only, checks that the schema is exactly the one this code knows.
    private init(_ connection: sending SQLiteConnection, readOnly: Bool) throws {
        do {
            if readOnly {
                try Self.checkSchemaVersion(connection, requireComplete: true)
            } else {
                try Self.checkSchemaVersion(connection, requireComplete: false)
                try Self.migrator.migrate(connection)
            }
        } catch {
            throw StoreError(operation: "migrate", error)
        }
        self.connection = Mutex(connection)
    }

    private static func checkSchemaVersion(_ connection: SQLiteConnection, requireComplete: Bool) throws {
        // A newer relais already migrated this file: running older code over it could lose data.
        if try migrator.hasBeenSuperseded(connection) {
            throw StoreError(.schemaTooNew, "La base de données a été créée par une version plus récente de relais.")
        }
        if try requireComplete && !migrator.hasCompletedMigrations(connection) {
            throw StoreError(.schemaTooOld, "La base de données n'est pas à jour : lancez d'abord « relais serve ».")
        }
    }

    /// Opens (creating if needed) the database file at `path`, in WAL mode, and migrates it.
    ///
    /// The caller owns the directory: it must already exist, so that a typo in the configuration
    /// fails loudly instead of scattering databases over the disk.
    public static func open(path: String) throws -> AppDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory else {
            throw StoreError(.directoryMissing, "Le dossier de la base de données n'existe pas : \(directory)")
        }
        return try AppDatabase(connect(path: path, access: .readWriteFile), readOnly: false)
    }

    /// Opens an existing, up-to-date database file for reading only (exports, reports from another
    /// process). Every write method then fails with ``StoreError/Code/readOnly``.
    public static func openReadOnly(path: String) throws -> AppDatabase {
        try AppDatabase(connect(path: path, access: .readOnlyFile), readOnly: true)
    }

    /// A private in-memory database with the full schema, for tests of code that needs a real store.
    /// Not WAL and not durable: use ``open(path:)`` for anything that must survive the process.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(connect(path: SQLiteConnection.inMemoryPath, access: .memory), readOnly: false)
    }

    /// Opens and configures a connection; every failure comes out as a `StoreError`.
    private static func connect(path: String, access: Access) throws -> sending SQLiteConnection {
        do {
            let connection = try SQLiteConnection(path: path, mode: access == .readOnlyFile ? .readOnly : .readWrite)
            try configure(connection, for: access)
            return connection
        } catch {
            throw StoreError(operation: "open", error)
        }
    }

    /// Runs `body` with the connection, under the lock, outside any transaction. Operations use
    /// ``read(_:_:)`` and ``write(_:_:)``; this is for them and for tests (pragmas, raw SQL).
    func withConnection<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        try connection.withLock { connection in try body(connection) }
    }
}
