import FoundationEssentials
import RelaisCore
import RelaisCrypto
import Testing
@testable import RelaisStore

/// The export audit's retention: rows go a year after their export, in batches, and until then the keys
/// that seal their selections count as in use (so `relais keys retire` keeps them).
@Suite struct AppDatabaseLegalExportRetentionTests {
    func audit(_ database: AppDatabase, at start: Date, sealer: KeyRingSealer) async throws {
        let id = try await database.beginLegalExport(AppDatabase.LegalExportAudit(
            startedAt: start, uid: 0, userName: "root", reference: "PV \(Int(start.timeIntervalSince1970))",
            selection: LegalExportSelection(from: start.addingTimeInterval(-3600), to: start, criterion: .mac(mac(1)))), sealer: sealer)
        try await database.finishLegalExport(id, count: 1, at: start)
    }

    @Test func auditsGoAtTheirCutoffAndTheirKeysCountUntilThen() async throws {
        let random = SystemRandomSource()
        let ring = LegalKeyRing.new(secret: random.bytes(32), at: t0)
        let rotated = ring.rotated(secret: random.bytes(32), at: t0)
        let database = try AppDatabase.inMemory()
        try await audit(database, at: t0, sealer: KeyRingSealer(ring: ring))
        try await audit(database, at: t0.addingTimeInterval(60), sealer: KeyRingSealer(ring: ring))
        try await audit(database, at: t0.addingTimeInterval(86_400), sealer: KeyRingSealer(ring: rotated))
        #expect(try await database.legalExportAuditKeyIDsInUse() == [1, 2])
        // The cutoff is exclusive: an export started exactly at it stays.
        #expect(try await database.countLegalExportAudits(startedBefore: t0.addingTimeInterval(60)) == 1)
        #expect(try await database.countLegalExportAudits(startedBefore: t0.addingTimeInterval(61)) == 2)
        #expect(try await database.purgeLegalExportAudits(startedBefore: t0.addingTimeInterval(61), batchSize: 1) == 2)
        #expect(try await database.legalExportAuditKeyIDsInUse() == [2])
        #expect(try await database.purgeLegalExportAudits(startedBefore: t0.addingTimeInterval(61), batchSize: 1) == 0)
        #expect(try await database.countLegalExportAudits(startedBefore: .distantFuture) == 1)
    }
}
