import FoundationEssentials
import RelaisCore
import RelaisStore

/// A daily report as the box's canonical JSON carries it (`DailyReport.json`), read back for checks and storage.
struct DailyReportWire: Decodable {
    struct Period: Decodable {
        let date: String
        let time_zone: String
        let hours: Int
        let weekday: Int
    }

    struct Table: Decodable {
        let name: String
        let rows: [String]
        let columns: [Int]
        let cells: [[Int?]]
        let row_totals: [Int?]
        let column_totals: [Int?]
        let total: Int?
    }

    let schema: String
    let schema_version: Int
    let report_id: String
    let box_id: String
    let period: Period
    let tables: [Table]

    /// The checked report, or nil when anything does not hold together (→ 400).
    static func parse(_ body: [UInt8], box: BoxID, reportID: String?, receivedAt: Date) -> (ReceivedReport, LocalDate)? {
        guard let wire = try? JSONDecoder().decode(DailyReportWire.self, from: Data(body)),
              wire.schema == DailyReport.schema, wire.schema_version == DailyReport.schemaVersion,
              wire.box_id == box.rawValue, let date = LocalDate(iso: wire.period.date),
              wire.report_id == DailyReport.reportID(box: box, date: date), reportID == nil || reportID == wire.report_id,
              wire.period.weekday == date.weekday.rawValue, (23...25).contains(wire.period.hours)
        else { return nil }
        var cells: [CollectorCell] = []
        var names = Set<String>()
        for table in wire.tables {
            guard names.insert(table.name).inserted, let tableCells = table.collectorCells() else { return nil }
            cells += tableCells
        }
        let report = ReceivedReport(reportID: wire.report_id, boxID: box, date: date, schemaVersion: wire.schema_version,
                                    receivedAt: receivedAt, body: body, cells: cells)
        return (report, date)
    }

    /// A label the box could have written: 1 to 64 of `a-z 0-9 . -`.
    static func isLabel(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }
}

extension DailyReportWire.Table {
    /// Every published value with its keys, or nil when the shape or a value is wrong. Suppressed values stay nil.
    func collectorCells() -> [CollectorCell]? {
        let hasMargins = rows.count > 1
        guard DailyReportWire.isLabel(name), !rows.isEmpty, rows.allSatisfy(DailyReportWire.isLabel),
              Set(rows).count == rows.count, !columns.isEmpty, columns.allSatisfy((0...23).contains),
              Set(columns).count == columns.count, cells.count == rows.count, cells.allSatisfy({ $0.count == columns.count }),
              row_totals.count == (hasMargins ? rows.count : 0), column_totals.count == (hasMargins ? columns.count : 0),
              (cells.flatMap { $0 } + row_totals + column_totals + [total]).allSatisfy({ ($0 ?? 0) >= 0 })
        else { return nil }
        var out: [CollectorCell] = []
        for (r, row) in rows.enumerated() {
            for (c, hour) in columns.enumerated() { out.append(CollectorCell(table: name, row: row, hour: hour, value: cells[r][c])) }
        }
        for (r, row) in rows.enumerated() where hasMargins { out.append(CollectorCell(table: name, row: row, hour: nil, value: row_totals[r])) }
        for (c, hour) in columns.enumerated() where hasMargins {
            out.append(CollectorCell(table: name, row: "*", hour: hour, value: column_totals[c]))
        }
        out.append(CollectorCell(table: name, row: "*", hour: nil, value: total))
        return out
    }
}
