import FoundationEssentials
import RelaisCore

/// One exported value: the site it comes from and the value's keys; `value` nil where the box suppressed it.
public struct CollectorExportRow: Sendable, Equatable {
    public let date: LocalDate
    public let weekday: Int
    public let boxID: String
    public let siteName: String
    public let commune: String
    public let inseeCode: String
    public let epci: String
    public let table: String
    public let row: String
    public let hour: Int?
    public let value: Int?

    public init(date: LocalDate, weekday: Int, boxID: String, siteName: String, commune: String, inseeCode: String, epci: String,
                table: String, row: String, hour: Int?, value: Int?) {
        self.date = date
        self.weekday = weekday
        self.boxID = boxID
        self.siteName = siteName
        self.commune = commune
        self.inseeCode = inseeCode
        self.epci = epci
        self.table = table
        self.row = row
        self.hour = hour
        self.value = value
    }
}

/// Which values an export holds: a period of local days, and at most one of an EPCI or a box.
public struct CollectorExportFilter: Sendable, Equatable {
    public var from: LocalDate
    public var to: LocalDate
    public var epci: String?
    public var boxID: BoxID?

    public init(from: LocalDate, to: LocalDate, epci: String? = nil, boxID: BoxID? = nil) {
        self.from = from
        self.to = to
        self.epci = epci
        self.boxID = boxID
    }
}

extension CollectorDatabase {
    /// Hands the values `filter` selects to `body`, `batchSize` at a time, from one snapshot, by date, box and
    /// table: memory stays flat whatever the period. Returns how many values went. `body` runs on the reader's
    /// thread (it may block, e.g. on a pipe).
    public func exportValues(_ filter: CollectorExportFilter, batchSize: Int = 1000,
                             _ body: @escaping @Sendable ([CollectorExportRow]) throws -> Void) async throws -> Int {
        try await read("exportValues") { db in
            let select = try db.prepare("""
                SELECT c.local_date, c.weekday, c.box_id, b.site_name, b.commune, b.insee_code, b.epci, c.table_name,
                    c.row_key, c.hour, c.value
                FROM collector_cell c JOIN collector_box b ON b.id = c.box_id
                WHERE c.local_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR b.epci = ?3) AND (?4 IS NULL OR c.box_id = ?4)
                ORDER BY c.local_date, c.box_id, c.table_name, c.rowid
                """)
            try select.bind(filter.from.description, at: 1)
            try select.bind(filter.to.description, at: 2)
            try select.bind(filter.epci, at: 3)
            try select.bind(filter.boxID?.rawValue, at: 4)
            var batch: [CollectorExportRow] = []
            batch.reserveCapacity(max(1, batchSize))
            var count = 0
            while try select.step() {
                guard let date = select.string(at: 0).flatMap(LocalDate.init(iso:)), let weekday = select.int(at: 1),
                      let box = select.string(at: 2), let site = select.string(at: 3), let commune = select.string(at: 4),
                      let insee = select.string(at: 5), let epci = select.string(at: 6), let table = select.string(at: 7),
                      let row = select.string(at: 8)
                else { throw StoreError.invalidRow("collector_cell") }
                batch.append(CollectorExportRow(date: date, weekday: weekday, boxID: box, siteName: site, commune: commune,
                                                inseeCode: insee, epci: epci, table: table, row: row, hour: select.int(at: 9),
                                                value: select.int(at: 10)))
                if batch.count >= max(1, batchSize) {
                    try body(batch)
                    count += batch.count
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty {
                try body(batch)
                count += batch.count
            }
            return count
        }
    }
}
