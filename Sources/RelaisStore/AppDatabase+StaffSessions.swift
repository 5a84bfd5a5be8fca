import FoundationEssentials
import RelaisCore

/// Agents' signed-in sessions, stored by the SHA-256 of their token only, and the purge of the
/// staff's security data. Each method is one transaction.
extension AppDatabase {
    /// Opens a session for the agent until `expiresAt`.
    public func openStaffSession(tokenHash: [UInt8], agentID: Int64, at now: Date, expiresAt: Date) async throws {
        try await write("openStaffSession") { db in
            let statement = try db.cachedStatement(
                "INSERT INTO staff_session (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
            try statement.bind(tokenHash, at: 1)
            try statement.bind(agentID, at: 2)
            try statement.bind(now.storeMilliseconds, at: 3)
            try statement.bind(expiresAt.storeMilliseconds, at: 4)
            try statement.execute()
        }
    }

    /// The enabled agent whose unexpired session has this token hash.
    public func staffSessionAgent(tokenHash: [UInt8], at now: Date) async throws -> Agent? {
        try await read("staffSessionAgent") { db in
            let statement = try db.cachedStatement("""
                SELECT agent.id, agent.login, agent.display_name, agent.role, agent.shows_first_name, agent.disabled
                FROM staff_session JOIN agent ON agent.id = staff_session.agent_id
                WHERE staff_session.token_hash = ? AND staff_session.expires_at > ? AND agent.disabled = 0
                """)
            try statement.bind(tokenHash, at: 1)
            try statement.bind(now.storeMilliseconds, at: 2)
            return try statement.fetchOne(AgentRecord.agent(row:))
        }
    }

    /// Ends the session with this token hash (sign-out).
    public func closeStaffSession(tokenHash: [UInt8]) async throws {
        try await write("closeStaffSession") { db in
            let statement = try db.cachedStatement("DELETE FROM staff_session WHERE token_hash = ?")
            try statement.bind(tokenHash, at: 1)
            try statement.execute()
        }
    }

    /// Deletes expired staff sessions and sign-in failures older than `failuresBefore` (24 h by
    /// default in the help desk's purge); returns (sessions, failures) deleted.
    public func purgeStaffSecurityData(at now: Date, failuresBefore: Date) async throws -> (sessions: Int, failures: Int) {
        try await write("purgeStaffSecurityData") { db in
            let sessions = try db.cachedStatement("DELETE FROM staff_session WHERE expires_at <= ?")
            try sessions.bind(now.storeMilliseconds, at: 1)
            try sessions.execute()
            let sessionCount = db.changedRowCount
            let failures = try db.cachedStatement("DELETE FROM agent_sign_in_failure WHERE failed_at < ?")
            try failures.bind(failuresBefore.storeMilliseconds, at: 1)
            try failures.execute()
            return (sessionCount, db.changedRowCount)
        }
    }

    /// Deletes ended check-ins that started before `instant` (31 days of working times are kept).
    public func purgeCheckIns(startedBefore instant: Date) async throws -> Int {
        try await write("purgeCheckIns") { db in
            let statement = try db.cachedStatement("DELETE FROM check_in WHERE ended_at IS NOT NULL AND started_at < ?")
            try statement.bind(instant.storeMilliseconds, at: 1)
            try statement.execute()
            return db.changedRowCount
        }
    }
}
