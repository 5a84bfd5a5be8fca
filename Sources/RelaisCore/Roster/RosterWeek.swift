/// The roster of one week (Monday to Sunday) as the agents' page shows it: per day, the planned slots
/// in local wall time, with who holds them.
public struct RosterWeek: Sendable, Equatable {
    /// One planned slot on one day.
    public struct Entry: Sendable, Equatable {
        public var slotID: Int64
        public var agentName: String
        public var start: LocalTime
        public var end: LocalTime
        public var isWeekly: Bool
        public var crossesMidnight: Bool
    }

    /// One day of the week.
    public struct Day: Sendable, Equatable {
        public var date: LocalDate
        public var entries: [Entry]
    }

    public var monday: LocalDate
    public var days: [Day]

    /// The week holding `date`, built from the slots (wall times: the page shows what the poster says,
    /// DST changes included).
    public init(containing date: LocalDate, agents: [Agent], slots: [RosterSlot]) {
        monday = date.adding(days: 1 - date.weekday.rawValue)
        let names = Dictionary(agents.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let first = monday
        days = (0..<7).map { offset in
            let day = first.adding(days: offset)
            let entries = slots.filter { $0.starts(on: day) }.compactMap { slot -> Entry? in
                guard let name = names[slot.agentID] else { return nil }
                let isWeekly = if case .weekly = slot.recurrence { true } else { false }
                return Entry(slotID: slot.id, agentName: name, start: slot.start, end: slot.end,
                             isWeekly: isWeekly, crossesMidnight: slot.crossesMidnight)
            }.sorted { ($0.start, $0.slotID) < ($1.start, $1.slotID) }
            return Day(date: day, entries: entries)
        }
    }
}
