import GRDB

/// Migration `v1-session`: the `session` table and its invariants.
///
/// History: never edit once shipped. The literals below (end reasons, MAC pattern) are copied on
/// purpose rather than derived from Swift types, so that a later code change cannot silently alter
/// an already-migrated schema.
enum SessionTableV1 {
    /// Lower-case, colon-separated EUI-48, the only form `MACAddress.description` produces.
    static let macPattern = "mac GLOB '[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]'"

    @Sendable static func create(_ db: Database) throws {
        // STRICT: SQLite rejects a value of the wrong type instead of storing it anyway.
        // Dates are INTEGER milliseconds since 1970 (UTC): compact and compared correctly in SQL.
        try db.create(table: "session", options: [.strict]) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("mac", .text).notNull().check(sql: macPattern)
            t.column("ip", .text)
            t.column("origin", .text).notNull().check(sql: "origin IN ('portal', 'operator')")
            t.column("started_at", .integer).notNull()
            t.column("expires_at", .integer).notNull()
            t.column("idle_seconds", .integer).notNull().check(sql: "idle_seconds > 0")
            t.column("terms_version", .text)
            t.column("ended_at", .integer)
            t.column("end_reason", .text).check(sql: """
                end_reason IN ('session-limit', 'idle', 'visitor-logout', 'operator-deauth', 'blocked', 'replaced')
                """)
            t.check(sql: "expires_at > started_at")
            // Ended exactly when a reason is recorded.
            t.check(sql: "(ended_at IS NULL) = (end_reason IS NULL)")
            // A visitor's session is only lawful with the version of the terms they accepted.
            t.check(sql: "origin <> 'portal' OR terms_version IS NOT NULL")
        }
        // At most one open session per device: SQLite enforces it, whatever the code does.
        try db.create(
            index: "session_open_mac", on: "session", columns: ["mac"],
            unique: true, condition: Column("ended_at") == nil)
        // Expiry sweeps and live-session reads scan only open sessions, by hard limit.
        try db.create(
            index: "session_open_expires_at", on: "session", columns: ["expires_at"],
            condition: Column("ended_at") == nil)
    }
}
