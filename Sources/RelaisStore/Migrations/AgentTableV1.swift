/// Migration `v8-agent`: agent accounts, their sign-in failures and sessions, the planned roster and
/// live check-ins. History: never edit once shipped.
///
/// - `agent` — category: staff identification data (login, name, role, scrypt hash of the password);
///   purpose: sign-in on the staff listener and the duty shown to visitors; legal basis: GDPR art.
///   6(1)(e), the public service of digital help (the commune as employer); retention: while the
///   account exists, removed with it (`relais agent disable` keeps it for the roster's history).
/// - `agent_sign_in_failure` — category: security log (time, client address, account if known);
///   purpose: lockout against password guessing; basis: art. 6(1)(f) and art. 32 (security);
///   retention: 24 hours (`purgeStaffSecurityData`).
/// - `staff_session` — category: connection data (SHA-256 of the session token, never the token);
///   purpose: keep an agent signed in; basis: art. 6(1)(e); retention: until expiry (8 h), then purged.
/// - `roster_slot` — category: work planning (which agent, when); purpose: tell visitors who helps;
///   basis: art. 6(1)(e); retention: until an agent removes it, or with the agent.
/// - `check_in` — category: working times (start and end of duty); purpose: who is on duty now;
///   basis: art. 6(1)(e); retention: 31 days (`purgeCheckIns`), enough for the month's duty hours.
enum AgentTableV1 {
    // Dates are INTEGER milliseconds since 1970 (UTC); wall times are seconds since local midnight.
    static let sql = """
        CREATE TABLE agent (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
            display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
            role TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 80),
            shows_first_name INTEGER NOT NULL CHECK (shows_first_name IN (0, 1)),
            password_hash TEXT NOT NULL CHECK (password_hash GLOB 'scrypt$*'),
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            created_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE agent_sign_in_failure (
            id INTEGER PRIMARY KEY,
            agent_id INTEGER REFERENCES agent (id) ON DELETE CASCADE,
            client_address TEXT NOT NULL CHECK (length(client_address) BETWEEN 2 AND 45),
            failed_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX agent_sign_in_failure_agent ON agent_sign_in_failure (agent_id, failed_at);
        CREATE INDEX agent_sign_in_failure_address ON agent_sign_in_failure (client_address, failed_at);
        CREATE TABLE staff_session (
            token_hash BLOB NOT NULL PRIMARY KEY CHECK (length(token_hash) = 32),
            agent_id INTEGER NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            CHECK (expires_at > created_at)
        ) WITHOUT ROWID, STRICT;
        CREATE INDEX staff_session_expires_at ON staff_session (expires_at);
        CREATE TABLE roster_slot (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            agent_id INTEGER NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
            weekday INTEGER CHECK (weekday BETWEEN 1 AND 7),
            on_date TEXT CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            starts_at INTEGER NOT NULL CHECK (starts_at BETWEEN 0 AND 86399),
            ends_at INTEGER NOT NULL CHECK (ends_at BETWEEN 0 AND 86399),
            -- Weekly (ISO weekday, Monday = 1) or once on a date: exactly one of the two.
            CHECK ((weekday IS NULL) <> (on_date IS NULL)),
            CHECK (starts_at <> ends_at)
        ) STRICT;
        CREATE TABLE check_in (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            agent_id INTEGER NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            end_reason TEXT CHECK (end_reason IN ('checked-out', 'slot-ended')),
            CHECK (ended_at IS NULL OR ended_at >= started_at),
            CHECK ((ended_at IS NULL) = (end_reason IS NULL))
        ) STRICT;
        -- At most one open check-in per agent.
        CREATE UNIQUE INDEX check_in_open_agent ON check_in (agent_id) WHERE ended_at IS NULL;
        CREATE INDEX check_in_started_at ON check_in (started_at);
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
