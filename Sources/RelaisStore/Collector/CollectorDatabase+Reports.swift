import FoundationEssentials
import RelaisCore

extension CollectorDatabase {
    /// Stores `report` and its cells in one transaction unless its report id is there already; true when
    /// stored now. A repeated delivery changes nothing.
    public func storeReport(_ report: ReceivedReport) async throws -> Bool {
        try await write("storeReport") { db in
            let insert = try db.cachedStatement("""
                INSERT INTO collector_report (report_id, box_id, kind, local_date, schema_version, received_at, body)
                VALUES (?, ?, 'daily-report', ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING
                """)
            try insert.bind(report.reportID, at: 1)
            try insert.bind(report.boxID.rawValue, at: 2)
            try insert.bind(report.date.description, at: 3)
            try insert.bind(report.schemaVersion, at: 4)
            try insert.bind(report.receivedAt.storeMilliseconds, at: 5)
            try insert.bind(report.body, at: 6)
            try insert.execute()
            guard db.changedRowCount == 1 else { return false }
            let seq = db.lastInsertedRowID
            let cell = try db.cachedStatement("""
                INSERT INTO collector_cell (report_seq, box_id, local_date, weekday, table_name, row_key, hour, value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for value in report.cells {
                cell.reset()
                try cell.bind(seq, at: 1)
                try cell.bind(report.boxID.rawValue, at: 2)
                try cell.bind(report.date.description, at: 3)
                try cell.bind(report.date.weekday.rawValue, at: 4)
                try cell.bind(value.table, at: 5)
                try cell.bind(value.row, at: 6)
                try cell.bind(value.hour, at: 7)
                try cell.bind(value.value, at: 8)
                try cell.execute()
            }
            return true
        }
    }

    /// Whether a report with this id is stored.
    public func hasReport(_ reportID: String) async throws -> Bool {
        try await read("hasReport") { db in
            let select = try db.cachedStatement("SELECT COUNT(*) FROM collector_report WHERE report_id = ?")
            try select.bind(reportID, at: 1)
            return try select.fetchOne { $0.int(at: 0) ?? 0 } ?? 0 > 0
        }
    }

    /// How many reports are stored.
    public func reportCount() async throws -> Int {
        try await read("reportCount") { db in
            try db.cachedStatement("SELECT COUNT(*) FROM collector_report").fetchOne { $0.int(at: 0) ?? 0 } ?? 0
        }
    }

    /// The stored signed bytes of `reportID`.
    public func reportBody(_ reportID: String) async throws -> [UInt8]? {
        try await read("reportBody") { db in
            let select = try db.cachedStatement("SELECT body FROM collector_report WHERE report_id = ?")
            try select.bind(reportID, at: 1)
            return try select.fetchOne { $0.blob(at: 0) } ?? nil
        }
    }

    /// The cells stored for `reportID`, in the order they were stored.
    public func cells(ofReport reportID: String) async throws -> [CollectorCell] {
        try await read("reportCells") { db in
            let select = try db.cachedStatement("""
                SELECT table_name, row_key, hour, value FROM collector_cell
                WHERE report_seq = (SELECT seq FROM collector_report WHERE report_id = ?) ORDER BY rowid
                """)
            try select.bind(reportID, at: 1)
            return try select.fetchAll { row in
                guard let table = row.string(at: 0), let key = row.string(at: 1) else { throw StoreError.invalidRow("collector_cell") }
                return CollectorCell(table: table, row: key, hour: row.int(at: 2), value: row.int(at: 3))
            }
        }
    }
}
