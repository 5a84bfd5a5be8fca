import FoundationEssentials
import RelaisCore

/// What the operator gives to create an agent.
public struct NewAgent: Sendable {
    public var login: String
    public var displayName: String
    public var role: String
    public var showsFirstName: Bool

    public init(login: String, displayName: String, role: String, showsFirstName: Bool) {
        self.login = login
        self.displayName = displayName
        self.role = role
        self.showsFirstName = showsFirstName
    }
}

/// Agent accounts: creation, passwords, sign-in failures. Each method is one transaction.
extension AppDatabase {
    /// Creates an agent; a login already taken is a `constraint` error.
    public func addAgent(_ new: NewAgent, passwordHash: String, at now: Date) async throws -> Agent {
        try await write("addAgent") { db in
            let statement = try db.cachedStatement("""
                INSERT INTO agent (login, display_name, role, shows_first_name, password_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING \(AgentRecord.selection)
                """)
            try statement.bind(new.login, at: 1)
            try statement.bind(new.displayName, at: 2)
            try statement.bind(new.role, at: 3)
            try statement.bind(new.showsFirstName ? 1 : 0, at: 4)
            try statement.bind(passwordHash, at: 5)
            try statement.bind(now.storeMilliseconds, at: 6)
            guard let agent = try statement.fetchOne(AgentRecord.agent(row:)) else { throw StoreError.invalidRow("agent") }
            return agent
        }
    }

    /// Every agent, by id.
    public func agents() async throws -> [Agent] {
        try await read("agents") { db in
            try db.cachedStatement("SELECT \(AgentRecord.selection) FROM agent ORDER BY id").fetchAll(AgentRecord.agent(row:))
        }
    }

    /// The agent with this login and its password hash (disabled ones too: the caller refuses them).
    public func agentCredentials(login: String) async throws -> (agent: Agent, passwordHash: String)? {
        try await read("agentCredentials") { db in
            let statement = try db.cachedStatement("SELECT \(AgentRecord.selection), password_hash FROM agent WHERE login = ?")
            try statement.bind(login, at: 1)
            return try statement.fetchOne { row in
                guard let hash = row.string(at: 6) else { throw StoreError.invalidRow("agent.password_hash") }
                return (try AgentRecord.agent(row: row), hash)
            }
        }
    }

    /// Replaces the agent's password hash and signs it out everywhere; false when no such login.
    public func setPasswordHash(login: String, _ hash: String) async throws -> Bool {
        try await write("setPasswordHash") { db in
            let statement = try db.cachedStatement("UPDATE agent SET password_hash = ? WHERE login = ? RETURNING id")
            try statement.bind(hash, at: 1)
            try statement.bind(login, at: 2)
            guard let id = try statement.fetchOne({ $0.int64(at: 0) }) ?? nil else { return false }
            try Self.deleteStaffSessions(db, agentID: id)
            return true
        }
    }

    /// Disables (or enables again) an agent; disabling ends its sessions and open check-in. False when no such login.
    public func setAgentDisabled(login: String, _ disabled: Bool, at now: Date) async throws -> Bool {
        try await write("setAgentDisabled") { db in
            let statement = try db.cachedStatement("UPDATE agent SET disabled = ? WHERE login = ? RETURNING id")
            try statement.bind(disabled ? 1 : 0, at: 1)
            try statement.bind(login, at: 2)
            guard let id = try statement.fetchOne({ $0.int64(at: 0) }) ?? nil else { return false }
            if disabled {
                try Self.deleteStaffSessions(db, agentID: id)
                let close = try db.cachedStatement("""
                    UPDATE check_in SET ended_at = MAX(?, started_at), end_reason = 'checked-out'
                    WHERE agent_id = ? AND ended_at IS NULL
                    """)
                try close.bind(now.storeMilliseconds, at: 1)
                try close.bind(id, at: 2)
                try close.execute()
            }
            return true
        }
    }

    /// Records a failed sign-in from `address`, against the account when the login exists.
    public func recordSignInFailure(agentID: Int64?, address: String, at now: Date) async throws {
        try await write("recordSignInFailure") { db in
            let statement = try db.cachedStatement(
                "INSERT INTO agent_sign_in_failure (agent_id, client_address, failed_at) VALUES (?, ?, ?)")
            try statement.bind(agentID, at: 1)
            try statement.bind(address, at: 2)
            try statement.bind(now.storeMilliseconds, at: 3)
            try statement.execute()
        }
    }

    /// The times of the failures since `since`, for the account and for the address.
    public func signInFailures(agentID: Int64?, address: String, since: Date) async throws -> (account: [Date], address: [Date]) {
        try await read("signInFailures") { db in
            let byAccount = try db.cachedStatement("SELECT failed_at FROM agent_sign_in_failure WHERE agent_id = ? AND failed_at >= ?")
            try byAccount.bind(agentID ?? -1, at: 1)
            try byAccount.bind(since.storeMilliseconds, at: 2)
            let account = try byAccount.fetchAll { Date(storeMilliseconds: $0.int64(at: 0) ?? 0) }
            let byAddress = try db.cachedStatement("SELECT failed_at FROM agent_sign_in_failure WHERE client_address = ? AND failed_at >= ?")
            try byAddress.bind(address, at: 1)
            try byAddress.bind(since.storeMilliseconds, at: 2)
            return (account, try byAddress.fetchAll { Date(storeMilliseconds: $0.int64(at: 0) ?? 0) })
        }
    }

    /// Forgets the account's failures after a successful sign-in (the address's stay: another account
    /// guessed from the same machine still counts).
    public func clearSignInFailures(agentID: Int64) async throws {
        try await write("clearSignInFailures") { db in
            let statement = try db.cachedStatement("DELETE FROM agent_sign_in_failure WHERE agent_id = ?")
            try statement.bind(agentID, at: 1)
            try statement.execute()
        }
    }

    static func deleteStaffSessions(_ db: SQLiteConnection, agentID: Int64) throws {
        let statement = try db.cachedStatement("DELETE FROM staff_session WHERE agent_id = ?")
        try statement.bind(agentID, at: 1)
        try statement.execute()
    }
}
