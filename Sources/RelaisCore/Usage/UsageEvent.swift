import struct FoundationEssentials.Date

/// Something the usage stream counts. The device's address travels only as far as the recorder, which
/// turns it into a daily keyed hash kept in memory; nothing of it is stored.
public enum UsageEvent: Sendable, Equatable {
    /// A visitor's session opened (portal sessions only: operators' pre-authorizations are not visits).
    case sessionStarted(mac: MACAddress, at: Date)
    /// A visitor's session ended after `seconds`, for `reason`, at `at`.
    case sessionEnded(reason: SessionEndReason, seconds: Double, at: Date)
    /// A visitor consented to an optional purpose (its configured identifier).
    case consentGiven(purpose: String, at: Date)
    /// A help page was shown.
    case helpPageViewed(at: Date)

    /// When it happened: the hour it is counted in.
    public var date: Date {
        switch self {
        case .sessionStarted(_, let at), .sessionEnded(_, _, let at), .consentGiven(_, let at), .helpPageViewed(let at): at
        }
    }
}
