/// A time of day on a wall clock, to the second, without a date or a time zone.
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 0 … 23.
    public let hour: Int
    /// 0 … 59.
    public let minute: Int
    /// 0 … 59 (leap seconds are not represented: tzdata's usual zones do not count them).
    public let second: Int

    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The time `seconds` after midnight, wrapped into one day.
    public init(secondsSinceMidnight seconds: Int) {
        let wrapped = (seconds % 86_400 + 86_400) % 86_400
        hour = wrapped / 3600
        minute = wrapped / 60 % 60
        second = wrapped % 60
    }

    public static let midnight = LocalTime(secondsSinceMidnight: 0)

    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// Reads `HH:MM` or `HH:MM:SS` (24-hour clock, two digits each); nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isCivilTimeDigit) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) ?? -1 : 0
        self.init(hour: hour, minute: minute, second: second)
    }

    /// `HH:MM:SS`, or `HH:MM` when the seconds are zero.
    public var description: String {
        let base = "\(LocalDate.padded(hour, 2)):\(LocalDate.padded(minute, 2))"
        return second == 0 ? base : base + ":\(LocalDate.padded(second, 2))"
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }
}
