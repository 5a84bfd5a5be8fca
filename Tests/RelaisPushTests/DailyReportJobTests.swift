import FoundationEssentials
import RelaisCore
import RelaisCrypto
import RelaisPush
import RelaisStore
import RelaisTesting
import Synchronization
import Testing

@Suite struct DailyReportJobTests {
    static let zone = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!
    static let box = BoxID("mairie-test")!

    func job(_ database: AppDatabase, clock: ManualClock, catchUpDays: Int = 62, plausibility: ClockPlausibility? = nil) throws -> DailyReportJob {
        DailyReportJob(builder: DailyReportBuilder(boxID: Self.box, zone: Self.zone),
                       usage: { try await database.usage(from: $0, through: $1) }, outbox: database,
                       signer: try Ed25519Signer.generate(), clocks: clock, logger: LogRecorder().logger(),
                       catchUpDays: catchUpDays, plausibility: plausibility)
    }

    @Test func afterADowntimeTheMissedDaysAreStoredInOrder() async throws {
        let database = try AppDatabase.inMemory()
        let clock = ManualClock()
        let day = { (n: Int) in LocalDate(year: 2026, month: 11, day: n)! }
        #expect(try await job(database, clock: clock).run(today: day(10)) == [day(9)])
        // Off from the 10th to the 20th: at the restart, the 10th to the 19th.
        #expect(try await job(database, clock: clock).run(today: day(20)) == (10...19).map(day))
        #expect(try await job(database, clock: clock).run(today: day(20)).isEmpty)
        #expect(try await database.outboxItems().map(\.period) == (9...19).map(day))
        // A very long absence: only the last `catchUpDays` days.
        #expect(try await job(database, clock: clock, catchUpDays: 3).run(today: LocalDate(year: 2027, month: 2, day: 1)!).count == 3)
    }

    @Test func nothingWhileTheClockIsImplausible() async throws {
        let database = try AppDatabase.inMemory()
        let clock = ManualClock(Date(timeIntervalSince1970: 86_400))
        let stored = try await job(database, clock: clock, plausibility: ClockPlausibility()).run(today: LocalDate(daysSince1970: 1))
        #expect(stored.isEmpty)
        #expect(try await database.outboxItems().isEmpty)
    }

    @Test func dutyStatusCarriesTheRoleAndReplacesTheUnsentOne() async throws {
        let database = try AppDatabase.inMemory()
        let clock = ManualClock()
        let signer = try Ed25519Signer.generate()
        let role = RoleBox()
        let duty = DutyStatusJob(boxID: Self.box, onDuty: { _ in role.value }, outbox: database, signer: signer, clocks: clock)
        role.value = "conseiller-numerique"
        try await duty.run()
        clock.advance(by: 300)
        role.value = nil
        try await duty.run()
        let items = try await database.outboxItems()
        #expect(items.map(\.state) == [.superseded, .pending])
        #expect(String(decoding: items[0].body, as: UTF8.self).contains(#""on_duty":true,"report_id""#))
        #expect(String(decoding: items[0].body, as: UTF8.self).contains(#""role":"conseiller-numerique""#))
        #expect(String(decoding: items[1].body, as: UTF8.self).contains(#""on_duty":false"#))
        #expect(Ed25519Signer.verify(signature: items[1].signature, of: items[1].body, publicKey: try signer.publicKey()))
    }
}

/// The roster's answer, set by the test.
final class RoleBox: Sendable {
    private let role = Mutex<String?>(nil)
    var value: String? {
        get { role.withLock { $0 } }
        set { role.withLock { $0 = newValue } }
    }
}
