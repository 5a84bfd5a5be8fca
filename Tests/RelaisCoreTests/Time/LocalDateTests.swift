import FoundationEssentials
import RelaisCore
import Testing

@Suite struct LocalDateTests {
    @Test func daysSince1970MatchKnownDates() throws {
        // Reference values from Python's datetime.date.toordinal() - date(1970, 1, 1).toordinal().
        let known: [(Int, Int, Int, Int)] = [
            (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11_016), (2000, 3, 1, 11_017),
            (2026, 3, 29, 20_541), (2038, 1, 19, 24_855), (1900, 3, 1, -25_508), (1600, 2, 29, -135_081),
        ]
        for (year, month, day, days) in known {
            let date = try #require(LocalDate(year: year, month: month, day: day))
            #expect(date.daysSince1970 == days, "\(date)")
            #expect(LocalDate(daysSince1970: days) == date)
        }
    }

    @Test func roundTripsEveryDayOverFourCenturies() {
        var expected = LocalDate(year: 1800, month: 1, day: 1)!
        let start = expected.daysSince1970
        for days in start..<(start + 146_097) {
            let date = LocalDate(daysSince1970: days)
            #expect(date == expected)
            #expect(date.daysSince1970 == days)
            // The next day by calendar rules, independently of the day-number algorithm.
            if expected.day < expected.daysInMonth {
                expected = LocalDate(year: expected.year, month: expected.month, day: expected.day + 1)!
            } else if expected.month < 12 {
                expected = LocalDate(year: expected.year, month: expected.month + 1, day: 1)!
            } else {
                expected = LocalDate(year: expected.year + 1, month: 1, day: 1)!
            }
        }
    }

    @Test func rejectsDaysThatDoNotExist() {
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2028, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 1, day: 0) == nil)
    }

    @Test func weekdaysAndDayOfYear() throws {
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.weekday == .thursday)
        #expect(LocalDate(year: 2026, month: 3, day: 29)!.weekday == .sunday)
        #expect(LocalDate(year: 2026, month: 11, day: 30)!.weekday == .monday)
        #expect(LocalDate(year: 1969, month: 12, day: 29)!.weekday == .monday)
        #expect(LocalDate(year: 2026, month: 12, day: 31)!.dayOfYear == 365)
        #expect(LocalDate(year: 2028, month: 12, day: 31)!.dayOfYear == 366)
        #expect(LocalDate(year: 2028, month: 3, day: 1)!.dayOfYear == 61)
        #expect(LocalDate(year: 2026, month: 3, day: 29)!.julianDayNumber == 2_461_129)
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
        let date = LocalDate(year: 2027, month: 12, day: 31)!
        #expect(date.adding(days: 1) == LocalDate(year: 2028, month: 1, day: 1))
        #expect(date.adding(days: 60) == LocalDate(year: 2028, month: 2, day: 29))
        #expect(date.adding(days: -365) == LocalDate(year: 2026, month: 12, day: 31))
        #expect(LocalDate(year: 2026, month: 3, day: 1)!.days(until: LocalDate(year: 2027, month: 3, day: 1)!) == 365)
        #expect(LocalDate(year: 2028, month: 3, day: 1)!.days(until: LocalDate(year: 2027, month: 3, day: 1)!) == -366)
    }

    @Test func isoTextRoundTrip() {
        #expect(LocalDate(iso: "2026-03-29") == LocalDate(year: 2026, month: 3, day: 29))
        #expect(LocalDate(year: 2026, month: 3, day: 9)!.description == "2026-03-09")
        for bad in ["2026-3-29", "2026-02-30", "26-03-29", "2026-03-29T00:00", "", "2026/03/29", "2026-0a-29", "２０２６-03-29"] {
            #expect(LocalDate(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func weekdayArithmetic() {
        #expect(Weekday.sunday.adding(days: 1) == .monday)
        #expect(Weekday.monday.adding(days: -1) == .sunday)
        #expect(Weekday.wednesday.adding(days: 7 * 100 + 2) == .friday)
        #expect(Weekday(sundayBasedIndex: 0) == .sunday)
        #expect(Weekday(sundayBasedIndex: 6) == .saturday)
        #expect(Weekday(sundayBasedIndex: 7) == nil)
        #expect(Weekday.allCases.map(\.sundayBasedIndex) == [1, 2, 3, 4, 5, 6, 0])
    }
}
