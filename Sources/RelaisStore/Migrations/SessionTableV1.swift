/// Migration `v1-session`: the `session` table and its invariants.
///
/// History: never edit once shipped. The literals below (end reasons, MAC pattern) are copied on
/// purpose rather than derived from Swift types, so that a later code change cannot silently alter
/// an already-migrated schema.
enum SessionTableV1 {
    /// Lower-case, colon-separated EUI-48, the only form `MACAddress.description` produces.
    static let macPattern = "mac GLOB '[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]'"

    // STRICT: SQLite rejects a value of the wrong type instead of storing it anyway.
    // Dates are INTEGER milliseconds since 1970 (UTC): compact and compared correctly in SQL.
    // AUTOINCREMENT: an id is never reused, even after the last rows are deleted.
    static let sql = """
        CREATE TABLE session (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            mac TEXT NOT NULL CHECK (\(macPattern)),
            ip TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('portal', 'operator')),
            started_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            idle_seconds INTEGER NOT NULL CHECK (idle_seconds > 0),
            terms_version TEXT,
            ended_at INTEGER,
            end_reason TEXT CHECK (
                end_reason IN ('session-limit', 'idle', 'visitor-logout', 'operator-deauth', 'blocked', 'replaced')),
            CHECK (expires_at > started_at),
            -- Ended exactly when a reason is recorded.
            CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
            -- A visitor's session is only lawful with the version of the terms they accepted.
            CHECK (origin <> 'portal' OR terms_version IS NOT NULL)
        ) STRICT;
        -- At most one open session per device: SQLite enforces it, whatever the code does.
        CREATE UNIQUE INDEX session_open_mac ON session (mac) WHERE ended_at IS NULL;
        -- Expiry sweeps and live-session reads scan only open sessions, by hard limit.
        CREATE INDEX session_open_expires_at ON session (expires_at) WHERE ended_at IS NULL;
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
