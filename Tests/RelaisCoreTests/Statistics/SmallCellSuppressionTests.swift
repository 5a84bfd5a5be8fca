@testable import RelaisCore
import Testing

@Suite struct SmallCellSuppressionTests {
    static let k11 = SuppressionThreshold.standard

    static func table(_ rows: [[Int]]) -> CountTable {
        var table = CountTable(name: "t", rows: rows.indices.map { "r\($0)" }, columns: Array(rows[0].indices))
        for (r, row) in rows.enumerated() { for (c, value) in row.enumerated() { table.set(value, row: r, column: c) } }
        return table
    }

    /// The attack the issue names, on every relation: if exactly one member is suppressed, the total minus
    /// the others (or the others' sum) gives it back.
    static func singleRelationLeaks(_ published: PublishedTable, layout: TableLayout) -> [Int] {
        let values = published.values
        return layout.relations.compactMap { relation in
            let hidden = relation.filter { values[$0.variable] == nil }
            return hidden.count == 1 ? hidden[0].variable : nil
        }
    }

    /// The spreadsheet attacker, written apart from the audit: solve any relation with one unknown left, put the
    /// value in, and go on until nothing moves. Returns what it recovered.
    static func peel(_ published: PublishedTable, layout: TableLayout) -> [Int: Int] {
        var known = published.values
        var recovered: [Int: Int] = [:]
        var moved = true
        while moved {
            moved = false
            for relation in layout.relations {
                let unknown = relation.filter { known[$0.variable] == nil }
                guard unknown.count == 1 else { continue }
                let rest = relation.filter { known[$0.variable] != nil }.reduce(0) { $0 + $1.coefficient * known[$1.variable]! }
                let value = -rest / unknown[0].coefficient
                known[unknown[0].variable] = value
                recovered[unknown[0].variable] = value
                moved = true
            }
        }
        return recovered
    }

    @Test func thresholdNeverBelowFive() {
        #expect(SuppressionThreshold(4) == nil)
        #expect(SuppressionThreshold(5)?.k == 5)
        #expect(SuppressionThreshold.standard.k == 11)
    }

    @Test func singleRowTotalMinusOthersRevealsNothing() {
        // One small hour among large ones: the day's total minus the others would give it back.
        let published = SmallCellSuppression.apply(Self.table([[30, 3, 40, 25]]), threshold: Self.k11)
        #expect(published.cells[0][1] == nil)
        #expect(published.cells[0].filter { $0 == nil }.count == 2)
        #expect(published.cells[0][3] == nil)  // The smallest other cell goes with it.
        #expect(published.total == 98)
        #expect(published.rowTotals.isEmpty && published.columnTotals.isEmpty)
    }

    @Test func twoDimensionalTableNeedsComplementsInRowAndColumn() {
        let published = SmallCellSuppression.apply(Self.table([
            [20, 2, 30],
            [25, 40, 35],
            [50, 60, 70],
        ]), threshold: Self.k11)
        #expect(published.cells[0][1] == nil)
        #expect(Self.singleRelationLeaks(published, layout: TableLayout(rowCount: 3, columnCount: 3)).isEmpty)
        // The classic pattern: a rectangle of four suppressed cells, margins all shown.
        #expect(published.suppressedCount == 4)
        #expect(published.total == 332)
        #expect(DisclosureAudit.disclosed(Set(published.values.indices.filter { published.values[$0] == nil }),
                                          in: TableLayout(rowCount: 3, columnCount: 3)).isEmpty)
    }

    @Test func auditFindsACellPinnedByTwoRelations() {
        // No relation holds exactly one of these four hidden values, yet row 1 gives (1,0), column 1 gives
        // (0,1), then row 0 gives (0,0) and column 0 its total: a chain of relations undoes them all.
        let layout = TableLayout(rowCount: 2, columnCount: 2)
        let hidden: Set<Int> = [layout.cell(0, 0), layout.cell(0, 1), layout.cell(1, 0), layout.columnTotal(0)]
        #expect(DisclosureAudit.disclosed(hidden, in: layout) == hidden.sorted())
        // The peeling attacker gets the same four back from a table published with that pattern.
        var table = CountTable(name: "t", rows: ["a", "b"], columns: [0, 1])
        for (r, c, v) in [(0, 0, 3), (0, 1, 4), (1, 0, 2), (1, 1, 20)] { table.set(v, row: r, column: c) }
        let weak = PublishedTable(table: table, suppressed: hidden)
        #expect(Self.peel(weak, layout: layout) == [layout.cell(0, 0): 3, layout.cell(0, 1): 4, layout.cell(1, 0): 2, layout.columnTotal(0): 5])
        #expect(Self.peel(SmallCellSuppression.apply(table, threshold: Self.k11), layout: layout).isEmpty)
        // The rectangle of four cells, margins shown, is safe: adding 1 on a diagonal and taking 1 off the other fits.
        let safer: Set<Int> = [layout.cell(0, 0), layout.cell(0, 1), layout.cell(1, 0), layout.cell(1, 1)]
        #expect(DisclosureAudit.disclosed(safer, in: layout).isEmpty)
    }

    @Test func nothingSmallNothingSuppressed() {
        let published = SmallCellSuppression.apply(Self.table([[12, 40], [11, 90]]), threshold: Self.k11)
        #expect(published.suppressedCount == 0)
    }

    @Test func allSmallEverythingSuppressed() {
        let published = SmallCellSuppression.apply(Self.table([[1, 2], [0, 3]]), threshold: Self.k11)
        #expect(published.values.allSatisfy { $0 == nil })
    }

    /// Many random tables, skewed towards small counts and lone large cells (the adversarial shapes): every
    /// count below k is hidden, no single relation leaves exactly one value hidden, and the exact audit
    /// finds no hidden value that the published ones determine.
    @Test(arguments: [UInt64(1), 2, 3, 4]) func randomTablesNeverDisclose(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<150 {
            let rowCount = Int.random(in: 1...6, using: &generator)
            let columnCount = Int.random(in: 1...9, using: &generator)
            let k = Int.random(in: 5...15, using: &generator)
            let rows = (0..<rowCount).map { _ in
                (0..<columnCount).map { _ -> Int in
                    switch Int.random(in: 0..<10, using: &generator) {
                    case 0..<4: Int.random(in: 0..<k, using: &generator)
                    case 4..<6: 0
                    case 6: k
                    default: Int.random(in: k...200, using: &generator)
                    }
                }
            }
            let table = Self.table(rows)
            let published = SmallCellSuppression.apply(table, threshold: SuppressionThreshold(k)!)
            let layout = table.layout
            for (index, value) in table.values.enumerated() where value < k {
                #expect(published.values[index] == nil, "count \(value) < k=\(k) shown in \(rows)")
            }
            for (index, value) in published.values.enumerated() {
                if let value { #expect(value == table.values[index]) }
            }
            #expect(Self.singleRelationLeaks(published, layout: layout).isEmpty, "\(rows)")
            #expect(Self.peel(published, layout: layout).isEmpty, "\(rows)")
            let hidden = Set(published.values.indices.filter { published.values[$0] == nil })
            #expect(DisclosureAudit.disclosed(hidden, in: layout).isEmpty, "\(rows)")
        }
    }
}
