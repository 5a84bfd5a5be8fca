import FoundationEssentials
import RelaisCore
import Testing

@testable import RelaisCollector

@Suite struct CollectorPeriodTests {
    let registered = Date(timeIntervalSince1970: 1_793_000_000)  // 2026-10-26 (UTC)
    let now = Date(timeIntervalSince1970: 1_794_000_000)  // 2026-11-06 (UTC)

    func refusal(_ iso: String) -> IngestRefusal? {
        do {
            try CollectorPeriod.check(date: LocalDate(iso: iso)!, registeredAt: registered, now: now)
            return nil
        } catch {
            return error
        }
    }

    @Test func allowsADayOfSlackForTimeZonesOnBothEnds() {
        #expect(refusal("2026-11-07") == nil)
        #expect(refusal("2026-11-08") == .periodInFuture)
        #expect(refusal("2026-10-25") == nil)
        #expect(refusal("2026-10-24") == .periodBeforeRegistration)
    }

    @Test func allowsAFewMinutesOfClockSkewForADutyStatus() throws {
        try CollectorPeriod.check(instant: now.addingTimeInterval(299), registeredAt: registered, now: now)
        #expect(throws: IngestRefusal.periodInFuture) {
            try CollectorPeriod.check(instant: now.addingTimeInterval(301), registeredAt: registered, now: now)
        }
        #expect(throws: IngestRefusal.periodBeforeRegistration) {
            try CollectorPeriod.check(instant: registered.addingTimeInterval(-301), registeredAt: registered, now: now)
        }
    }
}
