import CSQLite
import RelaisCore
import Testing
@testable import RelaisStore

/// The v2 rebuild keeps every row and the id counter, repairs ends recorded before their start, and
/// the schema then refuses such ends.
@Suite struct SessionTableV2Tests {
    /// A database at v1 only, as a box running the previous release left it.
    static func versionOneDatabase() throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        var migrator = SchemaMigrator()
        migrator.registerMigration("v1-session", migrate: SessionTableV1.create)
        migrator.registerMigration("v1-blocked-device", migrate: BlockedDeviceTableV1.create)
        try migrator.migrate(connection)
        return connection
    }

    /// The history up to this migration: later ones (v3 scrubs ended rows) are tested on their own.
    static let upToVersionTwo: SchemaMigrator = {
        var migrator = SchemaMigrator()
        for migration in AppDatabase.migrator.migrations.prefix(while: { $0.identifier != "v3-session-minimized" }) {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        return migrator
    }()

    @Test func rebuildKeepsRowsAndCounterAndDatesBadEndsAtTheStart() throws {
        let db = try Self.versionOneDatabase()
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:01", "ended_at": 1_500, "end_reason": "idle"])
        // What v1 let a wall clock set back write: an end before the start.
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:02", "ended_at": 400, "end_reason": "visitor-logout"])
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:03"])
        // Rows purged since: the counter is past the largest id left.
        try db.execute("UPDATE sqlite_sequence SET seq = 41 WHERE name = 'session'")

        try Self.upToVersionTwo.migrate(db)

        let rows = try db.fetchAll("SELECT id, mac, ended_at, end_reason FROM session ORDER BY id") {
            "\($0.int64(at: 0)!) \($0.string(at: 1)!) \($0.int64(at: 2).map(String.init) ?? "-") \($0.string(at: 3) ?? "-")"
        }
        #expect(rows == ["1 02:00:00:00:00:01 1500 idle", "2 02:00:00:00:00:02 1000 visitor-logout", "3 02:00:00:00:00:03 - -"])
        #expect(try db.integer("SELECT seq FROM sqlite_sequence WHERE name = 'session'") == 41)
        #expect(try db.integer("SELECT COUNT(*) FROM sqlite_sequence WHERE name = 'session_v2'") == 0)
        // The indexes are back: still one open session per device.
        #expect(throws: SQLiteError.self) { try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:03"]) }
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:04"])
        #expect(try db.integer("SELECT MAX(id) FROM session") == 42)
    }

    @Test func theCounterSurvivesAnEmptiedTable() throws {
        let db = try Self.versionOneDatabase()
        try SessionTableV1Tests.insert(db)
        try db.execute("DELETE FROM session")
        try Self.upToVersionTwo.migrate(db)
        try SessionTableV1Tests.insert(db)
        #expect(try db.integer("SELECT MAX(id) FROM session") == 2)
    }

    @Test func theOpenCountFollowsEveryChange() async throws {
        let db = try Self.versionOneDatabase()
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:01"])
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:02", "ended_at": 1_500, "end_reason": "idle"])
        try Self.upToVersionTwo.migrate(db)
        func count() throws -> Int64? { try db.integer("SELECT open FROM session_open_count") }
        #expect(try count() == 1)
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:03"])
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:04", "ended_at": 1_200, "end_reason": "idle"])
        #expect(try count() == 2)
        try db.execute("UPDATE session SET ended_at = 1500, end_reason = 'blocked' WHERE mac = '02:00:00:00:00:01'")
        // Ending an ended session again, or changing another column, counts nothing.
        try db.execute("UPDATE session SET ended_at = 1600 WHERE mac = '02:00:00:00:00:01'")
        try db.execute("UPDATE session SET idle_seconds = 5 WHERE mac = '02:00:00:00:00:03'")
        #expect(try count() == 1)
        try db.execute("DELETE FROM session WHERE mac = '02:00:00:00:00:03'")
        try db.execute("DELETE FROM session WHERE mac = '02:00:00:00:00:02'")
        #expect(try count() == 0)
        #expect(try count() == db.integer("SELECT COUNT(*) FROM session WHERE ended_at IS NULL"))
    }

    @Test func anEndBeforeTheStartIsRefusedAndFirewallFailureIsAReason() async throws {
        #expect(try await SessionTableV1Tests.rawInsertResult(["ended_at": 999, "end_reason": "idle"]) == SQLITE_CONSTRAINT)
        #expect(try await SessionTableV1Tests.rawInsertResult(["ended_at": 1_000, "end_reason": "firewall-failure"]) == nil)
    }
}
