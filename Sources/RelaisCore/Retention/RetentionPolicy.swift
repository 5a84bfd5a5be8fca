import struct FoundationEssentials.Date

/// The retention policy as ONE table: every category of data relais keeps, with its purpose, legal
/// basis, retention and purge rule. The purge job registers one step per category that has rows to
/// remove; `docs/data-protection.md` shows this table, and a test keeps the two identical.
public enum RetentionPolicy {
    /// Ended session rows (already minimized at their end: no MAC, no IP) stay a day, for the day's
    /// operator questions, then go: the legal log holds what the law asks.
    public static let endedSessionDays = 1
    /// The legal connection log: one year from the connection (CPCE R10-13 IV, décret 2021-1362).
    public static let legalLogDays = 365
    /// Audit of legal exports: one year after the export. It must outlive the questions an authority may
    /// ask about its answer, and the CNIL's recommendation on access logs (2021) asks for six months to a
    /// year; a year also matches the log it audits, so both go with the same keys.
    public static let legalExportAuditDays = 365
    /// Failed agent sign-ins only feed the lockout (a 15-minute window): a day is ample.
    public static let agentSignInFailureDays = 1
    /// Check-ins: 31 days, enough for the month's hours with an aidant on duty.
    public static let checkInDays = 31
    /// Statistics reports already acknowledged, refused or superseded: 90 days (the collector keeps them);
    /// pending reports stay until the collector answers.
    public static let outboxDays = 90
    /// Anonymous hourly aggregates: two years, enough for a year-on-year comparison in the reports of
    /// issue 11 and for an outbox that waited weeks offline; the département keeps the long history.
    public static let usageAggregateDays = 730

    public static let categories: [RetentionCategory] = [
        RetentionCategory(
            id: .sessions,
            data: "device MAC and IP address, start, limits, terms version; after the end only start, end, end reason and terms version",
            purpose: "let the device through the firewall and end the connection on time",
            legalBasis: "6(1)(e) public task (public wifi service)",
            retention: .days(endedSessionDays, after: "the session's end (live state while it lasts; MAC and IP removed at the end)"),
            purgeRule: "AppDatabase.purgeEndedSessions(endedBefore:batchSize:) removes ended rows"),
        RetentionCategory(
            id: .legalLog,
            data: "device MAC, private IPv4, IPv6 addresses used, public address and port block, start, end, end reason; encrypted (AES-256-GCM)",
            purpose: "answer a judicial requisition: who used public address A, port P, at time T",
            legalBasis: "6(1)(c) legal obligation (CPCE L34-1, R10-13; décret 2021-1362)",
            retention: .days(legalLogDays, after: "the session's end"),
            purgeRule: "AppDatabase.purgeLegalEntries(endedBefore:limit:) deletes entries; `relais keys retire` (daily root timer) then drops the keys no entry nor audit uses"),
        RetentionCategory(
            id: .legalExportAudit,
            data: "time of an export, who ran it, the requisition reference, the selection and the number of entries",
            purpose: "account for every access to the legal log",
            legalBasis: "6(1)(c) legal obligation (GDPR art. 5(2) and 32; CPCE L34-1)",
            retention: .days(legalExportAuditDays, after: "the export (CNIL: access logs 6 months to 1 year)"),
            purgeRule: "AppDatabase.purgeLegalExportAudits(startedBefore:batchSize:); its keys stay in the ring until then"),
        RetentionCategory(
            id: .consents,
            data: "time, purposes, notice version and SHA-256 of the text shown; for « Se souvenir de cet appareil » a keyed hash of the device",
            purpose: "optional purposes only (reconnect without the portal); proof of the consent",
            legalBasis: "6(1)(a) consent",
            retention: .untilOwnExpiry("until the consent expires (30 days by default) or is withdrawn (the hash is deleted at once)"),
            purgeRule: "AppDatabase.purgeExpiredConsents(now:limit:)"),
        RetentionCategory(
            id: .helpRequests,
            data: "time, optional topic, where the visitor sits, state, the agent who took it; a token digest, no device identifier",
            purpose: "let an agent on duty answer the request",
            legalBasis: "6(1)(e) public task (digital inclusion)",
            retention: .endOfLocalDay,
            purgeRule: "AppDatabase.purgeHelpRequests(createdBefore:) with the start of the local day"),
        RetentionCategory(
            id: .agentSignInAttempts,
            data: "failed sign-ins only: time, client address, the account when the login exists",
            purpose: "lock an account or an address out after repeated failures (password guessing)",
            legalBasis: "6(1)(e) public task (security of the service, GDPR art. 32)",
            retention: .days(agentSignInFailureDays, after: "the failed attempt"),
            purgeRule: "AppDatabase.purgeStaffSecurityData(at:failuresBefore:)"),
        RetentionCategory(
            id: .agentSessions,
            data: "agent identifier, SHA-256 of the session token, sign-in time, expiry",
            purpose: "keep an agent signed in on the staff pages",
            legalBasis: "6(1)(e) public task",
            retention: .untilOwnExpiry("until sign-out or expiry (8 hours)"),
            purgeRule: "AppDatabase.purgeStaffSecurityData(at:failuresBefore:) removes expired sessions"),
        RetentionCategory(
            id: .checkIns,
            data: "agent identifier, start and end of each duty checked in, how it ended",
            purpose: "show visitors who is on duty now; the month's hours with an aidant on duty",
            legalBasis: "6(1)(e) public task (the commune organising its help service)",
            retention: .days(checkInDays, after: "the check-in (open check-ins stay until they end)"),
            purgeRule: "AppDatabase.purgeCheckIns(startedBefore:) removes ended check-ins"),
        RetentionCategory(
            id: .usageAggregates,
            data: "per local hour: counts of sessions started and ended, devices first seen that day, duration bands, end reasons, consents per purpose, help-page views; no identifier",
            purpose: "anonymous figures for the département's evaluation of its digital-inclusion strategy",
            legalBasis: "6(1)(e) public task (anonymisation itself; the output is not personal data)",
            retention: .days(usageAggregateDays, after: "the hour counted"),
            purgeRule: "AppDatabase.purgeUsage(before:flushesBefore:batchSize:) deletes whole local days"),
        RetentionCategory(
            id: .statisticsOutbox,
            data: "signed daily reports (small cells suppressed) and « on duty now » statuses (yes/no and a role, never a name); no identifier",
            purpose: "deliver the anonymous figures to the département once each, across power cuts and weeks offline",
            legalBasis: "6(1)(e) public task; not personal data",
            retention: .days(outboxDays, after: "creation, once acknowledged, refused or superseded (pending reports stay until the collector answers)"),
            purgeRule: "AppDatabase.purgeOutbox(before:batchSize:)"),
        RetentionCategory(
            id: .placesDirectory,
            data: "places of digital help: name, address, opening hours, services (national schema)",
            purpose: "show visitors where to get help",
            legalBasis: "not personal data",
            retention: .notPersonalData,
            purgeRule: "replaced atomically by each directory import or feed"),
    ]

    /// The category with this identifier (every identifier has exactly one).
    public static func category(_ id: RetentionCategory.ID) -> RetentionCategory {
        categories.first { $0.id == id }!
    }

    /// Rows of `id` dated before the result are past retention at `now` (nil: not a fixed age).
    public static func cutoff(for id: RetentionCategory.ID, at now: Date, in zone: TimeZoneRules) -> Date? {
        category(id).retention.cutoff(at: now, in: zone)
    }
}
