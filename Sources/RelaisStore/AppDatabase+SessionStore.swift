import FoundationEssentials
import RelaisCore

/// Sessions and blocked devices. Each method is one transaction; batches reuse cached prepared
/// statements, so 10,000 devices cost one fsync, not 10,000.
extension AppDatabase: SessionStore {
    public func liveSessions(at now: Date) async throws -> [Session] {
        let nowMs = now.storeMilliseconds
        return try await read("liveSessions") { db in
            let statement = try db.cachedStatement("""
                SELECT \(SessionRecord.selection) FROM session
                WHERE ended_at IS NULL AND expires_at > ?
                ORDER BY id
                """)
            try statement.bind(nowMs, at: 1)
            return try SessionRecord.fetchAll(statement)
        }
    }

    /// Ids given in `sessions` are ignored: SQLite assigns them. The returned sessions are as stored
    /// (dates to the millisecond). Within one batch, a later session of the same device replaces an
    /// earlier one, as across batches.
    public func startSessions(_ sessions: [Session]) async throws -> [Session] {
        try await write("startSessions") { db in
            var started: [Session] = []
            started.reserveCapacity(sessions.count)
            for session in sessions {
                // The replaced session is not returned: only the new ones are.
                let replace = try db.cachedStatement("""
                    UPDATE session SET ended_at = ?, end_reason = ? WHERE mac = ? AND ended_at IS NULL
                    """)
                try replace.bind(session.startedAt.storeMilliseconds, at: 1)
                try replace.bind(SessionEndReason.replaced.rawValue, at: 2)
                try replace.bind(session.mac.description, at: 3)
                try replace.execute()
                var record = SessionRecord(session)
                try record.insert(db)
                started.append(record.session)
            }
            return started
        }
    }

    public func endSessions(of macs: [MACAddress], reason: SessionEndReason, at now: Date) async throws -> [Session] {
        try await write("endSessions") { db in
            try macs.flatMap { try Self.endOpenSession(db, of: $0, reason: reason, at: now) }
        }
    }

    public func endExpiredSessions(at now: Date) async throws -> [Session] {
        let nowMs = now.storeMilliseconds
        return try await write("endExpiredSessions") { db in
            let statement = try db.cachedStatement("""
                UPDATE session SET ended_at = ?, end_reason = ?
                WHERE ended_at IS NULL AND expires_at <= ?
                RETURNING \(SessionRecord.selection)
                """)
            try statement.bind(nowMs, at: 1)
            try statement.bind(SessionEndReason.sessionLimit.rawValue, at: 2)
            try statement.bind(nowMs, at: 3)
            return try SessionRecord.fetchAll(statement).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        }
    }

    public func blockedDevices() async throws -> Set<MACAddress> {
        try await read("blockedDevices") { db in
            Set(try BlockedDeviceRecord.fetchAll(db).map(\.mac))
        }
    }

    /// Blocking keeps the first block date of a device already blocked; unblocking returns no session.
    public func setBlocked(_ macs: [MACAddress], blocked: Bool, at now: Date) async throws -> [Session] {
        try await write("setBlocked") { db in
            guard blocked else {
                for mac in macs { try BlockedDeviceRecord.delete(db, mac: mac) }
                return []
            }
            var ended: [Session] = []
            for mac in macs {
                try BlockedDeviceRecord(mac: mac, blockedAt: now).insertIfAbsent(db)
                ended += try Self.endOpenSession(db, of: mac, reason: .blocked, at: now)
            }
            return ended
        }
    }

    /// Ends the open session of `mac`, if any; returns it as ended. Must run inside a write transaction.
    private static func endOpenSession(
        _ db: SQLiteConnection, of mac: MACAddress, reason: SessionEndReason, at now: Date
    ) throws -> [Session] {
        let statement = try db.cachedStatement("""
            UPDATE session SET ended_at = ?, end_reason = ?
            WHERE mac = ? AND ended_at IS NULL
            RETURNING \(SessionRecord.selection)
            """)
        try statement.bind(now.storeMilliseconds, at: 1)
        try statement.bind(reason.rawValue, at: 2)
        try statement.bind(mac.description, at: 3)
        return try SessionRecord.fetchAll(statement)
    }
}
