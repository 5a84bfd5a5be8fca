import FoundationEssentials
import RelaisCore
import Testing

struct UsageHourTests {
    let paris = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!

    @Test func theHourIsTheSitesLocalHour() {
        // 2026-07-14T21:30:00Z is 23:30 in Paris (summer time).
        let hour = UsageHour(containing: Date(timeIntervalSince1970: 1_784_064_600), in: paris)
        #expect(hour == UsageHour(date: LocalDate(year: 2026, month: 7, day: 14)!, hour: 23))
        #expect(hour.description == "2026-07-14 23h")
    }

    @Test func theRepeatedHourOfOctoberIsOneUnit() {
        // 2026-10-25: 02:00–03:00 is shown twice; 00:30Z and 01:30Z both read 02:30.
        let first = UsageHour(containing: Date(timeIntervalSince1970: 1_792_888_200), in: paris)
        let second = UsageHour(containing: Date(timeIntervalSince1970: 1_792_891_800), in: paris)
        #expect(first == second)
        #expect(first.hour == 2)
    }

    @Test func onlyHoursOfTheDayExist() {
        let day = LocalDate(year: 2026, month: 1, day: 1)!
        #expect(UsageHour(date: day, hour: 24) == nil)
        #expect(UsageHour(date: day, hour: -1) == nil)
        #expect(UsageHour(date: day, hour: 0)! < UsageHour(date: day, hour: 1)!)
    }
}
