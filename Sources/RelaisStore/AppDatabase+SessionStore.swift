import FoundationEssentials
import RelaisCore

/// Sessions and blocked devices. Each method is one transaction; batches reuse cached prepared
/// statements, so 10,000 devices cost one fsync, not 10,000.
extension AppDatabase: SessionStore {
    public func liveSessions(at now: Date) async throws -> [Session] {
        let nowMs = now.storeMilliseconds, plan = portBlockPlan.withLock { $0 }
        return try await read("liveSessions") { db in
            let statement = try db.cachedStatement("""
                SELECT \(SessionRecord.selection) FROM session
                WHERE ended_at IS NULL AND expires_at > ?
                ORDER BY id
                """)
            try statement.bind(nowMs, at: 1)
            return try Self.withPortBlocks(db, try SessionRecord.fetchAll(statement), plan: plan)
        }
    }

    /// Ids given in the sessions are ignored: SQLite assigns them. The admitted sessions are as stored
    /// (dates to the millisecond). Within one batch, a later admission of the same device replaces an
    /// earlier one, as across batches. The open sessions are read once; each admission then adds one
    /// unless it replaced the device's own session.
    public func admit(_ admissions: [Admission], capacity: Int) async throws -> [AdmissionOutcome] {
        let plan = portBlockPlan.withLock { $0 }
        let sealer = legalSealer
        return try await write("admit") { db in
            var open = try Self.openSessionCount(db)
            var outcomes: [AdmissionOutcome] = []
            outcomes.reserveCapacity(admissions.count)
            for admission in admissions {
                let session = admission.session
                // Re-checked here, not in memory: an operator's block committed a moment ago counts.
                if try Self.isBlocked(db, session.mac) {
                    outcomes.append(.denied(.blocked))
                    continue
                }
                guard let lease = try Self.portBlockLease(db, for: session, plan: plan) else {
                    outcomes.append(.denied(.portBlocksExhausted))
                    continue
                }
                let replaced = try Self.endOpenSession(db, of: session.mac, reason: .replaced, at: session.startedAt, sealer: sealer)
                if replaced.isEmpty {
                    guard open < capacity else {
                        outcomes.append(.denied(.capacityReached))
                        continue
                    }
                    open += 1
                }
                // Every part of the admission is written here, in this transaction (the consent record
                // will join the session and its connection-log entry), before the firewall opens.
                var record = SessionRecord(session)
                try record.insert(db)
                try Self.writePortBlockLease(db, lease, for: &record.session, plan: plan)
                let block = record.session.portBlock
                try Self.openLegalEntry(
                    db, for: record.session, natMode: block == nil ? .none : .portBlocks,
                    publicAddress: block?.publicAddress, portRange: block.map { UInt16($0.firstPort)...UInt16($0.lastPort) }, sealer: sealer)
                try Self.recordConsent(db, admission.consent)
                outcomes.append(.admitted(record.session))
            }
            return outcomes
        }
    }

    public func endSessions(_ endings: [SessionEnding]) async throws -> [Session] {
        let sealer = legalSealer
        return try await write("endSessions") { db in
            let statement = try db.cachedStatement("""
                UPDATE session SET ended_at = MAX(?, started_at), end_reason = ?
                WHERE id = ? AND ended_at IS NULL
                RETURNING \(SessionRecord.selection)
                """)
            var ended: [Session] = []
            for ending in endings {
                try statement.bind(ending.endedAt.storeMilliseconds, at: 1)
                try statement.bind(ending.reason.rawValue, at: 2)
                try statement.bind(ending.sessionID, at: 3)
                ended += try SessionRecord.fetchAll(statement)
            }
            try Self.closeLegalEntries(db, ended: ended, sealer: sealer)
            return ended
        }
    }

    /// A session past its limit ended on it: it is dated at its hard limit, not at the (later) moment
    /// this runs, which may follow a long stop of the daemon.
    public func endExpiredSessions(at now: Date) async throws -> [Session] {
        let nowMs = now.storeMilliseconds, sealer = legalSealer
        return try await write("endExpiredSessions") { db in
            let statement = try db.cachedStatement("""
                UPDATE session SET ended_at = expires_at, end_reason = ?
                WHERE ended_at IS NULL AND expires_at <= ?
                RETURNING \(SessionRecord.selection)
                """)
            try statement.bind(SessionEndReason.sessionLimit.rawValue, at: 1)
            try statement.bind(nowMs, at: 2)
            let ended = try SessionRecord.fetchAll(statement).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
            try Self.closeLegalEntries(db, ended: ended, sealer: sealer)
            return ended
        }
    }

    public func blockedDevices() async throws -> Set<MACAddress> {
        try await read("blockedDevices") { db in
            Set(try BlockedDeviceRecord.fetchAll(db).map(\.mac))
        }
    }

    /// Blocking keeps the first block date of a device already blocked.
    public func block(_ macs: [MACAddress], endDates: [MACAddress: Date], at now: Date) async throws -> [Session] {
        let sealer = legalSealer
        return try await write("block") { db in
            var ended: [Session] = []
            for mac in macs {
                try BlockedDeviceRecord(mac: mac, blockedAt: now).insertIfAbsent(db)
                ended += try Self.endOpenSession(db, of: mac, reason: .blocked, at: endDates[mac] ?? now, sealer: sealer)
            }
            return ended
        }
    }

    public func unblock(_ macs: [MACAddress]) async throws {
        try await write("unblock") { db in
            for mac in macs { try BlockedDeviceRecord.delete(db, mac: mac) }
        }
    }

    /// Ends the open session of `mac`, if any, never before its start, and seals its log entry; returns
    /// it as ended. Must run inside a write transaction.
    private static func endOpenSession(
        _ db: SQLiteConnection, of mac: MACAddress, reason: SessionEndReason, at now: Date, sealer: (any LegalEntrySealer)?
    ) throws -> [Session] {
        let statement = try db.cachedStatement("""
            UPDATE session SET ended_at = MAX(?, started_at), end_reason = ?
            WHERE mac = ? AND ended_at IS NULL
            RETURNING \(SessionRecord.selection)
            """)
        try statement.bind(now.storeMilliseconds, at: 1)
        try statement.bind(reason.rawValue, at: 2)
        try statement.bind(mac.description, at: 3)
        let ended = try SessionRecord.fetchAll(statement)
        try closeLegalEntries(db, ended: ended, sealer: sealer)
        return ended
    }

    private static func isBlocked(_ db: SQLiteConnection, _ mac: MACAddress) throws -> Bool {
        let statement = try db.cachedStatement("SELECT 1 FROM blocked_device WHERE mac = ?")
        try statement.bind(mac.description, at: 1)
        return try !statement.fetchAll { _ in true }.isEmpty
    }

    private static func openSessionCount(_ db: SQLiteConnection) throws -> Int {
        // Kept by triggers (migration v2): reading it costs nothing, counting the rows would not.
        let statement = try db.cachedStatement("SELECT open FROM session_open_count WHERE id = 1")
        return try statement.fetchAll { $0.int(at: 0) ?? 0 }.first ?? 0
    }
}
