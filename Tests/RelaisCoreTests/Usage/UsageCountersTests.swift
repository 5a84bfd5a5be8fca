import RelaisCore
import Testing

struct UsageCountersTests {
    let nine = UsageHour(date: LocalDate(year: 2026, month: 3, day: 2)!, hour: 9)!
    let ten = UsageHour(date: LocalDate(year: 2026, month: 3, day: 2)!, hour: 10)!

    @Test func countsAddUpPerHourAndMetric() {
        var counters = UsageCounters()
        counters.add(.sessionsStarted, in: nine)
        counters.add(.sessionsStarted, in: nine, amount: 2)
        counters.add(.sessionsStarted, in: ten)
        counters.add(.helpPageViews, in: nine, amount: 0)
        #expect(counters.count(.sessionsStarted, in: nine) == 3)
        #expect(counters.count(.sessionsStarted, in: ten) == 1)
        #expect(counters.count(.helpPageViews, in: nine) == 0)
        #expect(counters.rows == [
            UsageIncrement(hour: nine, metric: .sessionsStarted, amount: 3),
            UsageIncrement(hour: ten, metric: .sessionsStarted, amount: 1),
        ])
    }

    @Test func aFailedFlushMergesBack() {
        var pending = UsageCounters(), failed = UsageCounters()
        pending.add(.sessionsEnded, in: ten)
        failed.add(.sessionsEnded, in: ten, amount: 4)
        failed.add(.devicesFirstSeen, in: nine)
        pending.merge(failed)
        #expect(pending.count(.sessionsEnded, in: ten) == 5)
        #expect(pending.count(.devicesFirstSeen, in: nine) == 1)
        #expect(!pending.isEmpty)
        #expect(UsageCounters().isEmpty)
    }
}
