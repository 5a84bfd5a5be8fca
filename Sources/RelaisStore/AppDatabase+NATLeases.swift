import RelaisCore

/// What an admission will lease, decided before it writes anything.
enum PortBlockLease: Sendable, Equatable {
    /// No NAT by relais, or a session without an IPv4 address (an operator's pre-authorization).
    case none
    /// This block index: the lowest free one, or the one the device's replaced session held.
    case block(Int)
}

/// Port-block leases (table `nat_lease`, migration `v4-nat-lease`): each open session of a device with an
/// IPv4 address holds one block of the plan in force; the lease goes when the session ends (trigger).
extension AppDatabase {
    /// Sets the plan admissions lease from (nil: NAT mode `none`, nothing leased). Called once at start-up,
    /// before the first admission. Leases from an earlier plan stay as they are and are read through this one.
    public func usePortBlocks(_ plan: PortBlockPlan?) {
        portBlockPlan.withLock { $0 = plan }
    }

    /// Open sessions holding a block, and blocks in the plan, for `relais ctl status`.
    public func portBlockUsage() async throws -> (leased: Int, total: Int)? {
        guard let plan = portBlockPlan.withLock({ $0 }) else { return nil }
        let leased = try await read("portBlockUsage") { db in try db.integer("SELECT COUNT(*) FROM nat_lease") ?? 0 }
        return (Int(leased), plan.blockCount)
    }

    /// The block `session` will hold, or nil when every block is leased (the admission is then denied,
    /// nothing written). A device replacing its own open session keeps that session's block. Must run
    /// inside the admission's write transaction, before it writes.
    static func portBlockLease(_ db: SQLiteConnection, for session: Session, plan: PortBlockPlan?) throws -> PortBlockLease? {
        guard let plan, session.ipAddress?.normalized.isIPv4 == true else { return PortBlockLease.none }
        let own = try db.cachedStatement("""
            SELECT nat_lease.block FROM nat_lease JOIN session ON session.id = nat_lease.session_id
            WHERE session.mac = ? AND session.ended_at IS NULL
            """)
        try own.bind(session.mac.description, at: 1)
        if let block = try own.fetchOne({ $0.int(at: 0) }) ?? nil, block < plan.blockCount { return .block(block) }
        // The lowest free block that has rested `reuseHoldDownSeconds` since it was last freed; when every
        // free block is resting, the one freed longest ago. Plans hold at most 4,032 blocks (16 ports each),
        // so the candidates are enumerated (~0.1 ms for the default 252).
        let free = try db.cachedStatement("""
            WITH RECURSIVE candidate(block) AS (SELECT 0 UNION ALL SELECT block + 1 FROM candidate WHERE block + 1 < ?1)
            SELECT candidate.block FROM candidate
            LEFT JOIN nat_block_release AS released ON released.block = candidate.block
            WHERE NOT EXISTS (SELECT 1 FROM nat_lease WHERE nat_lease.block = candidate.block)
            ORDER BY COALESCE(released.released_at > ?2, 0),
                     CASE WHEN released.released_at > ?2 THEN released.released_at ELSE candidate.block END
            LIMIT 1
            """)
        try free.bind(plan.blockCount, at: 1)
        try free.bind(session.startedAt.addingTimeInterval(-Double(PortBlockPlan.reuseHoldDownSeconds)).storeMilliseconds, at: 2)
        guard let block = try free.fetchOne({ $0.int(at: 0) }) ?? nil, block < plan.blockCount else { return nil }
        return .block(block)
    }

    /// Writes the lease for the session just inserted and sets its `portBlock`.
    static func writePortBlockLease(_ db: SQLiteConnection, _ lease: PortBlockLease, for session: inout Session, plan: PortBlockPlan?) throws {
        guard case .block(let index) = lease, let plan, let id = session.id else { return }
        let statement = try db.cachedStatement("INSERT INTO nat_lease (block, session_id) VALUES (?, ?)")
        try statement.bind(index, at: 1)
        try statement.bind(id, at: 2)
        try statement.execute()
        session.portBlock = plan.block(at: index)
    }

    /// The sessions with the blocks their leases name (read in the same transaction or snapshot).
    static func withPortBlocks(_ db: SQLiteConnection, _ sessions: [Session], plan: PortBlockPlan?) throws -> [Session] {
        guard let plan, !sessions.isEmpty else { return sessions }
        let statement = try db.cachedStatement("SELECT session_id, block FROM nat_lease")
        let leases = try statement.fetchAll { ($0.int64(at: 0) ?? -1, $0.int(at: 1) ?? -1) }
        let blocks = Dictionary(leases, uniquingKeysWith: { first, _ in first })
        return sessions.map { session in
            var session = session
            session.portBlock = session.id.flatMap { blocks[$0] }.flatMap(plan.block(at:))
            return session
        }
    }
}
