import struct FoundationEssentials.Date

/// How long the rows of one data category are kept, in a form both the purge and the docs read.
public enum RetentionPeriod: Sendable, Equatable {
    /// Kept while the thing it describes lasts (a live session), then minimized or removed by its owner.
    case whileLive
    /// Removed `days` days after the date named by `after` (a session's end, an hour of counts…).
    case days(Int, after: String)
    /// Each row carries its own end (a consent's expiry) or is deleted at once on withdrawal.
    case untilOwnExpiry(String)
    /// Removed at the end of the site's local day.
    case endOfLocalDay
    /// Not personal data: replaced as a whole when updated, never purged by age.
    case notPersonalData

    /// Rows dated before this instant are past retention at `now`; nil when the period is not a fixed
    /// age (the purge function decides from `now` itself).
    public func cutoff(at now: Date, in zone: TimeZoneRules) -> Date? {
        switch self {
        case .days(let days, _): now.addingTimeInterval(-Double(days) * 86_400)
        case .endOfLocalDay: zone.startOfDay(containing: now)
        case .whileLive, .untilOwnExpiry, .notPersonalData: nil
        }
    }

    /// The period in words, for the data officer's table.
    public var text: String {
        switch self {
        case .whileLive: "while the session lasts"
        case .days(let days, let after): days % 365 == 0 ? "\(days / 365) year\(days == 365 ? "" : "s") after \(after)" : "\(days) day\(days == 1 ? "" : "s") after \(after)"
        case .untilOwnExpiry(let rule): rule
        case .endOfLocalDay: "until the end of the local day"
        case .notPersonalData: "not personal data: replaced when updated"
        }
    }
}
