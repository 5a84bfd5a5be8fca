/// How a local date is named from today's: « aujourd'hui », « demain », a weekday within the week,
/// else the date itself (« ouvre lundi à 9 h », « le 12/01 »).
public enum HelpOfferDay: Sendable, Equatable {
    case today
    case tomorrow
    /// Two to six days ahead: the weekday alone is unambiguous.
    case weekday(Weekday)
    /// In the past or a week or more ahead.
    case date(LocalDate)

    public init(_ date: LocalDate, from today: LocalDate) {
        switch today.days(until: date) {
        case 0: self = .today
        case 1: self = .tomorrow
        case 2...6: self = .weekday(date.weekday)
        default: self = .date(date)
        }
    }
}
