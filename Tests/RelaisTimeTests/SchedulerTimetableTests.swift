import FoundationEssentials
import RelaisCore
@testable import RelaisTime
import Testing

@Suite struct SchedulerTimetableTests {
    let paris = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!
    let midnight25October = Date(timeIntervalSince1970: 1_792_879_200)

    @Test func wakesAtTheNearestDueTimeButChecksTheWallClockEveryMinute() {
        let start = midnight25October.addingTimeInterval(-90)
        let table = SchedulerTimetable(timings: [.every(.seconds(300), startingNow: false), .daily(at: .midnight)],
                                       zone: paris, wall: start, monotonic: .seconds(50))
        #expect(table.nextWake(wall: start, monotonic: .seconds(50), wallCheck: .seconds(60)) == .seconds(110))
        #expect(table.nextWake(wall: start, monotonic: .seconds(50), wallCheck: .seconds(3600)) == .seconds(140))
        let onlyInterval = SchedulerTimetable(timings: [.every(.seconds(30), startingNow: false)], zone: paris,
                                              wall: start, monotonic: .zero)
        #expect(onlyInterval.nextWake(wall: start, monotonic: .zero, wallCheck: .seconds(60)) == .seconds(30))
        let empty = SchedulerTimetable(timings: [], zone: paris, wall: start, monotonic: .zero)
        #expect(empty.nextWake(wall: start, monotonic: .zero, wallCheck: .seconds(60)) == .seconds(60))
    }

    @Test func aLateIntervalJobDoesNotBurst() {
        var table = SchedulerTimetable(timings: [.every(.seconds(10), startingNow: false)], zone: paris,
                                       wall: midnight25October, monotonic: .zero)
        // The machine was suspended for 95 s: one run, then every 10 s from now.
        #expect(table.takeDue(wall: midnight25October, monotonic: .seconds(95)).count == 1)
        #expect(table.takeDue(wall: midnight25October, monotonic: .seconds(104)).isEmpty)
        #expect(table.takeDue(wall: midnight25October, monotonic: .seconds(105)).count == 1)
    }

    @Test func aDailyJobRunsOncePerOccurrenceWhateverTheWallClockDoes() {
        var table = SchedulerTimetable(timings: [.daily(at: .midnight)], zone: paris,
                                       wall: midnight25October.addingTimeInterval(-1), monotonic: .zero)
        #expect(table.takeDue(wall: midnight25October.addingTimeInterval(-0.5), monotonic: .zero).isEmpty)
        let first = table.takeDue(wall: midnight25October, monotonic: .zero)
        #expect(first.map(\.occurrence) == [midnight25October])
        // A step back of two seconds, then forward again: the same midnight does not run twice.
        #expect(table.takeDue(wall: midnight25October.addingTimeInterval(-2), monotonic: .zero).isEmpty)
        #expect(table.takeDue(wall: midnight25October.addingTimeInterval(5), monotonic: .zero).isEmpty)
        // The next midnight comes 25 hours later (the day the clocks go back).
        #expect(table.takeDue(wall: midnight25October.addingTimeInterval(90_000 - 1), monotonic: .zero).isEmpty)
        #expect(table.takeDue(wall: midnight25October.addingTimeInterval(90_000), monotonic: .zero).count == 1)
    }
}
