import CSQLite
import Testing
@testable import RelaisStore

/// The schema refuses what a consent must never hold: a device identifier in clear, a bad hash, a bad date order.
@Suite struct ConsentTableV1Tests {
    static let hash64 = String(repeating: "a", count: 64)

    func insertConsent(_ db: SQLiteConnection, purposes: String = "remember-device", sha: String = hash64,
                       granted: Int = 10, expires: Int = 20, withdrawn: String = "NULL") throws {
        try db.execute("""
            INSERT INTO consent (granted_at, purposes, notice_version, notice_sha256, expires_at, withdrawn_at)
            VALUES (\(granted), '\(purposes)', 'v', '\(sha)', \(expires), \(withdrawn))
            """)
    }

    @Test func consentsAreWellFormed() async throws {
        let database = try AppDatabase.inMemory()
        try database.withConnection { db in
            try insertConsent(db)
            try insertConsent(db, purposes: "remember-device lettre")
            for bad: () throws -> Void in [
                { try insertConsent(db, purposes: "") },
                { try insertConsent(db, purposes: "02:00:00:00:00:01") },  // no colon: a MAC cannot be written as a purpose
                { try insertConsent(db, sha: "ABC") },
                { try insertConsent(db, sha: String(repeating: "g", count: 64)) },
                { try insertConsent(db, granted: 20, expires: 10) },
                { try insertConsent(db, withdrawn: "5") },
            ] {
                let error = #expect(throws: SQLiteError.self) { try bad() }
                #expect(error?.extendedCode == ExtendedCode.constraintCheck)
            }
        }
    }

    @Test func rememberedDevicesHoldA32ByteHashOfAnExistingConsent() async throws {
        let database = try AppDatabase.inMemory()
        try database.withConnection { db in
            try insertConsent(db)
            try db.execute("INSERT INTO remembered_device (device_hash, consent_id, expires_at) VALUES (randomblob(32), 1, 20)")
            let short = #expect(throws: SQLiteError.self) {
                try db.execute("INSERT INTO remembered_device (device_hash, consent_id, expires_at) VALUES (x'020000000001', 1, 20)")
            }
            #expect(short?.extendedCode == ExtendedCode.constraintCheck)
            let orphan = #expect(throws: SQLiteError.self) {
                try db.execute("INSERT INTO remembered_device (device_hash, consent_id, expires_at) VALUES (randomblob(32), 99, 20)")
            }
            #expect(orphan?.resultCode == SQLITE_CONSTRAINT)
            // Deleting the consent deletes its device.
            try db.execute("DELETE FROM consent")
            #expect(try db.integer("SELECT COUNT(*) FROM remembered_device") == 0)
        }
    }
}
