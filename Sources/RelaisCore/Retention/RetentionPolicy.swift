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
    /// Audit of legal exports: one year, as the entries it speaks of.
    public static let legalExportAuditDays = 365
    /// Agent sign-in attempts are security data: three months at most (CNIL, R10-14 CPCE).
    public static let agentSignInAttemptDays = 90
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
            purgeRule: "AppDatabase.purgeLegalEntries(endedBefore:limit:) deletes entries; a key is deleted with its last entry"),
        RetentionCategory(
            id: .legalExportAudit,
            data: "time of an export, who ran it, the requisition reference, the selection and the number of entries",
            purpose: "account for every access to the legal log",
            legalBasis: "6(1)(c) legal obligation (GDPR art. 5(2) and 32; CPCE L34-1)",
            retention: .days(legalExportAuditDays, after: "the export"),
            purgeRule: "registered by the legal log's owner"),
        RetentionCategory(
            id: .consents,
            data: "time, purposes, notice version and SHA-256 of the text shown; for « Se souvenir de cet appareil » a keyed hash of the device",
            purpose: "optional purposes only (reconnect without the portal); proof of the consent",
            legalBasis: "6(1)(a) consent",
            retention: .untilOwnExpiry("until the consent expires (30 days by default) or is withdrawn (the hash is deleted at once)"),
            purgeRule: "AppDatabase.purgeExpiredConsents(now:limit:)"),
        RetentionCategory(
            id: .helpRequests,
            data: "time, place and state of a visitor's request for help",
            purpose: "let an agent on duty answer the request",
            legalBasis: "6(1)(e) public task (digital inclusion)",
            retention: .endOfLocalDay,
            purgeRule: "registered by the help offer's owner"),
        RetentionCategory(
            id: .agentSignInAttempts,
            data: "agent identifier, time and outcome of each sign-in attempt",
            purpose: "protect the agents' accounts against password guessing",
            legalBasis: "6(1)(e) public task (security of the service, GDPR art. 32)",
            retention: .days(agentSignInAttemptDays, after: "the attempt"),
            purgeRule: "registered by the staff sign-in's owner"),
        RetentionCategory(
            id: .agentSessions,
            data: "agent identifier, session token hash, sign-in time, expiry",
            purpose: "keep an agent signed in on the staff pages",
            legalBasis: "6(1)(e) public task",
            retention: .untilOwnExpiry("until sign-out or expiry"),
            purgeRule: "registered by the staff sign-in's owner"),
        RetentionCategory(
            id: .usageAggregates,
            data: "per local hour: counts of sessions started and ended, devices first seen that day, duration bands, end reasons, consents per purpose, help-page views; no identifier",
            purpose: "anonymous figures for the département's evaluation of its digital-inclusion strategy",
            legalBasis: "6(1)(e) public task (anonymisation itself; the output is not personal data)",
            retention: .days(usageAggregateDays, after: "the hour counted"),
            purgeRule: "AppDatabase.purgeUsage(before:flushesBefore:batchSize:) deletes whole local days"),
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
