/// A table of counts, rows (categories) × columns (hours of the local day), with its margins: what one
/// breakdown of a report holds before anything is suppressed. Counts only, never an identifier.
public struct CountTable: Sendable, Equatable {
    /// The breakdown's name in the report (`sessions.started`, `duration`…).
    public let name: String
    /// Row labels (a usage metric's last word: `under-5m`, `remember-device`, or `all` for a single row).
    public let rows: [String]
    /// The wall hours (0…23) the day has: 23 of them on the spring DST day.
    public let columns: [Int]
    /// `cells[row][column]`, each at least 0.
    public private(set) var cells: [[Int]]

    /// Zero everywhere.
    public init(name: String, rows: [String], columns: [Int]) {
        self.name = name
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: 0, count: columns.count), count: rows.count)
    }

    /// Adds `amount` to the cell of `row` and `hour`; ignored for a row or an hour the table does not have.
    public mutating func add(_ amount: Int, row: String, hour: Int) {
        guard let r = rows.firstIndex(of: row), let c = columns.firstIndex(of: hour) else { return }
        cells[r][c] += max(0, amount)
    }

    /// Replaces one cell (noise; tests).
    public mutating func set(_ value: Int, row: Int, column: Int) {
        cells[row][column] = max(0, value)
    }

    public var rowTotals: [Int] { cells.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] { columns.indices.map { c in cells.reduce(0) { $0 + $1[c] } } }
    public var total: Int { rowTotals.reduce(0, +) }

    /// Whether row and column margins are published: a single row's margins repeat its cells and its total.
    public var hasMargins: Bool { rows.count > 1 }

    /// Every published value, in the order of `TableLayout`: cells row by row, then row totals and column
    /// totals (when the table has margins), then the grand total.
    var values: [Int] {
        cells.flatMap { $0 } + (hasMargins ? rowTotals + columnTotals : []) + [total]
    }

    var layout: TableLayout { TableLayout(rowCount: rows.count, columnCount: columns.count) }
}
