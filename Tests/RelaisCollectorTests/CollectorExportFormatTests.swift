import FoundationEssentials
import RelaisCollector
import RelaisCore
import RelaisStore
import Synchronization
import Testing

@Suite struct CollectorExportFormatTests {
    /// The values of one pushed report, exported: the suppressed ones stay empty, the INSEE code is there.
    @Test func exportsPushedValuesWithSuppressedOnesEmpty() async throws {
        let fixture = try await IngestFixture()
        let report = IngestFixture.report(day: 2)
        #expect(try await fixture.post(report.canonicalBytes).status == 200)
        #expect(try await fixture.post(IngestFixture.report(day: 5).canonicalBytes).status == 200)
        let filter = CollectorExportFilter(from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-03")!, epci: "Lannion-Trégor Communauté")
        let collected = Collected()
        let count = try await fixture.database.exportValues(filter, batchSize: 7) { rows in collected.append(rows) }
        let rows = collected.rows
        #expect(count == 25)
        #expect(rows.count == 25)
        #expect(Set(rows.map(\.date)) == [report.date])
        var csv = CollectorExportFormat.csv.header
        for row in rows { csv += CollectorExportFormat.csv.line(row, first: false) }
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "date,weekday,box_id,site,commune,insee_code,epci,table,row,hour,value")
        #expect(lines.contains("2026-11-02,1,mairie-lannion,Médiathèque,Lannion,22113,Lannion-Trégor Communauté,sessions.started,all,10,40"))
        #expect(lines.contains("2026-11-02,1,mairie-lannion,Médiathèque,Lannion,22113,Lannion-Trégor Communauté,sessions.started,all,11,"))
        #expect(lines.filter { $0.hasSuffix(",") }.count == report.table("sessions.started")!.suppressedCount)
        let other = CollectorExportFilter(from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!, epci: "Autre EPCI")
        #expect(try await fixture.database.exportValues(other) { _ in } == 0)
        let byBox = CollectorExportFilter(from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!, boxID: IngestFixture.boxID)
        #expect(try await fixture.database.exportValues(byBox) { _ in } == 50)
    }

    @Test func writesJSONWithNullForSuppressedAndQuotesCSVFields() {
        let row = CollectorExportRow(date: LocalDate(iso: "2026-11-02")!, weekday: 1, boxID: "b", siteName: "Salle \"A\", étage",
                                     commune: "c", inseeCode: "2A004", epci: "e", table: "t", row: "*", hour: nil, value: nil)
        #expect(CollectorExportFormat.csv.line(row, first: true) == "2026-11-02,1,b,\"Salle \"\"A\"\", étage\",c,2A004,e,t,*,,\r\n")
        let json = CollectorExportFormat.json.header + CollectorExportFormat.json.line(row, first: true)
            + CollectorExportFormat.json.line(row, first: false) + CollectorExportFormat.json.footer
        #expect(json.hasPrefix("[\n{\"box_id\":\"b\""))
        #expect(json.contains("\"hour\":null"))
        #expect(json.contains("\"value\":null"))
        #expect(json.contains("},\n{"))
        #expect(json.hasSuffix("}\n]\n"))
    }
}

/// Rows handed over by the export's reader thread.
final class Collected: Sendable {
    private let storage = Mutex<[CollectorExportRow]>([])
    func append(_ rows: [CollectorExportRow]) { storage.withLock { $0 += rows } }
    var rows: [CollectorExportRow] { storage.withLock { $0 } }
}
