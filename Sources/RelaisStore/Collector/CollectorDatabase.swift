import FoundationEssentials

/// The département's collector database: registered boxes, the reports they pushed, their cells and the
/// latest "on duty now" of each box. A file of its own, with its own migrations (never the box's schema).
///
/// Same SQLite adapter as ``AppDatabase``: one writer thread running the writes in order, a few readers
/// each reading one committed snapshot (WAL).
public final class CollectorDatabase: Sendable {
    let writer: ConnectionThreads
    let readers: ConnectionThreads
    private let temporaryDirectory: String?

    private init(writer: ConnectionThreads, readers: ConnectionThreads, temporaryDirectory: String? = nil) {
        self.writer = writer
        self.readers = readers
        self.temporaryDirectory = temporaryDirectory
    }

    deinit {
        if readers !== writer { readers.stop() }
        writer.stop()
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }

    /// Opens (creating if needed) the file at `path`, whose directory must exist, and migrates it.
    public static func open(path: String, readers readerCount: Int = 2) throws -> CollectorDatabase {
        let (writer, readers) = try openFile(path: path, readers: readerCount)
        return CollectorDatabase(writer: writer, readers: readers)
    }

    private static func openFile(path: String, readers readerCount: Int) throws -> (ConnectionThreads, ConnectionThreads) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory else {
            throw StoreError(.directoryMissing, "Le dossier de la base de données n'existe pas : \(directory)")
        }
        let connection = try AppDatabase.connect(path: path, access: .readWriteFile)
        do {
            try checkSchemaVersion(connection)
            try migrator.migrate(connection)
        } catch {
            throw StoreError(operation: "migrate", error)
        }
        let writer = ConnectionThreads(name: "collector-db-w")
        let readers = ConnectionThreads(name: "collector-db-r")
        do {
            try writer.start(connection)
            for _ in 0..<max(1, readerCount) {
                try readers.start(AppDatabase.connect(path: path, access: .readOnlyFile))
            }
        } catch {
            readers.stop()
            writer.stop()
            throw error
        }
        return (writer, readers)
    }

    /// A database file in a new temporary directory, removed when the database is released (tests).
    public static func temporary() throws -> CollectorDatabase {
        let directory = FileManager.default.temporaryDirectory.path + "/relais-collector-db-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        } catch {
            throw StoreError(.directoryMissing, "Impossible de créer le dossier temporaire : \(directory)")
        }
        do {
            let (writer, readers) = try openFile(path: directory + "/collector.sqlite", readers: 2)
            return CollectorDatabase(writer: writer, readers: readers, temporaryDirectory: directory)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    static func checkSchemaVersion(_ connection: SQLiteConnection) throws {
        if try migrator.hasBeenSuperseded(connection) {
            throw StoreError(.schemaTooNew, "La base du collecteur a été créée par une version plus récente de relais.")
        }
    }

    /// The collector's schema history. Never edit a shipped migration; append.
    static let migrator: SchemaMigrator = {
        var migrator = SchemaMigrator()
        migrator.registerMigration("collector-v1-box", migrate: CollectorBoxTableV1.create)
        migrator.registerMigration("collector-v1-report", migrate: CollectorReportTableV1.create)
        migrator.registerMigration("collector-v1-cell", migrate: CollectorCellTableV1.create)
        migrator.registerMigration("collector-v1-duty-status", migrate: CollectorDutyStatusTableV1.create)
        return migrator
    }()

    /// Runs `updates` on the writer in one IMMEDIATE transaction.
    func write<T: Sendable>(_ operation: String, _ updates: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await run(operation, on: writer.queue) { connection in
            try connection.transaction(.immediate) { try updates(connection) }
        }
    }

    /// Runs `value` on a reader in one DEFERRED transaction (one consistent snapshot).
    func read<T: Sendable>(_ operation: String, _ value: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await run(operation, on: readers.queue) { connection in
            try connection.transaction(.deferred) { try value(connection) }
        }
    }

    private func run<T: Sendable>(
        _ operation: String, on queue: ConnectionJobQueue, _ body: @escaping @Sendable (SQLiteConnection) throws -> T
    ) async throws -> T {
        do {
            return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let queued = queue.enqueue { connection in continuation.resume(with: Result { try body(connection) }) }
                if !queued { continuation.resume(throwing: AppDatabase.closedError(operation)) }
            }
        } catch {
            throw StoreError(operation: operation, error)
        }
    }
}
