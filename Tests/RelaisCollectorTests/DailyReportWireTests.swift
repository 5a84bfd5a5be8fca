import FoundationEssentials
import RelaisCore
import RelaisStore
import Testing

@testable import RelaisCollector

@Suite struct DailyReportWireTests {
    let box = BoxID("mairie-lannion")!
    let at = Date(timeIntervalSince1970: 1_796_000_000)

    func parse(_ json: CanonicalJSON) -> ReceivedReport? {
        DailyReportWire.parse(json.bytes, box: box, reportID: nil, receivedAt: at)?.0
    }

    /// A report's JSON with the first table replaced by `table`.
    func report(table: CanonicalJSON) -> CanonicalJSON {
        guard case .object(var members) = IngestFixture.report().json else { return .null }
        members["tables"] = .array([table])
        return .object(members)
    }

    @Test func readsEveryValueOfATableWithMargins() throws {
        var counts = CountTable(name: "duration", rows: ["under-5m", "over-1h"], columns: [9, 10])
        counts.add(20, row: "under-5m", hour: 9)
        counts.add(30, row: "over-1h", hour: 10)
        let table = SmallCellSuppression.apply(counts, threshold: .standard)
        let parsed = try #require(parse(report(table: table.json)))
        // 4 cells, 2 row totals, 2 column totals, the total.
        #expect(parsed.cells.count == 9)
        #expect(parsed.cells.compactMap(\.value).sorted() == table.values.compactMap { $0 }.sorted())
        #expect(parsed.cells.contains(CollectorCell(table: "duration", row: "*", hour: nil, value: table.total)))
    }

    @Test func refusesTablesThatDoNotHoldTogether() {
        func table(rows: [String] = ["all"], columns: [Int] = [9], cells: [[Int?]] = [[12]], rowTotals: [Int?] = [],
                   total: Int? = 12, name: String = "sessions.started") -> CanonicalJSON {
            .object(["name": .string(name), "rows": .array(rows.map(CanonicalJSON.string)), "columns": .array(columns.map(CanonicalJSON.int)),
                     "cells": .array(cells.map { .array($0.map(CanonicalJSON.count)) }), "row_totals": .array(rowTotals.map(CanonicalJSON.count)),
                     "column_totals": .array([]), "total": .count(total)])
        }
        #expect(parse(report(table: table())) != nil)
        #expect(parse(report(table: table(columns: [24]))) == nil)
        #expect(parse(report(table: table(cells: [[12, 1]]))) == nil)
        #expect(parse(report(table: table(cells: [[-1]]))) == nil)
        #expect(parse(report(table: table(rows: ["*"]))) == nil)
        #expect(parse(report(table: table(name: "Sessions"))) == nil)
        #expect(parse(report(table: table(rowTotals: [12]))) == nil)
    }

    @Test func refusesAWrongWeekdayOrReportID() {
        guard case .object(var members) = IngestFixture.report().json else { Issue.record("not an object"); return }
        members["report_id"] = .string("daily-report.v1.mairie-lannion.2026-11-03")
        #expect(parse(.object(members)) == nil)
        guard case .object(var other) = IngestFixture.report().json else { Issue.record("not an object"); return }
        other["period"] = .object(["date": .string("2026-11-02"), "time_zone": .string("Europe/Paris"), "hours": .int(24), "weekday": .int(3)])
        #expect(parse(.object(other)) == nil)
    }
}
