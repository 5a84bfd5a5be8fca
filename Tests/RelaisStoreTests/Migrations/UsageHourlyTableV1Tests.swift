import CSQLite
import Testing
@testable import RelaisStore

@Suite struct UsageHourlyTableV1Tests {
    @Test func onlyCountsOfWellFormedHoursAndMetricsFit() async throws {
        let database = try AppDatabase.inMemory()
        try database.withConnection { db in
            try db.execute("INSERT INTO usage_hourly (day, hour, metric, count) VALUES ('2026-03-02', 9, 'sessions.started', 3)")
            let invalid = [
                "('2026-03-02', 9, 'sessions.started', 1)",  // same hour and metric twice
                "('2026-03-02', 24, 'sessions.started', 1)",
                "('02:00:00:00:00:01', 9, 'sessions.started', 1)",
                "('2026-03-02', 9, 'host=mairie.example', 1)",
                "('2026-03-02', 9, 'Visiteur 02:00:00:00:00:01', 1)",
                "('2026-03-02', 9, 'sessions.ended', -1)",
            ]
            for values in invalid {
                let refused = #expect(throws: SQLiteError.self, "\(values)") {
                    try db.execute("INSERT INTO usage_hourly (day, hour, metric, count) VALUES \(values)")
                }
                #expect(refused?.resultCode == SQLITE_CONSTRAINT)
            }
        }
    }

    @Test func theMigrationIsRecordedUnderItsAgreedName() async throws {
        let database = try AppDatabase.inMemory()
        let applied = try database.withConnection { try AppDatabase.migrator.appliedIdentifiers($0) }
        #expect(applied.contains("v6-usage-hourly"))
    }
}
