import FoundationEssentials
import RelaisCore
import RelaisCrypto
import Testing
@testable import RelaisStore

/// A real AES-256-GCM sealer over a fresh key ring.
func legalSealer(rotations: Int = 0) -> KeyRingSealer {
    let random = SystemRandomSource()
    var ring = LegalKeyRing.new(secret: random.bytes(32), at: t0)
    for _ in 0..<rotations { ring = ring.rotated(secret: random.bytes(32), at: t0) }
    return KeyRingSealer(ring: ring)
}

extension AppDatabase {
    /// The stored entry of a session, opened; nil when it has none.
    func legalEntry(sessionID: Int64) async throws -> LegalEntry? {
        let sealer = try #require(legalSealer)
        return try await read("test") { db in
            try Self.storedEntry(db, sessionID: sessionID).map { try Self.openEntry($0, sessionID: sessionID, sealer: sealer) }
        }
    }

    /// The clear columns of the session's entry: key id, start and end hour buckets.
    func legalEntryClearColumns(sessionID: Int64) async throws -> (keyID: Int64, startHour: Int64, endHour: Int64?)? {
        try await read("test") { db in
            let statement = try db.prepare("SELECT key_id, start_hour, end_hour FROM legal_entry WHERE session_id = ?")
            try statement.bind(sessionID, at: 1)
            return try statement.fetchOne { ($0.int64(at: 0) ?? 0, $0.int64(at: 1) ?? 0, $0.int64(at: 2)) }
        }
    }

    /// MAC and IP columns of a session row, as stored.
    func identifiers(ofSession id: Int64) async throws -> (mac: String?, ip: String?) {
        try await read("test") { db in
            let statement = try db.prepare("SELECT mac, ip FROM session WHERE id = ?")
            try statement.bind(id, at: 1)
            return try statement.fetchOne { ($0.string(at: 0), $0.string(at: 1)) } ?? (nil, nil)
        }
    }

    /// Admits sessions, failing the test on a refusal.
    func admitted(_ sessions: [Session], capacity: Int = 100) async throws -> [Session] {
        try await admit(sessions.map(Admission.init(session:)), capacity: capacity).map { try #require($0.session) }
    }

    /// Writes an entry for a session that does not exist, as the NAT code will (port block and all).
    func insertLegalEntry(_ entry: LegalEntry, sessionID: Int64) async throws {
        try await insertLegalEntries([(entry, sessionID)])
    }

    /// Writes entries in one transaction.
    func insertLegalEntries(_ entries: [(LegalEntry, Int64)]) async throws {
        let sealer = try #require(legalSealer)
        try await write("test") { db in
          for (entry, sessionID) in entries {
            let sealed = try Self.seal(entry, sessionID: sessionID, sealer: sealer)
            let statement = try db.cachedStatement("""
                INSERT INTO legal_entry (session_id, key_id, start_hour, end_hour, nonce, sealed) VALUES (?, ?, ?, ?, ?, ?)
                """)
            try statement.bind(sessionID, at: 1)
            try statement.bind(Int64(sealed.keyID), at: 2)
            try statement.bind(LegalHourBucket.of(entry.startedAt), at: 3)
            try statement.bind(entry.endedAt.map(LegalHourBucket.of), at: 4)
            try statement.bind(sealed.nonce, at: 5)
            try statement.bind(sealed.ciphertext, at: 6)
            try statement.execute()
          }
        }
    }
}

/// A sealer that always fails: nothing of an admission may then be written.
struct FailingSealer: LegalEntrySealer {
    struct Failure: Error {}
    var currentKeyID: UInt32 { 1 }
    func seal(_ plaintext: [UInt8], header: LegalSealHeader) throws -> SealedLegalEntry { throw Failure() }
    func open(_ sealed: SealedLegalEntry, header: LegalSealHeader) throws -> [UInt8] { throw Failure() }
}
