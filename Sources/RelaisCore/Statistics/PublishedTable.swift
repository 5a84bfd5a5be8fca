/// A table as the report carries it: each value a count, or nil where it is suppressed (no value sent).
public struct PublishedTable: Sendable, Equatable {
    public let name: String
    public let rows: [String]
    public let columns: [Int]
    /// `cells[row][column]`.
    public let cells: [[Int?]]
    /// Per row and per column; empty for a single-row table, whose margins would repeat its cells.
    public let rowTotals: [Int?]
    public let columnTotals: [Int?]
    public let total: Int?

    /// `table`'s values with the variables in `suppressed` (indices of `TableLayout`) removed.
    init(table: CountTable, suppressed: Set<Int>) {
        let layout = table.layout
        func shown(_ variable: Int, _ value: Int) -> Int? { suppressed.contains(variable) ? nil : value }
        name = table.name
        rows = table.rows
        columns = table.columns
        cells = table.cells.enumerated().map { r, row in row.enumerated().map { c, value in shown(layout.cell(r, c), value) } }
        if layout.hasMargins {
            rowTotals = table.rowTotals.enumerated().map { shown(layout.rowTotal($0), $1) }
            columnTotals = table.columnTotals.enumerated().map { shown(layout.columnTotal($0), $1) }
        } else {
            rowTotals = []
            columnTotals = []
        }
        total = shown(layout.grandTotal, table.total)
    }

    /// A table published as it is, for figures about the service rather than about visitors (duty hours).
    init(unsuppressed table: CountTable) {
        self.init(table: table, suppressed: [])
    }

    /// Every value in `TableLayout` order, nil where suppressed (for audits and tests).
    public var values: [Int?] { cells.flatMap { $0 } + rowTotals + columnTotals + [total] }

    /// How many values are suppressed.
    public var suppressedCount: Int { values.filter { $0 == nil }.count }
}
