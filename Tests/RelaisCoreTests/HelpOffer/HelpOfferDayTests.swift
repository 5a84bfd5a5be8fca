import RelaisCore
import Testing

/// « aujourd'hui », « demain », a weekday, or a date.
@Suite struct HelpOfferDayTests {
    // Monday 30 November 2026.
    let today = LocalDate(year: 2026, month: 11, day: 30)!

    @Test func namesTheDayFromToday() {
        #expect(HelpOfferDay(today, from: today) == .today)
        #expect(HelpOfferDay(today.adding(days: 1), from: today) == .tomorrow)
        #expect(HelpOfferDay(today.adding(days: 2), from: today) == .weekday(.wednesday))
        #expect(HelpOfferDay(today.adding(days: 6), from: today) == .weekday(.sunday))
        // A week ahead is the same weekday: the date says which one.
        #expect(HelpOfferDay(today.adding(days: 7), from: today) == .date(LocalDate(year: 2026, month: 12, day: 7)!))
        #expect(HelpOfferDay(today.adding(days: -1), from: today) == .date(LocalDate(year: 2026, month: 11, day: 29)!))
    }

    @Test func acrossTheYearEnd() {
        let newYearsEve = LocalDate(year: 2026, month: 12, day: 31)!
        #expect(HelpOfferDay(LocalDate(year: 2027, month: 1, day: 1)!, from: newYearsEve) == .tomorrow)
        #expect(HelpOfferDay(LocalDate(year: 2027, month: 1, day: 4)!, from: newYearsEve) == .weekday(.monday))
    }
}
