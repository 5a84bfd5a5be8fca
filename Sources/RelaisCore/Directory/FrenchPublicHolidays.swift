/// The public holidays (jours fériés) of metropolitan France, fixed and Easter-based, as the `PH` of
/// opening hours means them. Alsace-Moselle's extra days (Good Friday, 26 December) are not included.
public enum FrenchPublicHolidays {
    /// Each holiday of `year`, in date order.
    public static func holidays(in year: Int) -> [LocalDate] {
        let easter = easterSunday(year)
        let fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
            .compactMap { LocalDate(year: year, month: $0.0, day: $0.1) }
        // Easter Monday, Ascension Thursday, Whit Monday.
        let movable = [1, 39, 50].map { easter.adding(days: $0) }
        return (fixed + movable).sorted()
    }

    /// Whether `date` is a public holiday.
    public static func contains(_ date: LocalDate) -> Bool {
        switch (date.month, date.day) {
        case (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25): return true
        default:
            let offset = easterSunday(date.year).days(until: date)
            return offset == 1 || offset == 39 || offset == 50
        }
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }
}
