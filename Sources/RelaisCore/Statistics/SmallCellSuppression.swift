/// Small-cell suppression of a table: primary (every value below k, margins included, zeros too) then
/// secondary, until `DisclosureAudit` finds no suppressed value that the published ones pin down.
///
/// Secondary choice: among the unsuppressed members of the relations holding a disclosed value, a cell before
/// a margin (the grand total last), then the one that closes most relations already holding a suppressed
/// value (so hidden cells form cycles, such as a rectangle, that no relation can undo), then the smallest.
public enum SmallCellSuppression {
    /// The table as it may be published.
    public static func apply(_ table: CountTable, threshold: SuppressionThreshold) -> PublishedTable {
        let layout = table.layout
        let values = table.values
        var suppressed = Set(values.indices.filter { values[$0] < threshold.k })
        suppressed = secondary(suppressed, values: values, layout: layout)
        return PublishedTable(table: table, suppressed: suppressed)
    }

    /// Adds suppressions until nothing suppressed is disclosed (or everything is suppressed).
    static func secondary(_ primary: Set<Int>, values: [Int], layout: TableLayout) -> Set<Int> {
        var suppressed = primary
        let relations = layout.relations
        while case let exposed = Set(DisclosureAudit.disclosed(suppressed, in: layout)), !exposed.isEmpty {
            // Candidates from the relations of every disclosed value at once: the one that closes a cycle
            // (a rectangle) is often next to another disclosed value than the first.
            let neighbours = relations.filter { $0.contains { exposed.contains($0.variable) } }.flatMap { $0.map(\.variable) }
            let candidates = Set(neighbours).subtracting(suppressed)
            let pool = candidates.isEmpty ? Set(values.indices).subtracting(suppressed) : candidates
            func cost(_ variable: Int) -> (Int, Int, Int, Int) {
                let rank = variable == layout.grandTotal ? 2 : (layout.isTotal(variable) ? 1 : 0)
                let closes = relations.filter { relation in
                    relation.contains { $0.variable == variable } && relation.contains { suppressed.contains($0.variable) }
                }.count
                return (rank, -closes, values[variable], variable)
            }
            guard let next = pool.min(by: { cost($0) < cost($1) }) else { break }
            suppressed.insert(next)
        }
        return suppressed
    }
}
