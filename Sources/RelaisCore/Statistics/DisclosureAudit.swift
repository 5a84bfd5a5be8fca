/// Which suppressed values the published ones give away: a suppressed value is disclosed when the table's
/// linear relations, with every published value put in, leave it only one possible value.
///
/// That is the case exactly when its unit vector lies in the row space of the relations restricted to the
/// suppressed values: in reduced row echelon form, its column is a pivot whose row is zero on every free
/// column. Coefficients are small integers and tables a few hundred values, so Doubles with a tolerance
/// are exact enough.
enum DisclosureAudit {
    /// The suppressed variables (indices in `layout`) that can be recomputed, in increasing order.
    static func disclosed(_ suppressed: Set<Int>, in layout: TableLayout) -> [Int] {
        let unknowns = suppressed.sorted()
        guard !unknowns.isEmpty else { return [] }
        let position = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var matrix: [[Double]] = layout.relations.compactMap { relation in
            var row = [Double](repeating: 0, count: unknowns.count)
            var touches = false
            for term in relation {
                if let column = position[term.variable] {
                    row[column] += Double(term.coefficient)
                    touches = true
                }
            }
            return touches ? row : nil
        }
        let pivots = reduce(&matrix, columns: unknowns.count)
        let pivotColumns = Set(pivots.map(\.column))
        var result: [Int] = []
        for (row, column) in pivots {
            let free = (0..<unknowns.count).filter { !pivotColumns.contains($0) }
            if free.allSatisfy({ abs(matrix[row][$0]) < tolerance }) { result.append(unknowns[column]) }
        }
        return result.sorted()
    }

    static let tolerance = 1e-9

    /// Reduced row echelon form in place; returns the (row, column) of each pivot.
    private static func reduce(_ m: inout [[Double]], columns: Int) -> [(row: Int, column: Int)] {
        var pivots: [(row: Int, column: Int)] = []
        var row = 0
        for column in 0..<columns where row < m.count {
            guard let best = (row..<m.count).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                  abs(m[best][column]) > tolerance else { continue }
            m.swapAt(row, best)
            let scale = m[row][column]
            for c in 0..<columns { m[row][c] /= scale }
            for other in m.indices where other != row {
                let factor = m[other][column]
                if abs(factor) > tolerance {
                    for c in 0..<columns { m[other][c] -= factor * m[row][c] }
                }
            }
            pivots.append((row, column))
            row += 1
        }
        return pivots
    }
}
