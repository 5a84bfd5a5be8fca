import FoundationEssentials
import RelaisCore

/// Whether a report's period can be true: not in the future, not before the box was registered. A local day is
/// compared with UTC days with one day of slack, since the box's time zone is its own (UTC−12…UTC+14).
enum CollectorPeriod {
    /// Seconds a duty status may be ahead of the collector's clock.
    static let clockSkewSeconds: Double = 300

    static func check(date: LocalDate, registeredAt: Date, now: Date) throws(IngestRefusal) {
        if date.daysSince1970 > utcDay(now) + 1 { throw .periodInFuture }
        if date.daysSince1970 < utcDay(registeredAt) - 1 { throw .periodBeforeRegistration }
    }

    static func check(instant: Date, registeredAt: Date, now: Date) throws(IngestRefusal) {
        if instant.timeIntervalSince(now) > clockSkewSeconds { throw .periodInFuture }
        if instant.timeIntervalSince(registeredAt) < -clockSkewSeconds { throw .periodBeforeRegistration }
    }

    static func utcDay(_ instant: Date) -> Int { Int((instant.timeIntervalSince1970 / 86_400).rounded(.down)) }
}
