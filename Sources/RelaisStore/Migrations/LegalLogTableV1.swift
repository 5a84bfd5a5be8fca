/// Migration `v3-legal-log`: the sealed legal connection log, and the IPv6 addresses seen for sessions
/// still open. History: never edit once shipped.
///
/// Data category: connection data (device MAC, private IPv4, IPv6 addresses used, public address and
/// port block, start, end, end reason), personal data. Purpose: answer a judicial requisition (CPCE
/// L34-1 and R10-13, décret 2021-1362). Legal basis: art. 6(1)(c) GDPR, a legal obligation. Retention:
/// one year after the session's end (`purgeLegalEntries(endedBefore:limit:)`).
///
/// `legal_entry` holds one row per session, sealed with AES-256-GCM (the key ring is outside the
/// database): only the session id, the key id and two hour buckets are in clear. The buckets (hours
/// since 1970, UTC) are what the purge needs (`end_hour`, an index instead of decrypting a year) and
/// what the export's period filter needs to open only the entries of the period; an hour says less
/// than the session's anonymous row already does. `end_hour` is NULL while the session is open.
///
/// `legal_live_ipv6` holds, in clear, the IPv6 addresses the sweep saw for a session still open: live
/// state, like the session's own MAC. When the session ends they go into its sealed entry and the rows
/// are deleted (with `secure_delete`, their bytes too).
enum LegalLogTableV1 {
    static let sql = """
        CREATE TABLE legal_entry (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            -- No foreign key: the log outlives the session rows (their purge is not the log's).
            session_id INTEGER NOT NULL UNIQUE,
            key_id INTEGER NOT NULL CHECK (key_id > 0),
            start_hour INTEGER NOT NULL,
            end_hour INTEGER CHECK (end_hour IS NULL OR end_hour >= start_hour),
            nonce BLOB NOT NULL CHECK (length(nonce) = 12),
            sealed BLOB NOT NULL CHECK (length(sealed) > 16)
        ) STRICT;
        -- The purge (oldest ends first) and the export (keyset pages in end order).
        CREATE INDEX legal_entry_end_hour ON legal_entry (end_hour);
        -- Which keys still seal an entry: a key is retired when none does.
        CREATE INDEX legal_entry_key_id ON legal_entry (key_id);
        CREATE TABLE legal_live_ipv6 (
            session_id INTEGER NOT NULL REFERENCES legal_entry (session_id) ON DELETE CASCADE,
            address TEXT NOT NULL,
            PRIMARY KEY (session_id, address)
        ) WITHOUT ROWID, STRICT;
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
