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
    /// A visitor asked for help (« Je veux de l'aide »).
    case helpRequestMade(at: Date)
    /// An aidant took a visitor's help request.
    case helpRequestTaken(at: Date)
    /// The kiosk screen was shown (each refresh counts: it measures the screen's time on, not people).
    case kioskViewed(at: Date)
    /// One minute with an aidant on duty here (a fact about the service, not about visitors).
    case onDutyMinute(at: Date)

    /// When it happened: the hour it is counted in.
    public var date: Date {
        switch self {
        case .sessionStarted(_, let at), .sessionEnded(_, _, let at), .consentGiven(_, let at), .helpPageViewed(let at),
             .helpRequestMade(let at), .helpRequestTaken(let at), .kioskViewed(let at), .onDutyMinute(let at): at
        }
    }
}
