/// Migration `v4-nat-lease`: which block of public source ports each open session holds (NAT mode
/// `port-blocks`). History: never edit once shipped.
///
/// Data category: technical connection data (a block number tied to a session id; no MAC, no address).
/// Purpose: give each connected device its own public ports, so that the legal connection log can name
/// the device behind (public address, port, time). Legal basis: GDPR art. 6(1)(c), CPCE L34-1 / R10-13.
/// Retention: while the session is open; the triggers delete the lease when the session ends or its row
/// is deleted, so the purge never has anything to do here. `nat_block_release` keeps only, per block, when
/// it was last freed (no session, no device): at most one row per block, overwritten. The legal log keeps the block for its year.
///
/// If a later migration rebuilds the `session` table (drop and rename), it must re-create the two
/// triggers on it: dropping a table drops its triggers.
enum NATLeaseTableV1 {
    static let sql = """
        CREATE TABLE nat_lease (
            block INTEGER PRIMARY KEY CHECK (block >= 0),
            session_id INTEGER NOT NULL UNIQUE
        ) STRICT;
        -- Only an open session holds a block.
        CREATE TRIGGER nat_lease_open_session BEFORE INSERT ON nat_lease
            WHEN NOT EXISTS (SELECT 1 FROM session WHERE id = NEW.session_id AND ended_at IS NULL)
        BEGIN SELECT RAISE(ABORT, 'nat_lease: the session is not open'); END;
        -- When each block was last freed (one row per block, overwritten): a freed block rests before reuse.
        CREATE TABLE nat_block_release (
            block INTEGER PRIMARY KEY CHECK (block >= 0),
            released_at INTEGER NOT NULL
        ) STRICT;
        CREATE TRIGGER nat_lease_session_ended AFTER UPDATE OF ended_at ON session WHEN NEW.ended_at IS NOT NULL
        BEGIN
            INSERT OR REPLACE INTO nat_block_release (block, released_at)
                SELECT block, NEW.ended_at FROM nat_lease WHERE session_id = NEW.id;
            DELETE FROM nat_lease WHERE session_id = NEW.id;
        END;
        CREATE TRIGGER nat_lease_session_deleted AFTER DELETE ON session
        BEGIN DELETE FROM nat_lease WHERE session_id = OLD.id; END;
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
