/// The published values of a table as one list of variables, and the linear relations between them that
/// anyone reading the report knows (each row adds up to its total, each column to its total, the totals to
/// the grand total). Suppression must leave no suppressed value that these relations pin down.
struct TableLayout: Sendable, Equatable {
    let rowCount: Int
    let columnCount: Int

    var hasMargins: Bool { rowCount > 1 }
    var cellCount: Int { rowCount * columnCount }
    var variableCount: Int { cellCount + (hasMargins ? rowCount + columnCount : 0) + 1 }

    func cell(_ row: Int, _ column: Int) -> Int { row * columnCount + column }
    func rowTotal(_ row: Int) -> Int { cellCount + row }
    func columnTotal(_ column: Int) -> Int { cellCount + rowCount + column }
    var grandTotal: Int { variableCount - 1 }

    func isTotal(_ variable: Int) -> Bool { variable >= cellCount }

    /// Each relation as (variable, coefficient) pairs whose weighted sum is zero.
    var relations: [[(variable: Int, coefficient: Int)]] {
        guard hasMargins else {
            return [(0..<columnCount).map { (cell(0, $0), 1) } + [(grandTotal, -1)]]
        }
        var result: [[(variable: Int, coefficient: Int)]] = []
        for row in 0..<rowCount {
            result.append((0..<columnCount).map { (cell(row, $0), 1) } + [(rowTotal(row), -1)])
        }
        for column in 0..<columnCount {
            result.append((0..<rowCount).map { (cell($0, column), 1) } + [(columnTotal(column), -1)])
        }
        result.append((0..<rowCount).map { (rowTotal($0), 1) } + [(grandTotal, -1)])
        result.append((0..<columnCount).map { (columnTotal($0), 1) } + [(grandTotal, -1)])
        return result
    }
}
