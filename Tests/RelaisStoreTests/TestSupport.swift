import CSQLite
import FoundationEssentials
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
