import FoundationEssentials
import RelaisCore

/// The planned roster and live check-ins, workshops and help requests: the help desk's store.
extension AppDatabase: RosterStore {
    public func rosterSlots() async throws -> [RosterSlot] {
        try await read("rosterSlots") { db in
            try db.cachedStatement("SELECT \(RosterRecord.slotSelection) FROM roster_slot ORDER BY id").fetchAll(RosterRecord.slot(row:))
        }
    }

    /// Adds a planned slot for an agent; returns it with its id.
    public func addRosterSlot(agentID: Int64, recurrence: RosterSlot.Recurrence, start: LocalTime, end: LocalTime) async throws -> RosterSlot {
        try await write("addRosterSlot") { db in
            let statement = try db.cachedStatement("""
                INSERT INTO roster_slot (agent_id, weekday, on_date, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)
                RETURNING \(RosterRecord.slotSelection)
                """)
            try statement.bind(agentID, at: 1)
            switch recurrence {
            case .weekly(let weekday):
                try statement.bind(weekday.rawValue, at: 2)
                try statement.bindNull(at: 3)
            case .once(let date):
                try statement.bindNull(at: 2)
                try statement.bind(date.description, at: 3)
            }
            try statement.bind(start.secondsSinceMidnight, at: 4)
            try statement.bind(end.secondsSinceMidnight, at: 5)
            guard let slot = try statement.fetchOne(RosterRecord.slot(row:)) else { throw StoreError.invalidRow("roster_slot") }
            return slot
        }
    }

    /// Removes a planned slot; false when there was none with this id.
    public func removeRosterSlot(id: Int64) async throws -> Bool {
        try await write("removeRosterSlot") { db in
            let statement = try db.cachedStatement("DELETE FROM roster_slot WHERE id = ?")
            try statement.bind(id, at: 1)
            try statement.execute()
            return db.changedRowCount > 0
        }
    }

    public func checkIns(since: Date) async throws -> [CheckIn] {
        try await read("checkIns") { db in
            let statement = try db.cachedStatement("""
                SELECT \(RosterRecord.checkInSelection) FROM check_in
                WHERE ended_at IS NULL OR started_at >= ? OR ended_at >= ? ORDER BY id
                """)
            try statement.bind(since.storeMilliseconds, at: 1)
            try statement.bind(since.storeMilliseconds, at: 2)
            return try statement.fetchAll(RosterRecord.checkIn(row:))
        }
    }

    /// Checks the agent in at `now`, unless already checked in; returns the open check-in.
    public func checkIn(agentID: Int64, at now: Date) async throws -> CheckIn {
        try await write("checkIn") { db in
            let insert = try db.cachedStatement("""
                INSERT INTO check_in (agent_id, started_at) VALUES (?, ?)
                ON CONFLICT (agent_id) WHERE ended_at IS NULL DO NOTHING
                """)
            try insert.bind(agentID, at: 1)
            try insert.bind(now.storeMilliseconds, at: 2)
            try insert.execute()
            let open = try db.cachedStatement("SELECT \(RosterRecord.checkInSelection) FROM check_in WHERE agent_id = ? AND ended_at IS NULL")
            try open.bind(agentID, at: 1)
            guard let checkIn = try open.fetchOne(RosterRecord.checkIn(row:)) else { throw StoreError.invalidRow("check_in") }
            return checkIn
        }
    }

    /// Checks the agent out at `now`; returns the check-in it closed, nil when none was open.
    public func checkOut(agentID: Int64, at now: Date) async throws -> CheckIn? {
        try await write("checkOut") { db in
            let statement = try db.cachedStatement("""
                UPDATE check_in SET ended_at = MAX(?, started_at), end_reason = 'checked-out'
                WHERE agent_id = ? AND ended_at IS NULL RETURNING \(RosterRecord.checkInSelection)
                """)
            try statement.bind(now.storeMilliseconds, at: 1)
            try statement.bind(agentID, at: 2)
            return try statement.fetchOne(RosterRecord.checkIn(row:))
        }
    }

    public func endCheckIns(_ endings: [(id: Int64, at: Date)], reason: CheckIn.EndReason) async throws -> Int {
        try await write("endCheckIns") { db in
            let statement = try db.cachedStatement("""
                UPDATE check_in SET ended_at = MAX(?, started_at), end_reason = ? WHERE id = ? AND ended_at IS NULL
                """)
            var ended = 0
            for ending in endings {
                try statement.bind(ending.at.storeMilliseconds, at: 1)
                try statement.bind(reason.rawValue, at: 2)
                try statement.bind(ending.id, at: 3)
                try statement.execute()
                ended += db.changedRowCount
            }
            return ended
        }
    }
}
