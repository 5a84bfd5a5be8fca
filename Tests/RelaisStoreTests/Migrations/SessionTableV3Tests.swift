import CSQLite
import RelaisCore
import Testing
@testable import RelaisStore

/// The v3 rebuild scrubs the ended rows already there, keeps the open ones, the id counter, the indexes
/// and the open-session count.
@Suite struct SessionTableV3Tests {
    @Test func rebuildScrubsEndedRowsAndKeepsTheRest() throws {
        let db = try SessionTableV2Tests.versionOneDatabase()
        try SessionTableV2Tests.upToVersionTwo.migrate(db)
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:01", "ip": "192.0.2.1", "ended_at": 1_500, "end_reason": "idle"])
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:02", "ip": "192.0.2.2"])
        try db.execute("UPDATE sqlite_sequence SET seq = 41 WHERE name = 'session'")

        try AppDatabase.migrator.migrate(db)

        let rows = try db.fetchAll("SELECT id, mac, ip, end_reason FROM session ORDER BY id") {
            "\($0.int64(at: 0)!) \($0.string(at: 1) ?? "-") \($0.string(at: 2) ?? "-") \($0.string(at: 3) ?? "-")"
        }
        #expect(rows == ["1 - - idle", "2 02:00:00:00:00:02 192.0.2.2 -"])
        #expect(try db.integer("SELECT seq FROM sqlite_sequence WHERE name = 'session'") == 41)
        #expect(try db.integer("SELECT open FROM session_open_count") == 1)
        // One open session per device still; the count follows inserts and ends.
        #expect(throws: SQLiteError.self) { try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:02"]) }
        try SessionTableV1Tests.insert(db, ["mac": "02:00:00:00:00:03"])
        #expect(try db.integer("SELECT MAX(id) FROM session") == 42)
        #expect(try db.integer("SELECT open FROM session_open_count") == 2)
        try db.execute("UPDATE session SET ended_at = expires_at, end_reason = 'idle' WHERE id = 42")
        #expect(try db.integer("SELECT open FROM session_open_count") == 1)
        #expect(try db.integer("SELECT COUNT(*) FROM session WHERE mac IS NOT NULL") == 1)
    }
}
