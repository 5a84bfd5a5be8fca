import struct FoundationEssentials.Date

/// The end of one stored session: which one (by identifier, so a newer session of the same device is
/// never ended by mistake), why, and the wall date to record.
public struct SessionEnding: Sendable, Equatable {
    public var sessionID: Int64
    public var reason: SessionEndReason
    /// Recorded as given, but never before the session's start (the store takes the later of the two).
    public var endedAt: Date

    public init(sessionID: Int64, reason: SessionEndReason, endedAt: Date) {
        self.sessionID = sessionID
        self.reason = reason
        self.endedAt = endedAt
    }
}
