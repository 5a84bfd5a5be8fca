import FoundationEssentials
import RelaisCore
import Testing

@Suite struct OpeningHoursEvaluationTests {
    let week = "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off"

    @Test func openUntilTheEndOfTheRangeThenClosedUntilTheNext() throws {
        let value = try hours(week)
        // Tuesday 3 November 2026, 10:00 in Paris (CET).
        #expect(value.status(at: parisTime(2026, 11, 3, 10), in: paris) == .open(until: parisTime(2026, 11, 3, 12)))
        #expect(value.status(at: parisTime(2026, 11, 3, 12), in: paris) == .closed(opensAt: parisTime(2026, 11, 3, 14)))
        #expect(value.status(at: parisTime(2026, 11, 3, 17, 30), in: paris) == .closed(opensAt: parisTime(2026, 11, 4, 9)))
        // Saturday noon to Monday morning.
        #expect(value.nextChange(after: parisTime(2026, 11, 7, 12, 1), in: paris) == parisTime(2026, 11, 9, 9))
        #expect(!value.isOpen(at: parisTime(2026, 11, 8, 10), in: paris))
    }

    @Test func publicHolidaysOffIncludingEasterMondayAndAscension() throws {
        let value = try hours(week)
        // Easter Monday 6 April 2026: closed all day, opens on Tuesday.
        #expect(value.status(at: parisTime(2026, 4, 6, 10), in: paris) == .closed(opensAt: parisTime(2026, 4, 7, 9)))
        // Ascension Thursday 14 May 2026, then the Friday.
        #expect(value.status(at: parisTime(2026, 5, 14, 15), in: paris) == .closed(opensAt: parisTime(2026, 5, 15, 9)))
        // Whit Monday 25 May 2026; Armistice 11 November 2026 (a Wednesday).
        #expect(!value.isOpen(at: parisTime(2026, 5, 25, 10), in: paris))
        #expect(!value.isOpen(at: parisTime(2026, 11, 11, 10), in: paris))
        // The Friday before Easter is an ordinary day in the Vienne.
        #expect(value.isOpen(at: parisTime(2026, 4, 3, 10), in: paris))
        // Closed from Saturday noon through the holiday Monday: next opening on Tuesday.
        #expect(value.nextChange(after: parisTime(2026, 4, 4, 12), in: paris) == parisTime(2026, 4, 7, 9))
    }

    @Test func laterRulesOverrideEarlierOnesInOrder() throws {
        // A later weekday rule reopens a holiday; a later `;` rule replaces a day's hours.
        #expect(try hours("PH off; Mo-Fr 08:00-18:00").isOpen(at: parisTime(2026, 12, 25, 10), in: paris))
        let replaced = try hours("Mo-Fr 09:00-17:00; We 10:00-12:00")
        #expect(!replaced.isOpen(at: parisTime(2026, 11, 4, 15), in: paris))
        #expect(replaced.isOpen(at: parisTime(2026, 11, 5, 15), in: paris))
        // `off` with times only closes those times; a `,` rule adds.
        let carved = try hours("Mo-Fr 08:00-18:00; We 12:00-14:00 off")
        #expect(carved.status(at: parisTime(2026, 11, 4, 10), in: paris) == .open(until: parisTime(2026, 11, 4, 12)))
        #expect(carved.status(at: parisTime(2026, 11, 4, 13), in: paris) == .closed(opensAt: parisTime(2026, 11, 4, 14)))
        let added = try hours("Mo 10:00-12:00, Tu 14:00-16:00")
        #expect(added.isOpen(at: parisTime(2026, 11, 2, 11), in: paris) && added.isOpen(at: parisTime(2026, 11, 3, 15), in: paris))
    }

