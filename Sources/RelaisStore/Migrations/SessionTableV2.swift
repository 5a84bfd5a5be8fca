/// Migration `v2-session-end`: the schema refuses a session ended before it started, knows the end
/// reason `firewall-failure`, and keeps the count of open sessions the capacity is checked against.
/// History: never edit once shipped.
///
/// Both are table CHECKs, and SQLite cannot change the CHECKs of an existing table: the table is rebuilt
/// (SQLite's documented procedure: create the new table, copy, drop, rename, re-create the indexes).
/// A trigger with `RAISE(ABORT)` could have refused the end before the start, but the end reasons are an
/// inline CHECK of v1, which only a rebuild changes; and a CHECK stays visible in the table's own
/// schema, where a reader of the table looks first. The table is small (open sessions plus history not
/// yet purged), and the rebuild runs once, at start-up, in the migration's transaction.
enum SessionTableV2 {
    static let sql = """
        CREATE TABLE session_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            mac TEXT NOT NULL CHECK (\(SessionTableV1.macPattern)),
            ip TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('portal', 'operator')),
            started_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            idle_seconds INTEGER NOT NULL CHECK (idle_seconds > 0),
            terms_version TEXT,
            ended_at INTEGER,
            end_reason TEXT CHECK (
                end_reason IN ('session-limit', 'idle', 'visitor-logout', 'operator-deauth', 'blocked', 'replaced',
                               'firewall-failure')),
            CHECK (expires_at > started_at),
            -- A session cannot end before it started, whatever the wall clock did.
            CHECK (ended_at IS NULL OR ended_at >= started_at),
            CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
            CHECK (origin <> 'portal' OR terms_version IS NOT NULL)
        ) STRICT;
        -- Rows v1 let through with an end before the start (a wall clock set back) are dated at the start.
        INSERT INTO session_v2 (id, mac, ip, origin, started_at, expires_at, idle_seconds, terms_version, ended_at, end_reason)
            SELECT id, mac, ip, origin, started_at, expires_at, idle_seconds, terms_version,
                   CASE WHEN ended_at IS NULL THEN NULL ELSE MAX(ended_at, started_at) END, end_reason
            FROM session;
        -- Identifiers are never reused: carry over the counter, which may be past the largest id left.
        INSERT INTO sqlite_sequence (name, seq)
            SELECT 'session_v2', seq FROM sqlite_sequence WHERE name = 'session'
            AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'session_v2');
        UPDATE sqlite_sequence
            SET seq = MAX(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'session'), 0))
            WHERE name = 'session_v2';
        DROP TABLE session;
        ALTER TABLE session_v2 RENAME TO session;
        CREATE UNIQUE INDEX session_open_mac ON session (mac) WHERE ended_at IS NULL;
        CREATE INDEX session_open_expires_at ON session (expires_at) WHERE ended_at IS NULL;
        -- The number of open sessions, kept by SQLite itself: an admission checks the capacity in O(1)
        -- (counting 10,000 open rows through the index costs about a millisecond, an acceptance's budget).
        CREATE TABLE session_open_count (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            open INTEGER NOT NULL CHECK (open >= 0)
        ) STRICT;
        INSERT INTO session_open_count (id, open) SELECT 1, COUNT(*) FROM session WHERE ended_at IS NULL;
        CREATE TRIGGER session_opened AFTER INSERT ON session WHEN NEW.ended_at IS NULL
        BEGIN UPDATE session_open_count SET open = open + 1; END;
        CREATE TRIGGER session_ended AFTER UPDATE OF ended_at ON session
            WHEN OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL
        BEGIN UPDATE session_open_count SET open = open - 1; END;
        CREATE TRIGGER session_reopened AFTER UPDATE OF ended_at ON session
            WHEN OLD.ended_at IS NOT NULL AND NEW.ended_at IS NULL
        BEGIN UPDATE session_open_count SET open = open + 1; END;
        CREATE TRIGGER session_open_deleted AFTER DELETE ON session WHEN OLD.ended_at IS NULL
        BEGIN UPDATE session_open_count SET open = open - 1; END;
        """

    @Sendable static func migrate(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
