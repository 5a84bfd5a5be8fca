import FoundationEssentials
import RelaisCore
import Synchronization

/// The relais SQLite database: owns the schema migrations and every access, each one transaction.
///
/// Open it once per process with ``open(path:readers:)`` and share it: it is `Sendable`. One writer
/// connection runs the writes one at a time, in the order they come, on a thread of its own; a few
/// reader connections run the reads (pages, reports, exports) on threads of their own, each read on
/// one consistent snapshot of committed data (WAL). No SQLite call ever blocks a thread of Swift's
/// cooperative pool: callers are suspended until their job has run.
public final class AppDatabase: Sendable {
    /// Runs the writes, one at a time, in order; nil when the file was opened read-only.
    let writer: ConnectionThreads?
    /// Run the reads; the writer itself for a database in memory (one connection, no WAL).
    let readers: ConnectionThreads
    /// What opening the file found (a first start, a lost database…), for the caller to log.
    public let openOutcome: OpenOutcome
    /// Seals the legal log's entries (AppDatabase+LegalLog.swift); nil keeps no log at all, which only
    /// tests of other concerns and read-only tools do: `relais serve` refuses to start without a key.
    let legalSealer: (any LegalEntrySealer)?
    /// The directory ``temporary(readers:)`` created, removed once the connections are closed.
    private let temporaryDirectory: String?
    /// The port blocks admissions lease (NAT mode `port-blocks`); nil leases none. See `usePortBlocks(_:)`.
    let portBlockPlan = Mutex<PortBlockPlan?>(nil)

    private init(
        writer: ConnectionThreads?, readers: ConnectionThreads, outcome: OpenOutcome, temporaryDirectory: String? = nil,
        legalSealer: (any LegalEntrySealer)? = nil
    ) {
        self.legalSealer = legalSealer
        self.writer = writer
        self.readers = readers
        self.openOutcome = outcome
        self.temporaryDirectory = temporaryDirectory
    }

    /// Waits for the queued jobs (there are none once no caller holds the database), then closes the
    /// readers, and the writer last: its close checkpoints the WAL and removes it.
    deinit {
        if readers !== writer { readers.stop() }
        writer?.stop()
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }

    /// Reader connections of the daemon: pages and reports rarely read at once, and each connection
    /// keeps its own page cache (``cacheSizeKiB``). A count below one opens one.
    public static let defaultReaderCount = 2

    /// Opens (creating if needed) the database file at `path`, in WAL mode, migrates it, and tells in
    /// ``openOutcome`` whether it was there, new, or lost (see ``DatabaseMarker``).
    ///
    /// The caller owns the directory: it must already exist, so that a typo in the configuration
    /// fails loudly instead of scattering databases over the disk.
    public static func open(
        path: String, readers readerCount: Int = defaultReaderCount, legalSealer: (any LegalEntrySealer)? = nil
    ) throws -> AppDatabase {
        let (writer, readers, outcome) = try openFile(path: path, readers: readerCount)
        return AppDatabase(writer: writer, readers: readers, outcome: outcome, legalSealer: legalSealer)
    }

    /// Opens an existing, up-to-date database file for reading only (exports, reports from another
    /// process). Every write method then fails with ``StoreError/Code/readOnly``; nothing is created,
    /// not even the marker.
    public static func openReadOnly(path: String, readers readerCount: Int = 1) throws -> AppDatabase {
        let first = try connect(path: path, access: .readOnlyFile)
        do {
            try checkSchemaVersion(first, requireComplete: true)
        } catch {
            throw StoreError(operation: "migrate", error)
        }
        let readers = ConnectionThreads(name: "relais-db-r")
        do {
            try readers.start(first)
            for _ in 1..<max(1, readerCount) { try readers.start(connect(path: path, access: .readOnlyFile)) }
        } catch {
            readers.stop()
            throw error
        }
        return AppDatabase(writer: nil, readers: readers, outcome: .opened)
    }

    /// A private in-memory database with the full schema, for tests of code that needs a real store.
    /// One connection, which runs the reads too: not WAL, no snapshots apart from the writer, not
    /// durable. Tests of concurrency use ``temporary(readers:)``.
    public static func inMemory(legalSealer: (any LegalEntrySealer)? = nil) throws -> AppDatabase {
        let connection = try connect(path: SQLiteConnection.inMemoryPath, access: .memory)
        _ = try migrate(connection, marker: nil)
        let writer = ConnectionThreads(name: "relais-db-m")
        try writer.start(connection)
        return AppDatabase(writer: writer, readers: writer, outcome: .created, legalSealer: legalSealer)
    }

    /// A database file, exactly as in production, in a new directory under the system's temporary
    /// directory, which is removed when the database is released.
    public static func temporary(
        readers readerCount: Int = defaultReaderCount, legalSealer: (any LegalEntrySealer)? = nil
    ) throws -> AppDatabase {
        let directory = FileManager.default.temporaryDirectory.path + "/relais-db-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        } catch {
            throw StoreError(.directoryMissing, "Impossible de créer le dossier temporaire : \(directory)")
        }
        do {
            let (writer, readers, outcome) = try openFile(path: directory + "/relais.sqlite", readers: readerCount)
            return AppDatabase(
                writer: writer, readers: readers, outcome: outcome, temporaryDirectory: directory, legalSealer: legalSealer)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }
}
