/// A day of the week, numbered as ISO 8601 does: Monday is 1, Sunday is 7.
public enum Weekday: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday `days` later (negative: earlier), wrapping around the week.
    public func adding(days: Int) -> Weekday {
        let index = ((rawValue - 1 + days) % 7 + 7) % 7
        return Weekday(rawValue: index + 1)!
    }

    /// The index POSIX TZ rules and `tm_wday` use: Sunday = 0 … Saturday = 6.
    public var sundayBasedIndex: Int { rawValue % 7 }

    /// The weekday for a Sunday = 0 … Saturday = 6 index, as POSIX TZ rules and `tm_wday` use.
    public init?(sundayBasedIndex index: Int) {
        guard (0...6).contains(index) else { return nil }
        self.init(rawValue: index == 0 ? 7 : index)
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }
}