    @Test func rangesPastMidnight() throws {
        let late = try hours("Fr-Sa 22:00-02:00")
        // Saturday 7 November 2026, 01:00: still Friday's evening; closes at 02:00.
        #expect(late.status(at: parisTime(2026, 11, 7, 1), in: paris) == .open(until: parisTime(2026, 11, 7, 2)))
        #expect(late.status(at: parisTime(2026, 11, 7, 3), in: paris) == .closed(opensAt: parisTime(2026, 11, 7, 22)))
        // Sunday night ends Saturday's range; nothing on Sunday evening.
        #expect(late.status(at: parisTime(2026, 11, 8, 1), in: paris) == .open(until: parisTime(2026, 11, 8, 2)))
        #expect(late.status(at: parisTime(2026, 11, 8, 23), in: paris) == .closed(opensAt: parisTime(2026, 11, 13, 22)))
        // A later rule for the next day does not cut a range started the day before.
        #expect(try hours("Fr 22:00-02:00; Sa 10:00-12:00").isOpen(at: parisTime(2026, 11, 7, 1), in: paris))
        // Consecutive whole days are one opening.
        let nights = try hours("Mo-Su 20:00-32:00")
        #expect(nights.status(at: parisTime(2026, 11, 3, 7), in: paris) == .open(until: parisTime(2026, 11, 3, 8)))
    }

    @Test func springForwardSkipsAnHour() throws {
        // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00 UTC).
        let night = try hours("Su 01:00-04:00")
        #expect(night.status(at: utc(2026, 3, 29, 0, 30), in: paris) == .open(until: utc(2026, 3, 29, 2)))
        // A range starting in the skipped hour opens at the jump.
        let skipped = try hours("Su 02:30-05:00")
        #expect(skipped.status(at: utc(2026, 3, 29, 0, 59), in: paris) == .closed(opensAt: utc(2026, 3, 29, 1)))
        // Friday 17:30 CET to Monday 09:00 CEST crosses the change: 08:00 UTC on Friday, 07:00 UTC on Monday.
        let office = try hours("Mo-Fr 09:00-17:30")
        #expect(office.status(at: utc(2026, 3, 27, 8), in: paris) == .open(until: utc(2026, 3, 27, 16, 30)))
        #expect(office.nextChange(after: utc(2026, 3, 27, 17), in: paris) == utc(2026, 3, 30, 7))
    }

    @Test func fallBackRepeatsAnHour() throws {
        // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET (01:00 UTC); 01:00–04:00 lasts four hours.
        let night = try hours("Su 01:00-04:00")
        #expect(night.status(at: utc(2026, 10, 24, 23), in: paris) == .open(until: utc(2026, 10, 25, 3)))
        #expect(night.status(at: utc(2026, 10, 25, 2, 30), in: paris) == .open(until: utc(2026, 10, 25, 3)))
        // An end in the repeated hour is its first occurrence (CEST).
        let late = try hours("Sa 22:00-02:30")
        #expect(late.status(at: utc(2026, 10, 25, 0, 15), in: paris) == .open(until: utc(2026, 10, 25, 0, 30)))
        #expect(!late.isOpen(at: utc(2026, 10, 25, 1, 15), in: paris))
        // Saturday evening to Monday 09:00 CET (08:00 UTC).
        #expect(try hours("Mo-Fr 09:00-17:30").nextChange(after: utc(2026, 10, 24, 18), in: paris) == utc(2026, 10, 26, 8))
    }

    @Test func alwaysNeverAndUnknown() throws {
        #expect(try hours("24/7").status(at: utc(2026, 6, 1), in: paris) == .open(until: nil))
        #expect(try hours("Mo-Su 00:00-24:00").status(at: utc(2026, 6, 1), in: paris) == .open(until: nil))
        #expect(try hours("24/7; PH off").status(at: parisTime(2026, 12, 25, 12), in: paris) == .closed(opensAt: parisTime(2026, 12, 26, 0)))
        #expect(try hours("24/7; PH off").status(at: parisTime(2026, 12, 24, 12), in: paris) == .open(until: parisTime(2026, 12, 25, 0)))
        #expect(try hours("off").status(at: utc(2026, 6, 1), in: paris) == .closed(opensAt: nil))
        #expect(try hours("\"sur rendez-vous\"").status(at: utc(2026, 6, 1), in: paris) == .unknown)
        // Open only on public holidays: the next one may be weeks away (15 August after 14 July).
        let holidaysOnly = try hours("PH 10:00-12:00")
        #expect(holidaysOnly.status(at: parisTime(2026, 7, 15, 9), in: paris) == .closed(opensAt: parisTime(2026, 8, 15, 10)))
    }
}
