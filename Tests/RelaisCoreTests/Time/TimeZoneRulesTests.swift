import FoundationEssentials
import RelaisCore
import Testing

/// Europe/Paris as its TZif footer states it: enough for every date from 1996 on.
let paris = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!

func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> LocalDateTime {
    LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)!
}

func instant(_ unixSeconds: Int) -> Date { Date(timeIntervalSince1970: Double(unixSeconds)) }

@Suite struct TimeZoneRulesTests {
    @Test func instantsToWallTimeAcrossTheChanges() {
        // 29 March 2026, 01:00 UTC: 01:59:59 CET is followed by 03:00:00 CEST.
        #expect(paris.localDateTime(at: instant(1_774_746_000 - 1)) == local(2026, 3, 29, 1, 59).adding(seconds: 59))
        #expect(paris.localDateTime(at: instant(1_774_746_000)) == local(2026, 3, 29, 3))
        #expect(paris.type(at: instant(1_774_746_000)).abbreviation == "CEST")
        // 25 October 2026, 01:00 UTC: 02:59:59 CEST is followed by 02:00:00 CET.
        #expect(paris.localDateTime(at: instant(1_792_890_000 - 1)) == local(2026, 10, 25, 2, 59).adding(seconds: 59))
        #expect(paris.localDateTime(at: instant(1_792_890_000)) == local(2026, 10, 25, 2))
        #expect(paris.type(at: instant(1_792_890_000)).abbreviation == "CET")
        // Fractions of a second are dropped, not rounded.
        #expect(paris.localDateTime(at: Date(timeIntervalSince1970: 1_774_745_999.9)).time == LocalTime(hour: 1, minute: 59, second: 59))
        #expect(paris.localDateTime(at: Date(timeIntervalSince1970: -0.5)) == local(1970, 1, 1, 0, 59).adding(seconds: 59))
    }

    @Test(arguments: [(2026, 3, 29, 1_774_746_000), (2027, 3, 28, 1_806_195_600)])
    func springForwardGap(year: Int, month: Int, day: Int, change: Int) {
        let resolution = paris.resolve(local(year, month, day, 2, 30))
        #expect(resolution == .skipped(before: instant(change + 1800), after: instant(change - 1800), transition: instant(change)))
        #expect(resolution.instant(.earliest) == instant(change))
        #expect(resolution.instant(.latest) == instant(change))
        // 02:00 itself is skipped; 01:59 and 03:00 exist once.
        #expect(paris.resolve(local(year, month, day, 2, 0)) == .skipped(before: instant(change), after: instant(change - 3600), transition: instant(change)))
        #expect(paris.resolve(local(year, month, day, 1, 59)) == .unique(instant(change - 60)))
        #expect(paris.resolve(local(year, month, day, 3, 0)) == .unique(instant(change)))
    }

    @Test(arguments: [(2026, 10, 25, 1_792_890_000), (2027, 10, 31, 1_824_944_400)])
    func fallBackOverlap(year: Int, month: Int, day: Int, change: Int) {
        let resolution = paris.resolve(local(year, month, day, 2, 30))
        #expect(resolution == .repeated(earlier: instant(change - 1800), later: instant(change + 1800)))
        #expect(resolution.instant(.earliest) == instant(change - 1800))
        #expect(resolution.instant(.latest) == instant(change + 1800))
        #expect(paris.resolve(local(year, month, day, 2, 0)) == .repeated(earlier: instant(change - 3600), later: instant(change)))
        #expect(paris.resolve(local(year, month, day, 1, 59)) == .unique(instant(change - 3600 - 60)))
        #expect(paris.resolve(local(year, month, day, 3, 0)) == .unique(instant(change + 3600)))
    }

    @Test func wallReadingsOf2026RoundTrip() {
        // Each instant's wall reading resolves back to it (as the earlier or later of a repeat).
        var seconds = 1_767_225_600
        while seconds < 1_798_761_600 {
            let wall = paris.localDateTime(at: instant(seconds))
            switch paris.resolve(wall) {
            case .unique(let back): #expect(back == instant(seconds))
            case .repeated(let earlier, let later): #expect(earlier == instant(seconds) || later == instant(seconds))
            case .skipped: Issue.record("an instant's own reading cannot be skipped: \(wall)")
            }
            seconds += 60 * 37  // every 37 minutes: all minutes of the hour get visited over the year
        }
    }

    @Test func fixedOffsetAndUTC() {
        let reunion = TimeZoneRules.fixed(utcOffset: 4 * 3600, abbreviation: "+04")
        #expect(reunion.localDateTime(at: instant(1_774_746_000)) == local(2026, 3, 29, 5))
        #expect(reunion.resolve(local(2026, 3, 29, 2, 30)) == .unique(instant(1_774_746_000 - 9000)))
        #expect(reunion.nextTransition(after: 0) == nil)
        #expect(TimeZoneRules.utc.instant(for: local(2026, 3, 29, 1)) == instant(1_774_746_000))
        #expect(TimeZoneRules.utc.lengthOfDay(LocalDate(year: 2026, month: 3, day: 29)!) == 86_400)
    }

    @Test func transitionsTableBeforeFooterRule() {
        // A table with one change (Paris in 1996, when the end of DST moved to October), then the footer.
        let cet = LocalTimeType(utcOffset: 3600, isDST: false, abbreviation: "CET")
        let cest = LocalTimeType(utcOffset: 7200, isDST: true, abbreviation: "CEST")
        let rules = TimeZoneRules(name: "Test", initialType: cet,
                                  transitions: [(at: 1_774_746_000, type: cest), (at: 1_775_000_000, type: cest)],
                                  footer: PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(rules.type(at: Int64(1_774_746_000 - 1)) == cet)
        #expect(rules.type(at: Int64(1_774_746_000)) == cest)
        // The second listed transition keeps the same type: it is not a change; the footer gives the next one.
        #expect(rules.nextTransition(after: 1_774_746_000)?.at == 1_792_890_000)
        #expect(rules.type(at: Int64(1_792_890_000)) == cet)
        #expect(rules.nextTransition(after: 0)?.at == 1_774_746_000)
    }
}
