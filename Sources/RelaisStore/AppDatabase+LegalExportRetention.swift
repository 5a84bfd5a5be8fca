import FoundationEssentials
import RelaisCore

/// The retention of the legal export audit: rows go a year after their export, and until then the keys
/// that seal their selections stay in the ring.
extension AppDatabase {
    /// Deletes audit rows of exports started before `startedBefore`, in batches; returns how many went.
    public func purgeLegalExportAudits(startedBefore: Date, batchSize: Int) async throws -> Int {
        let cutoff = startedBefore.legalMilliseconds
        return try await purgeInSteps("purgeLegalExportAudits", batchSize: batchSize, sql: """
            DELETE FROM legal_export_audit WHERE id IN (
                SELECT id FROM legal_export_audit WHERE started_at < ? ORDER BY id LIMIT ?)
            """) { try $0.bind(cutoff, at: 1) }
    }

    /// How many audit rows `purgeLegalExportAudits(startedBefore:…)` would delete.
    public func countLegalExportAudits(startedBefore: Date) async throws -> Int {
        try await countRows("countLegalExportAudits", "SELECT COUNT(*) FROM legal_export_audit WHERE started_at < ?",
                            startedBefore.legalMilliseconds)
    }

    /// The key ids sealing an audit row's selection: `relais keys retire` keeps them in the ring too.
    public func legalExportAuditKeyIDsInUse() async throws -> Set<UInt32> {
        try await read("legalExportAuditKeyIDsInUse") { db in
            Set(try db.fetchAll("SELECT DISTINCT selection_key_id FROM legal_export_audit") { UInt32(clamping: $0.int64(at: 0) ?? 0) })
        }
    }

    /// `SELECT COUNT(*)` with one integer parameter (a cutoff): the dry run of a purge.
    func countRows(_ operation: String, _ sql: String, _ parameter: Int64) async throws -> Int {
        try await read(operation) { db in
            let statement = try db.cachedStatement(sql)
            try statement.bind(parameter, at: 1)
            return try statement.fetchOne { $0.int(at: 0) ?? 0 } ?? 0
        }
    }
}
