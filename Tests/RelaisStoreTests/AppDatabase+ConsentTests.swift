import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

/// Consents are written in the admission's transaction, keep no clear device identifier, and go on
/// withdrawal or expiry.
@Suite struct AppDatabaseConsentTests {
    static let version = String(repeating: "1", count: 64)
    static let textHash = String(repeating: "2", count: 64)

    /// A keyed hash stand-in: 32 bytes derived from `n`, unrelated to the MAC's bytes.
    static func hash(_ n: Int) -> DeviceHash { DeviceHash(bytes: (0..<32).map { UInt8(truncatingIfNeeded: $0 * 7 + n * 13 + 1) }) }

    static func grant(_ n: Int, days: Int = 30, at start: Date = t0) -> ConsentGrant {
        let expiry = ConsentPolicy.expiry(days: days, from: start)
        return ConsentGrant(purposes: ["remember-device"], grantedAt: start, noticeVersion: version, noticeTextSHA256: textHash,
                            expiresAt: expiry, rememberedDevice: RememberedDevice(deviceHash: hash(n), expiresAt: expiry))
    }

    func counts(_ database: AppDatabase) throws -> [Int64?] {
        try database.withConnection { db in
            [try db.integer("SELECT COUNT(*) FROM consent"), try db.integer("SELECT COUNT(*) FROM remembered_device")]
        }
    }

    @Test func theConsentIsWrittenWithItsSessionOrNotAtAll() async throws {
        let database = try AppDatabase.inMemory()
        _ = try await database.setBlocked([mac(2)], blocked: true, at: t0)
        let outcomes = try await database.admit([
            Admission(session: visitor(1), consent: Self.grant(1)),
            Admission(session: visitor(2), consent: Self.grant(2)),  // blocked: nothing of it is written
            Admission(session: visitor(3), consent: Self.grant(3)),  // beyond capacity: nothing either
        ], capacity: 1)
        #expect(outcomes.map { $0.session == nil } == [false, true, true])
        #expect(try counts(database) == [1, 1])
        let found = try await database.rememberedConsent(for: Self.hash(1), at: t0)
        #expect(found?.noticeVersion == Self.version)
        #expect(try await database.rememberedConsent(for: Self.hash(2), at: t0) == nil)
        let stored = try database.withConnection { db in
            try db.fetchOne("SELECT purposes, notice_version, notice_sha256, granted_at, withdrawn_at FROM consent") {
                [$0.string(at: 0), $0.string(at: 1), $0.string(at: 2), $0.int64(at: 3).map(String.init), $0.string(at: 4)]
            }
        }
        #expect(stored == ["remember-device", Self.version, Self.textHash, String(t0.storeMilliseconds), nil])
    }

    @Test func aFailingConsentRollsTheSessionBack() async throws {
        let database = try AppDatabase.inMemory()
        var broken = Self.grant(1)
        broken.noticeTextSHA256 = "not hex"  // refused by the table's CHECK
        await #expect(throws: StoreError.self) {
            _ = try await database.admit([Admission(session: visitor(1), consent: broken)], capacity: 10)
        }
        #expect(try await database.sessionCount() == 0)
        #expect(try counts(database) == [0, 0])
    }

    @Test func noClearDeviceIdentifierInTheConsentTables() async throws {
        let database = try AppDatabase.inMemory()
        let sessions = (1...20).map { visitor($0) }
        _ = try await database.admit(sessions.enumerated().map { Admission(session: $1, consent: Self.grant($0 + 1)) }, capacity: 100)
        // Every byte of every row of both tables, as hex and as text.
        let dump = try database.withConnection { db in
            try db.fetchAll("SELECT hex(id) || hex(granted_at) || hex(purposes) || hex(notice_version) || hex(notice_sha256) || hex(expires_at) || hex(ifnull(withdrawn_at, '')) FROM consent") { $0.string(at: 0) ?? "" }
                + db.fetchAll("SELECT hex(device_hash) || hex(consent_id) || hex(expires_at) FROM remembered_device") { $0.string(at: 0) ?? "" }
        }.joined().lowercased()
        for session in sessions {
            let text = session.mac.description  // 02:00:00:00:00:01
            let raw = text.split(separator: ":").joined()  // its 6 bytes, in hex
            let asTextHex = text.utf8.map { String($0, radix: 16) }.joined()
            let bareTextHex = raw.utf8.map { String($0, radix: 16) }.joined()
            for form in [raw, asTextHex, bareTextHex] { #expect(!dump.contains(form), "\(text) found as \(form)") }
        }
        #expect(try counts(database) == [20, 20])
    }

    @Test func withdrawalKeepsTheRecordAndDeletesTheHashAtOnce() async throws {
        let database = try AppDatabase.inMemory()
        _ = try await database.admit([Admission(session: visitor(1), consent: Self.grant(1))], capacity: 10)
        let later = t0.addingTimeInterval(3600)
        #expect(try await database.withdrawConsents(of: Self.hash(1), at: later) == 1)
        #expect(try await database.rememberedConsent(for: Self.hash(1), at: later) == nil)
        #expect(try await database.rememberedDevices(at: later).isEmpty)
        #expect(try counts(database) == [1, 0])
        let withdrawnAt = try database.withConnection { db in try db.integer("SELECT withdrawn_at FROM consent") }
        #expect(withdrawnAt == later.storeMilliseconds)
        #expect(try await database.withdrawConsents(of: Self.hash(1), at: later) == 0, "withdrawing twice changes nothing")
    }

    @Test func aNewerConsentReplacesTheDevicesLink() async throws {
        let database = try AppDatabase.inMemory()
        _ = try await database.admit([Admission(session: visitor(1), consent: Self.grant(1))], capacity: 10)
        let later = t0.addingTimeInterval(86_400)
        _ = try await database.admit([Admission(session: visitor(1, startingAfter: 86_400), consent: Self.grant(1, at: later))], capacity: 10)
        #expect(try counts(database) == [2, 1])
        #expect(try await database.rememberedConsent(for: Self.hash(1), at: later)?.expiresAt == ConsentPolicy.expiry(days: 30, from: later))
    }

    @Test func expiredDevicesAndConsentsArePurgedInBoundedBatches() async throws {
        let database = try AppDatabase.inMemory()
        let short = (1...5).map { Admission(session: visitor($0), consent: Self.grant($0, days: 1)) }
        let long = (6...7).map { Admission(session: visitor($0), consent: Self.grant($0, days: 60)) }
        _ = try await database.admit(short + long, capacity: 100)
        let expiredAt = t0.addingTimeInterval(86_400)
        #expect(try await database.rememberedConsent(for: Self.hash(1), at: expiredAt) == nil, "expired: not remembered even before the purge")
        #expect(try await database.rememberedDevices(at: expiredAt).count == 2)
        #expect(try await database.purgeExpiredConsents(now: expiredAt.addingTimeInterval(-1), limit: 100) == 0)
        // 5 expired devices, then 5 expired consents, at most 3 rows a call.
        var deleted: [Int] = []
        while deleted.last != 0 { deleted.append(try await database.purgeExpiredConsents(now: expiredAt, limit: 3)) }
        #expect(deleted == [3, 3, 3, 1, 0])
        #expect(try counts(database) == [2, 2])
        #expect(try await database.rememberedConsent(for: Self.hash(6), at: expiredAt) != nil)
    }
}

extension AppDatabase {
    func sessionCount() async throws -> Int64 {
        try withConnection { db in try db.integer("SELECT COUNT(*) FROM session") ?? -1 }
    }
}
