import CSQLite
import FoundationEssentials
import Glibc
import Synchronization
import RelaisCore
@testable import RelaisStore

/// A fresh directory under the system temporary directory; tests remove it with `defer`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/relais-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    var databasePath: String { path + "/relais.sqlite" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Whole seconds, so that dates survive the millisecond storage unchanged and sessions compare equal.
let t0 = Date(timeIntervalSince1970: 1_750_000_000)

/// A locally administered unicast address numbered `n`.
func mac(_ n: Int) -> MACAddress {
    MACAddress(rawValue: 0x02_00_00_00_00_00 | UInt64(n))
}

/// A visitor session of `n`'s device, starting `offset` seconds after `t0`, lasting one hour.
func visitor(_ n: Int, startingAfter offset: TimeInterval = 0, seconds: Int = 3600) -> Session {
    Session.open(
        mac: mac(n), ipAddress: IPAddress("192.0.2.\(n % 250 + 1)"), origin: .portal, termsVersion: "2025-01",
        limits: SessionLimits(sessionSeconds: seconds, idleSeconds: 600), now: t0.addingTimeInterval(offset))
}

/// Opens a file database in a fresh directory, runs `body`, and deletes the directory even on failure.
func withFileDatabase(_ body: (AppDatabase, TemporaryDirectory) async throws -> Void) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let database = try AppDatabase.open(path: directory.databasePath)
    try await body(database, directory)
}

/// Extended result codes, which Swift cannot import from sqlite3.h (they are macro expressions).
enum ExtendedCode {
    static let ioErrWrite = SQLITE_IOERR | (3 << 8)
    static let constraintCheck = SQLITE_CONSTRAINT | (1 << 8)
    static let constraintNotNull = SQLITE_CONSTRAINT | (5 << 8)
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
    static let constraintDataType = SQLITE_CONSTRAINT | (12 << 8)
    static let cantOpen = SQLITE_CANTOPEN
}

/// A door that a job on a connection thread waits at until the test opens it. The wait is bounded, so a
/// broken store fails the test instead of hanging it; the bound is a guard, not a measured time.
final class Gate: Sendable {
    private let state = Mutex(false)

    func open() { state.withLock { $0 = true } }

    var isOpen: Bool { state.withLock { $0 } }

    /// Blocks the calling thread (a connection thread, never the cooperative pool) until the gate is
    /// open; false if it stayed closed for 30 s.
    func wait() -> Bool {
        blockUntil { self.isOpen }
    }
}

/// Blocks the calling thread until `condition` holds; false after 30 s.
func blockUntil(_ condition: () -> Bool) -> Bool {
    for _ in 0..<30_000 {
        if condition() { return true }
        usleep(1_000)
    }
    return false
}

/// Suspends the calling task until `condition` holds; false after 30 s.
func eventually(_ condition: @Sendable () -> Bool) async -> Bool {
    for _ in 0..<30_000 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return false
}

/// Events in the order they happened, from any thread.
final class EventLog: Sendable {
    private let state = Mutex<[String]>([])

    func append(_ event: String) { state.withLock { $0.append(event) } }

    var events: [String] { state.withLock { $0 } }
}

/// Thrown by a job whose gate never opened.
struct GateNeverOpened: Error {}

/// The name of the calling thread, as the kernel knows it (what `top -H` shows).
func currentThreadName() -> String {
    let file = open("/proc/thread-self/comm", O_RDONLY | O_CLOEXEC)
    guard file >= 0 else { return "?" }
    defer { close(file) }
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
    return String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
}

/// Counts the rows of `table`, on a reader.
func rowCount(_ table: String, in database: AppDatabase) async throws -> Int64 {
    try await database.read("test") { db in try db.integer("SELECT COUNT(*) FROM \(table)") ?? -1 }
}
