import struct FoundationEssentials.Date

/// One hour of the site's local day: the unit of the stored aggregates. A DST night's repeated hour
/// (02:00 twice in October) is one unit: the report counts hours of the clock on the wall.
public struct UsageHour: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let date: LocalDate
    /// 0 to 23.
    public let hour: Int

    public init?(date: LocalDate, hour: Int) {
        guard (0...23).contains(hour) else { return nil }
        self.date = date
        self.hour = hour
    }

    /// The local hour containing `instant` in `zone`.
    public init(containing instant: Date, in zone: TimeZoneRules) {
        let local = zone.localDateTime(at: instant)
        date = local.date
        hour = local.time.hour
    }

    public var description: String { "\(date) \(hour < 10 ? "0" : "")\(hour)h" }

    public static func < (lhs: UsageHour, rhs: UsageHour) -> Bool { (lhs.date, lhs.hour) < (rhs.date, rhs.hour) }
}
