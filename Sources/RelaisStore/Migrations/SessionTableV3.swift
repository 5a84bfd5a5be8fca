/// Migration `v3-session-minimized`: an ended session keeps no MAC and no IP address in clear.
/// History: never edit once shipped.
///
/// Data category: connection data of a visitor's device (MAC, private IP), personal data. Purpose: let
/// the firewall pass the device while its session lives. Legal basis: art. 6(1)(b)/(e) GDPR (the service
/// asked for). Retention: the life of the session; what the law asks to keep beyond it goes to the
/// sealed legal log (`legal_entry`, one year), and the ended row keeps only anonymous facts (dates,
/// origin, end reason, terms version) for the purge job's own retention.
///
/// Scrubbed rather than deleted: the ended rows carry the facts the usage figures and the history need,
/// without identifiers, and every ending path (`endSessions`, expiry, replacement, block, firewall
/// failure) keeps its `RETURNING` of the stored session. `mac` was `NOT NULL` with a CHECK, which only a
/// rebuild changes (SQLite's documented procedure, as in v2: create, copy, drop, rename, then re-create
/// v1/v2's indexes and the v2 `session_open_count` triggers exactly).
///
/// The scrub is a trigger, so that SQLite enforces it whatever the code does. SQLite's `RETURNING`
/// reports the values the statement itself wrote, before AFTER triggers run: the ending statements still
/// return the MAC and IP the gateway needs to close the firewall, while the row keeps none.
enum SessionTableV3 {
    static let sql = """
        CREATE TABLE session_v3 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            -- NULL once the session ended (trigger session_minimized below).
            mac TEXT CHECK (\(SessionTableV1.macPattern)),
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
            CHECK (ended_at IS NULL OR ended_at >= started_at),
            CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
            CHECK (origin <> 'portal' OR terms_version IS NOT NULL),
            -- An open session names its device: the firewall lets a MAC through.
            CHECK (ended_at IS NOT NULL OR mac IS NOT NULL)
        ) STRICT;
        INSERT INTO session_v3 (id, mac, ip, origin, started_at, expires_at, idle_seconds, terms_version, ended_at, end_reason)
            SELECT id, CASE WHEN ended_at IS NULL THEN mac END, CASE WHEN ended_at IS NULL THEN ip END,
                   origin, started_at, expires_at, idle_seconds, terms_version, ended_at, end_reason
            FROM session;
        INSERT INTO sqlite_sequence (name, seq)
            SELECT 'session_v3', seq FROM sqlite_sequence WHERE name = 'session'
            AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'session_v3');
        UPDATE sqlite_sequence
            SET seq = MAX(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'session'), 0))
            WHERE name = 'session_v3';
        DROP TABLE session;
        ALTER TABLE session_v3 RENAME TO session;
        CREATE UNIQUE INDEX session_open_mac ON session (mac) WHERE ended_at IS NULL;
        CREATE INDEX session_open_expires_at ON session (expires_at) WHERE ended_at IS NULL;
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
        -- Whatever writes an ended row, it keeps no identifier (secure_delete zeroes the old bytes).
        CREATE TRIGGER session_minimized AFTER UPDATE OF ended_at, mac, ip ON session
            WHEN NEW.ended_at IS NOT NULL AND (NEW.mac IS NOT NULL OR NEW.ip IS NOT NULL)
        BEGIN UPDATE session SET mac = NULL, ip = NULL WHERE id = NEW.id; END;
        CREATE TRIGGER session_minimized_insert AFTER INSERT ON session
            WHEN NEW.ended_at IS NOT NULL AND (NEW.mac IS NOT NULL OR NEW.ip IS NOT NULL)
        BEGIN UPDATE session SET mac = NULL, ip = NULL WHERE id = NEW.id; END;
        """

    @Sendable static func migrate(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
