/// Migration `v3-legal-export-audit`: who exported what from the legal log, and when.
/// History: never edit once shipped.
///
/// Data category: the accountability record of each requisition answered (time, the system user who
/// ran the export, the authority's reference, the selection, the number of entries). Purpose: prove
/// that the log was only opened on requisition (art. 5(2) and 32 GDPR). Legal basis: art. 6(1)(c).
/// Retention: as long as the log it audits, one year after the export.
///
/// The selection can name a device (a MAC or an IP address): it is sealed like an entry, with the same
/// key ring. A row is written before the export starts (`entry_count` NULL) and completed at its end,
/// so an export that crashed still leaves its trace.
enum LegalExportAuditTableV1 {
    static let sql = """
        CREATE TABLE legal_export_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at INTEGER NOT NULL,
            finished_at INTEGER CHECK (finished_at IS NULL OR finished_at >= started_at),
            uid INTEGER NOT NULL CHECK (uid >= 0),
            user_name TEXT NOT NULL,
            reference TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 500),
            selection_key_id INTEGER NOT NULL CHECK (selection_key_id > 0),
            selection_nonce BLOB NOT NULL CHECK (length(selection_nonce) = 12),
            selection_sealed BLOB NOT NULL,
            entry_count INTEGER CHECK (entry_count IS NULL OR entry_count >= 0),
            CHECK ((finished_at IS NULL) = (entry_count IS NULL))
        ) STRICT;
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
