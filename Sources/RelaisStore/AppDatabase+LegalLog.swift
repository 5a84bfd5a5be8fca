import FoundationEssentials
import RelaisCore

/// The legal connection log inside the session transactions: an entry is sealed when a session is
/// admitted, and sealed again, complete, in the same transaction as its end, whichever path ends it.
extension AppDatabase {
    /// Writes the sealed entry of a session just inserted. Called by `admit` in its transaction, right
    /// after the session row: the session exists exactly when its entry does.
    /// `natMode`, `publicAddress` and `portRange` describe the session's port block, when the box does NAT.
    static func openLegalEntry(
        _ db: SQLiteConnection, for session: Session, natMode: LegalNATMode, publicAddress: IPAddress?,
        portRange: ClosedRange<UInt16>?, sealer: (any LegalEntrySealer)?
    ) throws {
        guard let sealer, let sessionID = session.id else { return }
        let entry = LegalEntry(session: session, natMode: natMode, publicAddress: publicAddress, portRange: portRange)
        let sealed = try seal(entry, sessionID: sessionID, sealer: sealer)
        let statement = try db.cachedStatement("""
            INSERT INTO legal_entry (session_id, key_id, start_hour, end_hour, nonce, sealed) VALUES (?, ?, ?, NULL, ?, ?)
            """)
        try statement.bind(sessionID, at: 1)
        try statement.bind(Int64(sealed.keyID), at: 2)
        try statement.bind(LegalHourBucket.of(entry.startedAt), at: 3)
        try statement.bind(sealed.nonce, at: 4)
        try statement.bind(sealed.ciphertext, at: 5)
        try statement.execute()
    }

    /// Completes the entries of sessions just ended (as the ending statement returned them: with their
    /// MAC and IP, which the row itself no longer holds): end, end reason and the IPv6 addresses seen,
    /// sealed again under the current key with a new nonce; the live IPv6 rows are deleted. Every
    /// ending path calls it inside its own transaction.
    static func closeLegalEntries(_ db: SQLiteConnection, ended: [Session], sealer: (any LegalEntrySealer)?) throws {
        for session in ended {
            guard let id = session.id else { continue }
            if let sealer, let endedAt = session.endedAt, let reason = session.endReason {
                try sealAgain(db, session: session, sessionID: id, end: endedAt, reason: reason, sealer: sealer)
            }
            try deleteLiveIPv6(db, sessionID: id)
        }
    }

    private static func sealAgain(
        _ db: SQLiteConnection, session: Session, sessionID id: Int64, end: Date, reason: SessionEndReason,
        sealer: any LegalEntrySealer
    ) throws {
        let entry: LegalEntry
        if let stored = try storedEntry(db, sessionID: id) {
            entry = try openEntry(stored, sessionID: id, sealer: sealer)
        } else {
            // A session opened before the log existed: what its row knew at the start is all there is.
            entry = LegalEntry(session: session, natMode: .none, publicAddress: nil, portRange: nil)
        }
        let closed = entry.closed(at: end, reason: reason, ipv6: try liveIPv6(db, sessionID: id))
        let sealed = try seal(closed, sessionID: id, sealer: sealer)
        let statement = try db.cachedStatement("""
            INSERT INTO legal_entry (session_id, key_id, start_hour, end_hour, nonce, sealed) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id) DO UPDATE SET
                key_id = excluded.key_id, end_hour = excluded.end_hour, nonce = excluded.nonce, sealed = excluded.sealed
            """)
        try statement.bind(id, at: 1)
        try statement.bind(Int64(sealed.keyID), at: 2)
        try statement.bind(LegalHourBucket.of(closed.startedAt), at: 3)
        try statement.bind(LegalHourBucket.of(closed.endedAt ?? end), at: 4)
        try statement.bind(sealed.nonce, at: 5)
        try statement.bind(sealed.ciphertext, at: 6)
        try statement.execute()
    }

    /// Adds IPv6 addresses seen for open sessions (by session id); addresses already known are kept once.
    /// Sessions that ended meanwhile are skipped: their entry is already sealed.
    public func recordLegalIPv6(_ seen: [Int64: [IPAddress]]) async throws {
        let seen = seen.filter { !$0.value.isEmpty }
        guard !seen.isEmpty, legalSealer != nil else { return }
        try await write("recordLegalIPv6") { db in
            let statement = try db.cachedStatement("""
                INSERT OR IGNORE INTO legal_live_ipv6 (session_id, address)
                SELECT session_id, ? FROM legal_entry WHERE session_id = ? AND end_hour IS NULL
                """)
            for (sessionID, addresses) in seen.sorted(by: { $0.key < $1.key }) {
                for address in LegalEntry.canonical(addresses) {
                    try statement.bind(address.description, at: 1)
                    try statement.bind(sessionID, at: 2)
                    try statement.execute()
                }
            }
        }
    }

