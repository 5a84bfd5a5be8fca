import FoundationEssentials
import RelaisCore
import Testing

@testable import RelaisStore

@Suite struct CollectorDatabaseTests {
    static let key = [UInt8](repeating: 7, count: 32)

    static func box(_ id: String = "mairie-lannion", revokedAt: Date? = nil) -> CollectorBox {
        CollectorBox(id: BoxID(id)!, siteName: "Médiathèque", commune: "Lannion", inseeCode: "22113", epci: "Lannion-Trégor Communauté",
                     latitude: 48.73, longitude: -3.46, publicKey: key, registeredAt: Date(timeIntervalSince1970: 1_790_000_000),
                     revokedAt: revokedAt)
    }

    static func report(_ id: String = "daily-report.v1.mairie-lannion.2026-11-02") -> ReceivedReport {
        ReceivedReport(reportID: id, boxID: BoxID("mairie-lannion")!, date: LocalDate(year: 2026, month: 11, day: 2)!,
                       schemaVersion: 1, receivedAt: Date(timeIntervalSince1970: 1_800_000_000), body: Array("{}".utf8),
                       cells: [CollectorCell(table: "sessions.started", row: "all", hour: 9, value: 14),
                               CollectorCell(table: "sessions.started", row: "all", hour: 10, value: nil),
                               CollectorCell(table: "sessions.started", row: "*", hour: nil, value: 30)])
    }

    @Test func registersListsAndRevokesBoxesOnce() async throws {
        let db = try CollectorDatabase.temporary()
        #expect(try await db.addBox(Self.box()))
        #expect(!(try await db.addBox(Self.box())))
        #expect(try await db.boxes() == [Self.box()])
        let revokedAt = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await db.revokeBox(BoxID("mairie-lannion")!, at: revokedAt))
        #expect(!(try await db.revokeBox(BoxID("mairie-lannion")!, at: revokedAt)))
        #expect(try await db.box(BoxID("mairie-lannion")!)?.revokedAt == revokedAt)
        #expect(try await db.box(BoxID("inconnue")!) == nil)
    }

    @Test func refusesABadINSEECode() async throws {
        let db = try CollectorDatabase.temporary()
        let bad = CollectorBox(id: BoxID("x")!, siteName: "s", commune: "c", inseeCode: "2211", epci: "e", latitude: 0,
                               longitude: 0, publicKey: Self.key, registeredAt: Date(timeIntervalSince1970: 0))
        await #expect(throws: StoreError.self) { try await db.addBox(bad) }
    }

    @Test func storesAReportAndItsCellsOnceKeepingSuppressedCellsEmpty() async throws {
        let db = try CollectorDatabase.temporary()
        _ = try await db.addBox(Self.box())
        #expect(try await db.storeReport(Self.report()))
        #expect(!(try await db.storeReport(Self.report())))
        #expect(try await db.reportCount() == 1)
        #expect(try await db.hasReport(Self.report().reportID))
        #expect(try await db.cells(ofReport: Self.report().reportID) == Self.report().cells)
        #expect(try await db.reportBody(Self.report().reportID) == Array("{}".utf8))
    }

    @Test func refusesAReportOfAnUnknownBox() async throws {
        let db = try CollectorDatabase.temporary()
        await #expect(throws: StoreError.self) { try await db.storeReport(Self.report()) }
    }

    @Test func keepsTheLatestDutyStatusOfEachBox() async throws {
        let db = try CollectorDatabase.temporary()
        _ = try await db.addBox(Self.box())
        func status(_ seconds: Double, _ onDuty: Bool) -> CollectorDutyStatus {
            CollectorDutyStatus(boxID: BoxID("mairie-lannion")!, at: Date(timeIntervalSince1970: seconds), onDuty: onDuty,
                                role: onDuty ? "conseiller-numerique" : nil, receivedAt: Date(timeIntervalSince1970: seconds))
        }
        #expect(try await db.storeDutyStatus(status(100, true)))
        #expect(!(try await db.storeDutyStatus(status(50, false))))
        #expect(try await db.dutyStatuses() == [status(100, true)])
        #expect(try await db.storeDutyStatus(status(200, false)))
        #expect(try await db.dutyStatuses() == [status(200, false)])
    }

    @Test func reopensAnExistingFileWithoutMigratingTwice() async throws {
        let directory = FileManager.default.temporaryDirectory.path + "/relais-collector-reopen-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let db = try CollectorDatabase.open(path: directory + "/c.sqlite")
            _ = try await db.addBox(Self.box())
        }
        let again = try CollectorDatabase.open(path: directory + "/c.sqlite")
        #expect(try await again.boxes().count == 1)
    }
}
