/// A date and a time of day on a wall clock, without a time zone (what a poster in the town hall says).
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: LocalDate
    public let time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Nil when the date or the time does not exist.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard let date = LocalDate(year: year, month: month, day: day),
              let time = LocalTime(hour: hour, minute: minute, second: second) else { return nil }
        self.init(date: date, time: time)
    }

    /// The wall reading `seconds` after 1970-01-01 00:00 on the same wall clock. Adding a UTC offset to an
    /// instant's Unix seconds gives these "local seconds"; they make local arithmetic plain integer arithmetic.
    public init(localSecondsSince1970 seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        date = LocalDate(daysSince1970: Int(days))
        time = LocalTime(secondsSinceMidnight: Int(seconds - days * 86_400))
    }

    /// See `init(localSecondsSince1970:)`.
    public var localSecondsSince1970: Int64 {
        Int64(date.daysSince1970) * 86_400 + Int64(time.secondsSinceMidnight)
    }

    /// The wall reading `seconds` later on the same wall (no time zone: every day has 86,400 s here).
    public func adding(seconds: Int64) -> LocalDateTime {
        LocalDateTime(localSecondsSince1970: localSecondsSince1970 + seconds)
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        "\(date)T\(LocalDate.padded(time.hour, 2)):\(LocalDate.padded(time.minute, 2)):\(LocalDate.padded(time.second, 2))"
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }
}