    /// Deletes up to `limit` entries whose session ended in an hour wholly before `endedBefore` (oldest
    /// first); returns how many went. The retention job calls it in a loop until it returns less than
    /// `limit`, each call one short transaction. Open sessions' entries are never purged.
    public func purgeLegalEntries(endedBefore cutoff: Date, limit: Int) async throws -> Int {
        guard limit > 0 else { return 0 }
        // An entry ending in the hour bucket of the cutoff may end after it: it waits for the next hour.
        let cutoffHour = LegalHourBucket.of(cutoff)
        return try await write("purgeLegalEntries") { db in
            let statement = try db.cachedStatement("""
                DELETE FROM legal_entry WHERE id IN (
                    SELECT id FROM legal_entry WHERE end_hour IS NOT NULL AND end_hour < ? ORDER BY end_hour LIMIT ?)
                """)
            try statement.bind(cutoffHour, at: 1)
            try statement.bind(limit, at: 2)
            try statement.execute()
            return db.changedRowCount
        }
    }

    /// The key ids that still seal at least one entry: the others can be retired from the ring.
    public func legalKeyIDsInUse() async throws -> Set<UInt32> {
        try await read("legalKeyIDsInUse") { db in
            Set(try db.fetchAll("SELECT DISTINCT key_id FROM legal_entry") { UInt32(clamping: $0.int64(at: 0) ?? 0) })
        }
    }

    // MARK: Rows and sealing

    static func seal(_ entry: LegalEntry, sessionID: Int64, sealer: any LegalEntrySealer) throws -> SealedLegalEntry {
        do {
            return try sealer.seal(entry.encoded(), header: LegalSealHeader(sessionID: sessionID))
        } catch {
            throw StoreError(.legalLog, "Impossible de sceller l'entrée du journal légal : \(error).")
        }
    }

    static func openEntry(_ sealed: SealedLegalEntry, sessionID: Int64, sealer: any LegalEntrySealer) throws -> LegalEntry {
        do {
            return try LegalEntry(encoded: try sealer.open(sealed, header: LegalSealHeader(sessionID: sessionID)))
        } catch {
            throw StoreError(.legalLog, "Entrée \(sessionID) du journal légal illisible (clé absente ou entrée altérée) : \(error).")
        }
    }

    static func storedEntry(_ db: SQLiteConnection, sessionID: Int64) throws -> SealedLegalEntry? {
        let statement = try db.cachedStatement("SELECT key_id, nonce, sealed FROM legal_entry WHERE session_id = ?")
        try statement.bind(sessionID, at: 1)
        return try statement.fetchOne { try sealedEntry(row: $0) }
    }

    /// Decodes `key_id, nonce, sealed` at columns 0 to 2.
    static func sealedEntry(row: SQLiteStatement, at first: Int32 = 0) throws -> SealedLegalEntry {
        guard let keyID = row.int64(at: first), let nonce = row.blob(at: first + 1), let sealed = row.blob(at: first + 2) else {
            throw StoreError.invalidRow("legal_entry")
        }
        return SealedLegalEntry(keyID: UInt32(clamping: keyID), nonce: nonce, ciphertext: sealed)
    }

    static func liveIPv6(_ db: SQLiteConnection, sessionID: Int64) throws -> [IPAddress] {
        let statement = try db.cachedStatement("SELECT address FROM legal_live_ipv6 WHERE session_id = ?")
        try statement.bind(sessionID, at: 1)
        return try statement.fetchAll { $0.string(at: 0).flatMap(IPAddress.init) }.compactMap { $0 }
    }

    static func deleteLiveIPv6(_ db: SQLiteConnection, sessionID: Int64) throws {
        let statement = try db.cachedStatement("DELETE FROM legal_live_ipv6 WHERE session_id = ?")
        try statement.bind(sessionID, at: 1)
        try statement.execute()
    }
}

extension AppDatabase: LiveStateMinimizer {
    @discardableResult
    public func forgetEndedSessionsInJournal() async throws -> Bool {
        return try await checkpointAndTruncateWAL("forgetEndedSessionsInJournal")
    }
}
