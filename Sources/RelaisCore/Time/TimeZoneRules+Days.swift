import struct FoundationEssentials.Date

extension TimeZoneRules {
    /// The first instant of the local day `date` (its midnight, or the end of a gap if midnight was skipped).
    public func startOfDay(_ date: LocalDate) -> Date {
        instant(for: LocalDateTime(date: date, time: .midnight), .earliest)
    }

    /// The first instant of the local day that holds `instant`.
    public func startOfDay(containing instant: Date) -> Date {
        startOfDay(localDate(at: instant))
    }

    /// The length of the local day in seconds: 86,400, or 82,800 / 90,000 on the days clocks change in Paris.
    public func lengthOfDay(_ date: LocalDate) -> Int {
        Int(startOfDay(date.adding(days: 1)).timeIntervalSince(startOfDay(date)))
    }

    /// The first instant strictly after `instant` at which the wall clock reads `time`. A reading skipped by a
    /// forward jump is taken at the end of the gap (once); a reading shown twice counts once, at its first
    /// occurrence. This is the daily scheduler's rule: one run per local day, never zero, never two.
    public func nextOccurrence(of time: LocalTime, after instant: Date) -> Date {
        let today = localDate(at: instant)
        // The reading on the day before can still be ahead (a zone far east of a jump); four days always suffice.
        for offset in -1...3 {
            let candidate = self.instant(for: LocalDateTime(date: today.adding(days: offset), time: time), .earliest)
            if candidate > instant { return candidate }
        }
        // Unreachable: the reading on the day after next is always after `instant`.
        return self.instant(for: LocalDateTime(date: today.adding(days: 4), time: time), .earliest)
    }
}
