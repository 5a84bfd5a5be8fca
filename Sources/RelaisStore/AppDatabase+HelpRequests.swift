import FoundationEssentials
import RelaisCore

/// Visitors' help requests: received → taken → closed, purged at the end of the local day.
extension AppDatabase {
    static let helpRequestSelection = "id, topic, seat, state, created_at, taken_by, taken_at, closed_at, token_hash"

    public func addHelpRequest(topic: HelpTopic?, seat: String?, tokenDigest: [UInt8], at now: Date) async throws -> Int64 {
        try await write("addHelpRequest") { db in
            let statement = try db.cachedStatement("""
                INSERT INTO help_request (token_hash, topic, seat, state, created_at) VALUES (?, ?, ?, 'received', ?) RETURNING id
                """)
            try statement.bind(tokenDigest, at: 1)
            try statement.bind(topic?.rawValue, at: 2)
            try statement.bind(seat, at: 3)
            try statement.bind(now.storeMilliseconds, at: 4)
            guard let id = try statement.fetchOne({ $0.int64(at: 0) }) ?? nil else { throw StoreError.invalidRow("help_request.id") }
            return id
        }
    }

    public func helpRequest(id: Int64) async throws -> (request: HelpRequest, tokenDigest: [UInt8])? {
        try await read("helpRequest") { db in
            let statement = try db.cachedStatement("SELECT \(Self.helpRequestSelection) FROM help_request WHERE id = ?")
            try statement.bind(id, at: 1)
            return try statement.fetchOne { row in (try Self.helpRequest(row: row), row.blob(at: 8) ?? []) }
        }
    }

    /// Requests not closed, oldest first: the agents' queue.
    public func openHelpRequests() async throws -> [HelpRequest] {
        try await read("openHelpRequests") { db in
            try db.cachedStatement("""
                SELECT \(Self.helpRequestSelection) FROM help_request WHERE state <> 'closed' ORDER BY created_at, id
                """).fetchAll(Self.helpRequest(row:))
        }
    }

    /// The agent takes a received request; false when it is not (or no longer) in state received.
    public func takeHelpRequest(id: Int64, agentID: Int64, at now: Date) async throws -> Bool {
        try await write("takeHelpRequest") { db in
            let statement = try db.cachedStatement("""
                UPDATE help_request SET state = 'taken', taken_by = ?, taken_at = ? WHERE id = ? AND state = 'received'
                """)
            try statement.bind(agentID, at: 1)
            try statement.bind(now.storeMilliseconds, at: 2)
            try statement.bind(id, at: 3)
            try statement.execute()
            return db.changedRowCount > 0
        }
    }

    /// Closes a request that is not closed yet; false otherwise.
    public func closeHelpRequest(id: Int64, at now: Date) async throws -> Bool {
        try await write("closeHelpRequest") { db in
            let statement = try db.cachedStatement("UPDATE help_request SET state = 'closed', closed_at = ? WHERE id = ? AND state <> 'closed'")
            try statement.bind(now.storeMilliseconds, at: 1)
            try statement.bind(id, at: 2)
            try statement.execute()
            return db.changedRowCount > 0
        }
    }

    public func purgeHelpRequests(createdBefore instant: Date) async throws -> Int {
        try await write("purgeHelpRequests") { db in
            let statement = try db.cachedStatement("DELETE FROM help_request WHERE created_at < ?")
            try statement.bind(instant.storeMilliseconds, at: 1)
            try statement.execute()
            return db.changedRowCount
        }
    }

    static func helpRequest(row: SQLiteStatement) throws -> HelpRequest {
        guard let id = row.int64(at: 0), let state = row.string(at: 3).flatMap(HelpRequestState.init(rawValue:)),
              let created = row.int64(at: 4) else { throw StoreError.invalidRow("help_request") }
        return HelpRequest(
            id: id, topic: row.string(at: 1).flatMap(HelpTopic.init(rawValue:)), seat: row.string(at: 2), state: state,
            createdAt: Date(storeMilliseconds: created), takenBy: row.int64(at: 5),
            takenAt: row.int64(at: 6).map(Date.init(storeMilliseconds:)), closedAt: row.int64(at: 7).map(Date.init(storeMilliseconds:)))
    }
}
