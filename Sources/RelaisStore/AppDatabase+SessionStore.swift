import struct Foundation.Date
import GRDB
import RelaisCore

/// Sessions and blocked devices. Each method is one transaction; batches reuse cached prepared
/// statements, so 10,000 devices cost one fsync, not 10,000.
extension AppDatabase: SessionStore {
    public func liveSessions(at now: Date) async throws -> [Session] {
        let nowMs = now.storeMilliseconds
        return try await read("liveSessions") { db in
            try SessionRecord
                .filter(SessionRecord.Columns.endedAt == nil && SessionRecord.Columns.expiresAt > nowMs)
                .order(SessionRecord.Columns.id)
                .fetchAll(db)
                .map(\.session)
        }
    }

    /// Ids given in `sessions` are ignored: SQLite assigns them. The returned sessions are as stored
    /// (dates to the millisecond). Within one batch, a later session of the same device replaces an
    /// earlier one, as across batches.
    public func startSessions(_ sessions: [Session]) async throws -> [Session] {
        try await write("startSessions") { db in
            var started: [Session] = []
            started.reserveCapacity(sessions.count)
            let replace = try db.cachedStatement(sql: """
                UPDATE session SET ended_at = ?, end_reason = ? WHERE mac = ? AND ended_at IS NULL
                """)
            for session in sessions {
                // The replaced session is not returned: only the new ones are.
                try replace.execute(arguments: [
                    session.startedAt.storeMilliseconds, SessionEndReason.replaced.rawValue, session.mac.description,
                ])
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
            let statement = try db.cachedStatement(sql: """
                UPDATE session SET ended_at = ?, end_reason = ?
                WHERE ended_at IS NULL AND expires_at <= ?
                RETURNING *
                """)
            let ended = try SessionRecord.fetchAll(
                statement, arguments: [nowMs, SessionEndReason.sessionLimit.rawValue, nowMs])
            return ended.map(\.session).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
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
        _ db: Database, of mac: MACAddress, reason: SessionEndReason, at now: Date
    ) throws -> [Session] {
        let statement = try db.cachedStatement(sql: """
            UPDATE session SET ended_at = ?, end_reason = ?
            WHERE mac = ? AND ended_at IS NULL
            RETURNING *
            """)
        return try SessionRecord.fetchAll(
            statement, arguments: [now.storeMilliseconds, reason.rawValue, mac.description]
        ).map(\.session)
    }
}
