import FoundationEssentials
import RelaisCore

extension AppDatabase {
    /// The purge step of every category with rows in this store, with the cutoffs of `RetentionPolicy`
    /// reckoned in the site's `zone`: `relais serve` (hourly and at start) and `relais purge` run these,
    /// and the time-travel test requires a case for each.
    public func purgeSteps(in zone: TimeZoneRules) -> [PurgeStep] {
        @Sendable func cutoff(_ id: RetentionCategory.ID, _ now: Date) -> Date {
            RetentionPolicy.cutoff(for: id, at: now, in: zone) ?? now
        }
        // Aggregates go by whole local days: the day holding the cutoff stays until the next day.
        @Sendable func usageDay(_ now: Date) -> LocalDate { zone.localDate(at: cutoff(.usageAggregates, now)) }
        // purgeStaffSecurityData removes both staff categories; each step passes the epoch as the other's
        // bound (nothing is dated before it), so each reports only its own rows.
        let epoch = Date(timeIntervalSince1970: 0)
        return [
            PurgeStep(category: .sessions, count: { now in
                try await self.countEndedSessions(endedBefore: cutoff(.sessions, now))
            }) { now, batch in
                try await self.purgeEndedSessions(endedBefore: cutoff(.sessions, now), batchSize: batch)
            },
            .repeating(category: .legalLog, count: { now in
                try await self.countRows("countLegalEntries", "SELECT COUNT(*) FROM legal_entry WHERE end_hour IS NOT NULL AND end_hour < ?",
                                         LegalHourBucket.of(cutoff(.legalLog, now)))
            }) { now, limit in
                try await self.purgeLegalEntries(endedBefore: cutoff(.legalLog, now), limit: limit)
            },
            PurgeStep(category: .legalExportAudit, count: { now in
                try await self.countLegalExportAudits(startedBefore: cutoff(.legalExportAudit, now))
            }) { now, batch in
                try await self.purgeLegalExportAudits(startedBefore: cutoff(.legalExportAudit, now), batchSize: batch)
            },
            .repeating(category: .consents, count: { now in try await self.countExpiredConsents(now: now) }) { now, limit in
                try await self.purgeExpiredConsents(now: now, limit: limit)
            },
            // A day's requests are few (one short transaction).
            PurgeStep(category: .helpRequests, count: { now in
                try await self.countRows("countHelpRequests", "SELECT COUNT(*) FROM help_request WHERE created_at < ?",
                                         cutoff(.helpRequests, now).storeMilliseconds)
            }) { now, _ in
                try await self.purgeHelpRequests(createdBefore: cutoff(.helpRequests, now))
            },
            PurgeStep(category: .agentSignInAttempts, count: { now in
                try await self.countRows("countSignInFailures", "SELECT COUNT(*) FROM agent_sign_in_failure WHERE failed_at < ?",
                                         cutoff(.agentSignInAttempts, now).storeMilliseconds)
            }) { now, _ in
                try await self.purgeStaffSecurityData(at: epoch, failuresBefore: cutoff(.agentSignInAttempts, now)).failures
            },
            PurgeStep(category: .agentSessions, count: { now in
                try await self.countRows("countStaffSessions", "SELECT COUNT(*) FROM staff_session WHERE expires_at <= ?", now.storeMilliseconds)
            }) { now, _ in
                try await self.purgeStaffSecurityData(at: now, failuresBefore: epoch).sessions
            },
            PurgeStep(category: .checkIns, count: { now in
                try await self.countRows("countCheckIns", "SELECT COUNT(*) FROM check_in WHERE ended_at IS NOT NULL AND started_at < ?",
                                         cutoff(.checkIns, now).storeMilliseconds)
            }) { now, _ in
                try await self.purgeCheckIns(startedBefore: cutoff(.checkIns, now))
            },
            PurgeStep(category: .usageAggregates, count: { now in try await self.countUsage(before: usageDay(now)) }) { now, batch in
                // Flush marks only guard the retry of a flush minutes old: a day is ample.
                try await self.purgeUsage(before: usageDay(now), flushesBefore: now.addingTimeInterval(-86_400), batchSize: batch)
            },
            PurgeStep(category: .statisticsOutbox, count: { now in
                try await self.countRows("countOutbox", "SELECT COUNT(*) FROM outbox WHERE state <> 'pending' AND created_at < ?",
                                         cutoff(.statisticsOutbox, now).storeMilliseconds)
            }) { now, batch in
                try await self.purgeOutbox(before: cutoff(.statisticsOutbox, now), batchSize: batch)
            },
        ]
    }
}
