import FoundationEssentials
import RelaisCore

extension AppDatabase {
    /// The purge step of every category with rows in this store, with the cutoffs of `RetentionPolicy`
    /// reckoned in the site's `zone`: `relais serve` (hourly) and `relais purge` run these, and the
    /// time-travel test requires a case for each.
    public func purgeSteps(in zone: TimeZoneRules) -> [PurgeStep] {
        @Sendable func cutoff(_ id: RetentionCategory.ID, _ now: Date) -> Date {
            RetentionPolicy.cutoff(for: id, at: now, in: zone) ?? now
        }
        // Aggregates go by whole local days: the day holding the cutoff stays until the next day.
        @Sendable func usageDay(_ now: Date) -> LocalDate { zone.localDate(at: cutoff(.usageAggregates, now)) }
        return [
            PurgeStep(category: .sessions, count: { now in
                try await self.countEndedSessions(endedBefore: cutoff(.sessions, now))
            }) { now, batch in
                try await self.purgeEndedSessions(endedBefore: cutoff(.sessions, now), batchSize: batch)
            },
            PurgeStep(category: .usageAggregates, count: { now in try await self.countUsage(before: usageDay(now)) }) { now, batch in
                // Flush marks only guard the retry of a flush minutes old: a day is ample.
                try await self.purgeUsage(before: usageDay(now), flushesBefore: now.addingTimeInterval(-86_400), batchSize: batch)
            },
            // The other categories' owners provide their purge; each is registered with one line, e.g.
            // .repeating(category: .legalLog) { now, limit in try await self.purgeLegalEntries(endedBefore: cutoff(.legalLog, now), limit: limit) },
            .repeating(category: .consents, count: { now in try await self.countExpiredConsents(now: now) }) { now, limit in
                try await self.purgeExpiredConsents(now: now, limit: limit)
            },
        ]
    }
}
