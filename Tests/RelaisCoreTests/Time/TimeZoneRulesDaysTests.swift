import FoundationEssentials
import RelaisCore
import Testing

@Suite struct TimeZoneRulesDaysTests {
    @Test func dayLengthsAroundTheChangesOf2026And2027() {
        for (year, month, day, length) in [(2026, 3, 29, 82_800), (2026, 10, 25, 90_000), (2027, 3, 28, 82_800), (2027, 10, 31, 90_000)] {
            let change = LocalDate(year: year, month: month, day: day)!
            #expect(paris.lengthOfDay(change) == length, "\(change)")
            #expect(paris.lengthOfDay(change.adding(days: -1)) == 86_400)
            #expect(paris.lengthOfDay(change.adding(days: 1)) == 86_400)
        }
        // A whole year: 365 days, of which two are not 24 h long, adding up to 365 × 86,400 s.
        var lengths: [Int: Int] = [:]
        var date = LocalDate(year: 2026, month: 1, day: 1)!
        while date.year == 2026 {
            lengths[paris.lengthOfDay(date), default: 0] += 1
            date = date.adding(days: 1)
        }
        #expect(lengths == [86_400: 363, 82_800: 1, 90_000: 1])
    }

    @Test func startOfDayIsLocalMidnight() {
        let sunday = LocalDate(year: 2026, month: 3, day: 29)!
        #expect(paris.startOfDay(sunday) == instant(1_774_738_800))                      // 2026-03-28T23:00Z
        #expect(paris.startOfDay(sunday.adding(days: 1)) == instant(1_774_821_600))      // 2026-03-29T22:00Z
        #expect(paris.startOfDay(containing: instant(1_774_746_000)) == instant(1_774_738_800))
        #expect(paris.startOfDay(LocalDate(year: 2026, month: 10, day: 25)!) == instant(1_792_879_200))
        #expect(paris.startOfDay(LocalDate(year: 2026, month: 10, day: 26)!) == instant(1_792_969_200))
    }

    @Test func startOfDayWhenMidnightIsSkipped() {
        // A zone whose clocks jump from 00:00 to 01:00 (as Santiago's and Beirut's have done): the day starts at 01:00.
        let jumpAtMidnight = TimeZoneRules(name: "Test", posixRule: "<-04>4<-03>,M9.1.6/24,M4.1.6/24")!
        // Saturday 5 September 2026, 24:00 local = Sunday 6 September 00:00, which does not exist.
        let sunday = LocalDate(year: 2026, month: 9, day: 6)!
        #expect(jumpAtMidnight.localDateTime(at: jumpAtMidnight.startOfDay(sunday)) == LocalDateTime(date: sunday, time: LocalTime(hour: 1, minute: 0)!))
        #expect(jumpAtMidnight.lengthOfDay(sunday) == 82_800)
        #expect(jumpAtMidnight.lengthOfDay(sunday.adding(days: -1)) == 86_400)
    }

    @Test func nextOccurrenceOfADailyTime() {
        let half2 = LocalTime(hour: 2, minute: 30)!
        // Spring forward 2026: 02:30 is skipped on the 29th, the job runs once at 03:00 CEST.
        let saturday0230 = instant(1_774_661_400)  // 2026-03-28T01:30Z = 02:30 CET
        #expect(paris.nextOccurrence(of: half2, after: saturday0230.addingTimeInterval(-1)) == saturday0230)
        let skipped = paris.nextOccurrence(of: half2, after: saturday0230)
        #expect(skipped == instant(1_774_746_000))
        let monday = paris.nextOccurrence(of: half2, after: skipped)
        #expect(monday == instant(1_774_830_600))   // 2026-03-30T00:30Z = 02:30 CEST
        // Fall back 2026: 02:30 happens twice on the 25th; the job runs at the first only.
        let first = paris.nextOccurrence(of: half2, after: instant(1_792_879_200))
        #expect(first == instant(1_792_888_200))      // 00:30Z = 02:30 CEST
        let next = paris.nextOccurrence(of: half2, after: first)
        #expect(next == instant(1_792_891_800 + 86_400)) // 26 October, 02:30 CET (01:30Z)
        // Between the two 02:30s, the next one is the next day's.
        #expect(paris.nextOccurrence(of: half2, after: instant(1_792_890_000)) == next)
    }

    @Test func nextMidnightAcrossTheChangesOf2027() {
        var instants: [Date] = []
        var cursor = instant(1_806_105_600)  // 2027-03-27T00:00Z
        for _ in 0..<4 {
            cursor = paris.nextOccurrence(of: .midnight, after: cursor)
            instants.append(cursor)
        }
        #expect(instants.map { paris.localDateTime(at: $0).time } == Array(repeating: LocalTime.midnight, count: 4))
        let gaps = zip(instants, instants.dropFirst()).map { Int($1.timeIntervalSince($0)) }
        #expect(gaps == [82_800, 86_400, 86_400])
        #expect(paris.localDate(at: instants[0]) == LocalDate(year: 2027, month: 3, day: 28))
    }
}
