import CSQLite
import Testing
@testable import RelaisStore

@Suite struct BlockedDeviceTableV1Tests {
    @Test func blockedDevicesAreUniqueAndWellFormed() async throws {
        let database = try AppDatabase.inMemory()
        try database.withConnection { db in
            try db.execute("INSERT INTO blocked_device (mac, blocked_at) VALUES ('02:00:00:00:00:01', 1)")
            let duplicate = #expect(throws: SQLiteError.self) {
                try db.execute("INSERT INTO blocked_device (mac, blocked_at) VALUES ('02:00:00:00:00:01', 2)")
            }
            #expect(duplicate?.resultCode == SQLITE_CONSTRAINT)
            let malformed = #expect(throws: SQLiteError.self) {
                try db.execute("INSERT INTO blocked_device (mac, blocked_at) VALUES ('nope', 2)")
            }
            #expect(malformed?.resultCode == SQLITE_CONSTRAINT)
            let undated = #expect(throws: SQLiteError.self) {
                try db.execute("INSERT INTO blocked_device (mac, blocked_at) VALUES ('02:00:00:00:00:02', NULL)")
            }
            #expect(undated?.extendedCode == ExtendedCode.constraintNotNull)
        }
    }
}
