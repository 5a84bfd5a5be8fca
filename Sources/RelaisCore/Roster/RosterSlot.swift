import struct FoundationEssentials.Date

/// A planned duty slot in local time: every week on a weekday, or once on a date. A slot whose end is
/// at or before its start runs past midnight into the next day (22:00–02:00).
public struct RosterSlot: Sendable, Hashable, Identifiable {
    /// When the slot recurs.
    public enum Recurrence: Sendable, Hashable {
        case weekly(Weekday)
        case once(LocalDate)
    }

    public var id: Int64
    public var agentID: Int64
    public var recurrence: Recurrence
    public var start: LocalTime
    public var end: LocalTime

    public init(id: Int64, agentID: Int64, recurrence: Recurrence, start: LocalTime, end: LocalTime) {
        self.id = id
        self.agentID = agentID
        self.recurrence = recurrence
        self.start = start
        self.end = end
    }

    /// True when the slot ends on the day after it starts.
    public var crossesMidnight: Bool { end <= start }

    /// True when the slot starts on `date` (local).
    public func starts(on date: LocalDate) -> Bool {
        switch recurrence {
        case .weekly(let weekday): date.weekday == weekday
        case .once(let day): day == date
        }
    }

    /// The occurrence starting on `date`, as instants in `zone`, or nil when the slot does not start
    /// that day. A wall time the clocks skip is taken at the end of the gap; one they repeat, at its
    /// first occurrence (the wall clock first reads it then).
    public func occurrence(on date: LocalDate, in zone: TimeZoneRules) -> RosterOccurrence? {
        guard starts(on: date) else { return nil }
        let startsAt = zone.instant(for: LocalDateTime(date: date, time: start), .earliest)
        let endDate = crossesMidnight ? date.adding(days: 1) : date
        let endsAt = zone.instant(for: LocalDateTime(date: endDate, time: end), .earliest)
        // A slot squeezed to nothing by a DST gap (02:00–03:00 on the spring night) has no occurrence.
        guard endsAt > startsAt else { return nil }
        return RosterOccurrence(slot: self, date: date, startsAt: startsAt, endsAt: endsAt)
    }
}

/// One concrete occurrence of a slot: the local day it starts and its instants.
public struct RosterOccurrence: Sendable, Hashable {
    public var slot: RosterSlot
    public var date: LocalDate
    public var startsAt: Date
    public var endsAt: Date

    public func contains(_ instant: Date) -> Bool { startsAt <= instant && instant < endsAt }
}
