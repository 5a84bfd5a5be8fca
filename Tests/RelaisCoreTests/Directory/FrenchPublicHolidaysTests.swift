import RelaisCore
import Testing

@Suite struct FrenchPublicHolidaysTests {
    @Test(arguments: [
        (2000, 4, 23), (2019, 4, 21), (2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2285, 3, 22),
    ])
    func easterSundays(year: Int, month: Int, day: Int) {
        #expect(FrenchPublicHolidays.easterSunday(year) == LocalDate(year: year, month: month, day: day))
    }

    @Test func elevenHolidaysIn2026WithTheEasterBasedOnes() {
        let days = FrenchPublicHolidays.holidays(in: 2026).map(\.description)
        #expect(days == [
            "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
            "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
        ])
        for day in FrenchPublicHolidays.holidays(in: 2026) { #expect(FrenchPublicHolidays.contains(day)) }
        // Easter Sunday and Whit Sunday are Sundays, not extra holidays; Good Friday is Alsace-Moselle's only.
        #expect(!FrenchPublicHolidays.contains(LocalDate(year: 2026, month: 4, day: 5)!))
        #expect(!FrenchPublicHolidays.contains(LocalDate(year: 2026, month: 4, day: 3)!))
        #expect(!FrenchPublicHolidays.contains(LocalDate(year: 2026, month: 12, day: 26)!))
    }
}
