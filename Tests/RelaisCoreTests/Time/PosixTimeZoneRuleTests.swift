import FoundationEssentials
import RelaisCore
import Testing

@Suite struct PosixTimeZoneRuleTests {
    @Test func parsesTheParisRule() throws {
        let rule = try #require(PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(rule.standard == LocalTimeType(utcOffset: 3600, isDST: false, abbreviation: "CET"))
        let daylight = try #require(rule.daylight)
        #expect(daylight.type == LocalTimeType(utcOffset: 7200, isDST: true, abbreviation: "CEST"))
        #expect(daylight.start == .monthWeekDay(month: 3, week: 5, weekday: .sunday))
        #expect(daylight.startTime == 7200)
        #expect(daylight.end == .monthWeekDay(month: 10, week: 5, weekday: .sunday))
        #expect(daylight.endTime == 10_800)
    }

    @Test func parsesQuotedNamesExplicitOffsetsAndExtendedTimes() throws {
        let nuuk = try #require(PosixTimeZoneRule("<-02>2<-01>,M3.5.0/-1,M10.5.0/0"))
        #expect(nuuk.standard == LocalTimeType(utcOffset: -7200, isDST: false, abbreviation: "-02"))
        #expect(nuuk.daylight?.type.utcOffset == -3600)
        #expect(nuuk.daylight?.startTime == -3600)
        let chatham = try #require(PosixTimeZoneRule("<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45"))
        #expect(chatham.standard.utcOffset == 45_900)
        #expect(chatham.daylight?.type.utcOffset == 49_500)
        #expect(chatham.daylight?.endTime == 13_500)
        let fixed = try #require(PosixTimeZoneRule("<+0545>-5:45"))
        #expect(fixed.daylight == nil)
        #expect(fixed.standard.utcOffset == 20_700)
        let julian = try #require(PosixTimeZoneRule("EST5EDT,J60/2,300/167"))
        #expect(julian.daylight?.start == .julianSkippingLeapDay(60))
        #expect(julian.daylight?.end == .zeroBasedDayOfYear(300))
        #expect(julian.daylight?.endTime == 167 * 3600)
        #expect(PosixTimeZoneRule("EST5EDT")?.daylight?.start == .monthWeekDay(month: 3, week: 2, weekday: .sunday))
    }

    @Test(arguments: ["", "CET", "CE-1", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
                      "CET-1CEST,M3.5.7,M10.5.0", "CET-25", "CET-1CEST,M3.5.0/168,M10.5.0", "<+01-1", "CET-1CEST,J0,J365",
                      "CET-1CEST,M3.5.0,M10.5.0/3 ", "CET-1:60", "CET-1CEST,M3.5.0,M10.5.0,", "CET-1CEST,366,1"])
    func rejectsMalformedRules(_ text: String) {
        #expect(PosixTimeZoneRule(text) == nil)
    }

    @Test func changeDaysInTheirThreeForms() {
        // Last Sunday of March 2026 is the 29th; of October 2027 the 31st (a month with five Sundays).
        #expect(PosixTimeZoneRule.ChangeDay.monthWeekDay(month: 3, week: 5, weekday: .sunday).date(in: 2026) == LocalDate(year: 2026, month: 3, day: 29))
        #expect(PosixTimeZoneRule.ChangeDay.monthWeekDay(month: 10, week: 5, weekday: .sunday).date(in: 2027) == LocalDate(year: 2027, month: 10, day: 31))
        #expect(PosixTimeZoneRule.ChangeDay.monthWeekDay(month: 3, week: 2, weekday: .sunday).date(in: 2026) == LocalDate(year: 2026, month: 3, day: 8))
        #expect(PosixTimeZoneRule.ChangeDay.monthWeekDay(month: 2, week: 1, weekday: .monday).date(in: 2027) == LocalDate(year: 2027, month: 2, day: 1))
        #expect(PosixTimeZoneRule.ChangeDay.julianSkippingLeapDay(60).date(in: 2028) == LocalDate(year: 2028, month: 3, day: 1))
        #expect(PosixTimeZoneRule.ChangeDay.julianSkippingLeapDay(59).date(in: 2028) == LocalDate(year: 2028, month: 2, day: 28))
        #expect(PosixTimeZoneRule.ChangeDay.zeroBasedDayOfYear(59).date(in: 2028) == LocalDate(year: 2028, month: 2, day: 29))
        #expect(PosixTimeZoneRule.ChangeDay.zeroBasedDayOfYear(0).date(in: 2026) == LocalDate(year: 2026, month: 1, day: 1))
    }

    @Test func evaluatesTheParisRuleAroundBothChangesOf2026And2027() throws {
        let rule = try #require(PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        // 01:00 UTC on the last Sundays of March and October.
        for (change, into) in [(1_774_746_000, 7200), (1_792_890_000, 3600), (1_806_195_600, 7200), (1_824_944_400, 3600)] as [(Int64, Int)] {
            #expect(rule.type(at: change - 1).utcOffset == 10_800 - into)
            #expect(rule.type(at: change).utcOffset == into)
            let next = try #require(rule.nextTransition(after: change - 1))
            #expect(next.at == change)
            #expect(next.type.utcOffset == into)
        }
        #expect(rule.nextTransition(after: 1_774_746_000)?.at == 1_792_890_000)
    }

    @Test func southernHemisphereAndNegativeDaylightSaving() throws {
        // Sydney: DST from the first Sunday of October to the first Sunday of April, across the new year.
        let sydney = try #require(PosixTimeZoneRule("AEST-10AEDT,M10.1.0,M4.1.0/3"))
        #expect(sydney.type(at: 1_767_225_600).isDST)           // 2026-01-01T00:00Z
        #expect(!sydney.type(at: 1_782_864_000).isDST)          // 2026-07-01T00:00Z
        // Dublin writes winter as the "daylight" part with a lower offset (IST-1GMT0,...).
        let dublin = try #require(PosixTimeZoneRule("IST-1GMT0,M10.5.0,M3.5.0/1"))
        #expect(dublin.type(at: 1_767_225_600) == LocalTimeType(utcOffset: 0, isDST: true, abbreviation: "GMT"))
        #expect(dublin.type(at: 1_782_864_000) == LocalTimeType(utcOffset: 3600, isDST: false, abbreviation: "IST"))
    }

    @Test func allYearDaylightTimeHasNoTransitions() throws {
        let rule = try #require(PosixTimeZoneRule("EST5EDT,0/0,J365/25"))
        for instant: Int64 in [1_767_225_600, 1_782_864_000, 1_798_761_600 - 1, 1_798_761_600] {
            #expect(rule.type(at: instant).isDST)
        }
        #expect(rule.nextTransition(after: 1_767_225_600) == nil)
    }
}
