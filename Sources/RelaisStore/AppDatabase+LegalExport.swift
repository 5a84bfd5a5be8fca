import FoundationEssentials
import RelaisCore

/// Reading the legal log for a requisition, page by page, and the audit of each export.
extension AppDatabase {
    /// Where an export stopped: ended entries come first in (end hour, id) order, then the open ones by id.
    public enum LegalExportCursor: Sendable, Equatable {
        case ended(endHour: Int64, id: Int64)
        case open(id: Int64)
    }

    /// One page of an export: the matching entries, and where the next page starts (nil at the end).
    public struct LegalExportPage: Sendable {
        public var entries: [(sessionID: Int64, entry: LegalEntry)]
        public var next: LegalExportCursor?
        /// Rows opened for this page, matching or not (the period's buckets are coarser than the period).
        public var scanned: Int
    }

    /// Up to `limit` stored rows of the period's hour buckets, from `cursor` on, opened with `sealer`
    /// and filtered by `selection`. One read transaction per page: memory stays bounded by `limit`
    /// whatever the period, and the portal's writes go on between pages.
    public func legalExportPage(
        _ selection: LegalExportSelection, after cursor: LegalExportCursor?, limit: Int, sealer: any LegalEntrySealer
    ) async throws -> LegalExportPage {
        let buckets = selection.hourBuckets, limit = max(1, limit)
        return try await read("legalExport") { db in
            var rows: [(id: Int64, endHour: Int64?, sessionID: Int64, sealed: SealedLegalEntry)] = []
            func collect(_ statement: SQLiteStatement) throws {
                rows += try statement.fetchAll { row in
                    guard let id = row.int64(at: 0), let sessionID = row.int64(at: 2) else { throw StoreError.invalidRow("legal_entry") }
                    return (id, row.int64(at: 1), sessionID, try Self.sealedEntry(row: row, at: 3))
                }
            }
            var phaseOpen = false
            if case .open = cursor { phaseOpen = true }
            if !phaseOpen {
                // Entries that ended in or after the period's first hour and started by its last.
                let statement = try db.cachedStatement("""
                    SELECT id, end_hour, session_id, key_id, nonce, sealed FROM legal_entry
                    WHERE end_hour >= ? AND start_hour <= ? AND (end_hour, id) > (?, ?)
                    ORDER BY end_hour, id LIMIT ?
                    """)
                var after: (Int64, Int64) = (Int64.min, Int64.min)
                if case let .ended(endHour, id) = cursor { after = (endHour, id) }
                try statement.bind(buckets.lowerBound, at: 1)
                try statement.bind(buckets.upperBound, at: 2)
                try statement.bind(after.0, at: 3)
                try statement.bind(after.1, at: 4)
                try statement.bind(limit, at: 5)
                try collect(statement)
            }
            var next: LegalExportCursor?
            if !phaseOpen, rows.count == limit, let last = rows.last {
                next = .ended(endHour: last.endHour ?? 0, id: last.id)
            } else {
                // Sessions still open when the period ends are part of it.
                var afterID = Int64.min
                if case let .open(id) = cursor { afterID = id }
                let statement = try db.cachedStatement("""
                    SELECT id, end_hour, session_id, key_id, nonce, sealed FROM legal_entry
                    WHERE end_hour IS NULL AND start_hour <= ? AND id > ? ORDER BY id LIMIT ?
                    """)
                try statement.bind(buckets.upperBound, at: 1)
                try statement.bind(afterID, at: 2)
                try statement.bind(limit - rows.count, at: 3)
                let before = rows.count
                if limit - before > 0 { try collect(statement) }
                if rows.count == limit, rows.count > before, let last = rows.last { next = .open(id: last.id) }
            }
            let entries = try rows.compactMap { row -> (Int64, LegalEntry)? in
                let entry = try Self.openEntry(row.sealed, sessionID: row.sessionID, sealer: sealer)
                return selection.matches(entry) ? (row.sessionID, entry) : nil
            }
            return LegalExportPage(entries: entries, next: next, scanned: rows.count)
        }
    }

    /// Who asked for an export: written before the first entry is read.
    public struct LegalExportAudit: Sendable, Equatable {
        public var startedAt: Date
        public var uid: UInt32
        public var userName: String
        public var reference: String
        public var selection: LegalExportSelection

        public init(startedAt: Date, uid: UInt32, userName: String, reference: String, selection: LegalExportSelection) {
            self.startedAt = startedAt
            self.uid = uid
            self.userName = userName
            self.reference = reference
            self.selection = selection
        }
    }

    /// Records an export about to start (its selection sealed: it may name a device); returns its id,
    /// for ``finishLegalExport(_:count:at:)``.
    public func beginLegalExport(_ audit: LegalExportAudit, sealer: any LegalEntrySealer) async throws -> Int64 {
        let startedMs = audit.startedAt.legalMilliseconds
        let sealed: SealedLegalEntry
        do {
            sealed = try sealer.seal(Array(audit.selection.auditDescription.utf8), header: .auditSelection(startedAt: startedMs))
        } catch {
            throw StoreError(.legalLog, "Impossible de sceller la sélection de l'export : \(error).")
        }
        return try await write("beginLegalExport") { db in
            let statement = try db.cachedStatement("""
                INSERT INTO legal_export_audit (started_at, uid, user_name, reference, selection_key_id, selection_nonce, selection_sealed)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            try statement.bind(startedMs, at: 1)
            try statement.bind(Int64(audit.uid), at: 2)
            try statement.bind(audit.userName, at: 3)
            try statement.bind(audit.reference, at: 4)
            try statement.bind(Int64(sealed.keyID), at: 5)
            try statement.bind(sealed.nonce, at: 6)
            try statement.bind(sealed.ciphertext, at: 7)
            try statement.execute()
            return db.lastInsertedRowID
        }
    }

    /// Completes an export's audit row with the number of entries given out.
    public func finishLegalExport(_ id: Int64, count: Int, at end: Date) async throws {
        try await write("finishLegalExport") { db in
            let statement = try db.cachedStatement("""
                UPDATE legal_export_audit SET entry_count = ?, finished_at = MAX(?, started_at) WHERE id = ? AND entry_count IS NULL
                """)
            try statement.bind(count, at: 1)
            try statement.bind(end.legalMilliseconds, at: 2)
            try statement.bind(id, at: 3)
            try statement.execute()
        }
    }
}
