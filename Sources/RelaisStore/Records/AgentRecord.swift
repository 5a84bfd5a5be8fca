import FoundationEssentials
import RelaisCore

/// Rows of `agent`: decoding to ``Agent`` (the password hash is read only where sign-in needs it).
enum AgentRecord {
    static let selection = "id, login, display_name, role, shows_first_name, disabled"

    static func agent(row: SQLiteStatement) throws -> Agent {
        guard let id = row.int64(at: 0), let login = row.string(at: 1), let name = row.string(at: 2),
              let role = row.string(at: 3), let shows = row.int64(at: 4), let disabled = row.int64(at: 5)
        else { throw StoreError.invalidRow("agent") }
        return Agent(id: id, login: login, displayName: name, role: role, showsFirstName: shows == 1, isDisabled: disabled == 1)
    }
}

/// Rows of `roster_slot` and `check_in`.
enum RosterRecord {
    static let slotSelection = "id, agent_id, weekday, on_date, starts_at, ends_at"
    static let checkInSelection = "id, agent_id, started_at, ended_at, end_reason"

    static func slot(row: SQLiteStatement) throws -> RosterSlot {
        guard let id = row.int64(at: 0), let agentID = row.int64(at: 1),
              let starts = row.int(at: 4), let ends = row.int(at: 5) else { throw StoreError.invalidRow("roster_slot") }
        let recurrence: RosterSlot.Recurrence
        if let weekday = row.int(at: 2).flatMap(Weekday.init(rawValue:)) {
            recurrence = .weekly(weekday)
        } else if let date = row.string(at: 3).flatMap(LocalDate.init(iso:)) {
            recurrence = .once(date)
        } else {
            throw StoreError.invalidRow("roster_slot.weekday")
        }
        return RosterSlot(id: id, agentID: agentID, recurrence: recurrence,
                          start: LocalTime(secondsSinceMidnight: starts), end: LocalTime(secondsSinceMidnight: ends))
    }

    static func checkIn(row: SQLiteStatement) throws -> CheckIn {
        guard let id = row.int64(at: 0), let agentID = row.int64(at: 1), let started = row.int64(at: 2) else {
            throw StoreError.invalidRow("check_in")
        }
        let reason = row.string(at: 4).flatMap(CheckIn.EndReason.init(rawValue:))
        return CheckIn(id: id, agentID: agentID, startedAt: Date(storeMilliseconds: started),
                       endedAt: row.int64(at: 3).map(Date.init(storeMilliseconds:)), endReason: reason)
    }
}
