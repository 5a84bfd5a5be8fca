import struct FoundationEssentials.Date

/// Who is on duty, as visitors are told it: a label (first name or role) and until when.
public struct DutyAssignment: Sendable, Hashable {
    /// Whether the agent said so live, or the plan says so.
    public enum Source: String, Sendable, Hashable {
        case checkedIn = "checked-in"
        case planned
    }

    public var agentID: Int64
    /// First name or role, as the agent chose (``Agent/visitorLabel``).
    public var label: String
    public var role: String
    /// When the duty starts: the check-in, or the planned start.
    public var from: Date
    /// When it ends as planned; nil when checked in outside any slot (until the check-out or the day's end).
    public var until: Date?
    public var source: Source

    public init(agentID: Int64, label: String, role: String, from: Date, until: Date?, source: Source) {
        self.agentID = agentID
        self.label = label
        self.role = role
        self.from = from
        self.until = until
        self.source = source
    }
}

/// The roster's resolution, pure: agents, planned slots and check-ins in, duty out. Live status comes
/// first, then the plan. All local-time reasoning goes through the site's `TimeZoneRules`.
public struct DutyRoster: Sendable {
    public let zone: TimeZoneRules
    public let agents: [Agent]
    public let slots: [RosterSlot]
    /// Recent check-ins (open ones and those ended in the last day or so).
    public let checkIns: [CheckIn]

    public init(zone: TimeZoneRules, agents: [Agent], slots: [RosterSlot], checkIns: [CheckIn]) {
        self.zone = zone
        self.agents = agents.filter { !$0.isDisabled }
        self.slots = slots
        self.checkIns = checkIns
    }

    /// Every occurrence of the agent's slots that starts on a local day from `first` to `last`, by start.
    public func occurrences(from first: LocalDate, through last: LocalDate, agentID: Int64? = nil) -> [RosterOccurrence] {
        var found: [RosterOccurrence] = []
        var day = first
        while day <= last {
            for slot in slots where agentID == nil || slot.agentID == agentID {
                if let occurrence = slot.occurrence(on: day, in: zone) { found.append(occurrence) }
            }
            day = day.adding(days: 1)
        }
        return found.sorted { ($0.startsAt, $0.slot.id) < ($1.startsAt, $1.slot.id) }
    }

    /// The agent's planned occurrence in force at `instant`, if any (the one ending last when slots overlap).
    public func plannedOccurrence(of agentID: Int64, at instant: Date) -> RosterOccurrence? {
        let today = zone.localDate(at: instant)
        return occurrences(from: today.adding(days: -1), through: today, agentID: agentID)
            .filter { $0.contains(instant) }.max { $0.endsAt < $1.endsAt }
    }

    /// When a check-in left open ends by itself: at the end of the planned occurrence it started in,
    /// else at the end of the local day it started on (an agent never stays « on duty » overnight by
    /// forgetting to check out).
    public func automaticEnd(of checkIn: CheckIn) -> Date {
        if let occurrence = plannedOccurrence(of: checkIn.agentID, at: checkIn.startedAt) {
            return extendedEnd(of: occurrence)
        }
        return zone.startOfDay(zone.localDate(at: checkIn.startedAt).adding(days: 1))
    }

    /// The end of an occurrence, carried over contiguous or overlapping occurrences of the same agent
    /// (09:00–12:00 then 12:00–17:00 is one duty until 17:00).
    func extendedEnd(of occurrence: RosterOccurrence) -> Date {
        var end = occurrence.endsAt
        let following = occurrences(from: occurrence.date, through: occurrence.date.adding(days: 2), agentID: occurrence.slot.agentID)
        for next in following where next.startsAt <= end && next.endsAt > end { end = next.endsAt }
        return end
    }

    /// Check-ins whose automatic end has passed at `now` but are still open: the scheduler ends them.
    public func forgottenCheckIns(at now: Date) -> [(checkIn: CheckIn, endsAt: Date)] {
        checkIns.filter(\.isOpen).compactMap { checkIn in
            let end = automaticEnd(of: checkIn)
            return end <= now ? (checkIn, end) : nil
        }
    }

    /// Who is on duty at `now`, by label. An open check-in counts until its automatic end; a check-out
    /// during a planned occurrence takes the agent off duty for the rest of it; otherwise the plan holds.
    public func onDuty(at now: Date) -> [DutyAssignment] {
        var result: [DutyAssignment] = []
        for agent in agents {
            let mine = checkIns.filter { $0.agentID == agent.id && $0.startedAt <= now }
            let planned = plannedOccurrence(of: agent.id, at: now)
            if let open = mine.first(where: { $0.isOpen }), automaticEnd(of: open) > now {
                let until = planned.map(extendedEnd(of:))
                result.append(DutyAssignment(agentID: agent.id, label: agent.visitorLabel, role: agent.role,
                                             from: open.startedAt, until: until, source: .checkedIn))
                continue
            }
            guard let planned else { continue }
            // Live first: a check-out (or an automatic end) inside this occurrence overrides the plan.
            let checkedOut = mine.contains { ended in
                guard let endedAt = ended.endedAt else { return false }
                return endedAt >= planned.startsAt && endedAt <= now
            }
            if checkedOut { continue }
            result.append(DutyAssignment(agentID: agent.id, label: agent.visitorLabel, role: agent.role,
                                         from: planned.startsAt, until: extendedEnd(of: planned), source: .planned))
        }
        return result.sorted { ($0.from, $0.agentID) < ($1.from, $1.agentID) }
    }

    /// The next planned duty starting after `instant` (within the next 8 days). An agent on duty now
    /// counts again only for a slot starting after the current duty ends.
    public func nextDuty(after instant: Date) -> DutyAssignment? {
        let busyUntil = Dictionary(onDuty(at: instant).map { ($0.agentID, $0.until ?? .distantFuture) }, uniquingKeysWith: max)
        let today = zone.localDate(at: instant)
        let byID = Dictionary(agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for occurrence in occurrences(from: today, through: today.adding(days: 8)) where occurrence.startsAt > instant {
            guard let agent = byID[occurrence.slot.agentID] else { continue }
            if let busy = busyUntil[agent.id], occurrence.startsAt <= busy { continue }
            return DutyAssignment(agentID: agent.id, label: agent.visitorLabel, role: agent.role,
                                  from: occurrence.startsAt, until: extendedEnd(of: occurrence), source: .planned)
        }
        return nil
    }
}
