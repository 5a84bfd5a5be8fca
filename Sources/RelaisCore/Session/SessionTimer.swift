import struct FoundationEssentials.Date

/// A live session's limit on the monotonic clock (`Clocks.monotonicNow()`): limits and idle decisions
/// are taken on it, so a jump of the wall clock neither ends a session early nor lengthens it; the wall
/// clock only dates the records.
public struct SessionTimer: Sendable, Equatable {
    /// Monotonic instant the session started (or its equivalent for a session restored after a restart).
    public var start: Duration
    /// Time from start to the hard limit.
    public var length: Duration

    public init(start: Duration, length: Duration) {
        self.start = start
        self.length = length
    }

    /// A timer for a session opened at the monotonic instant `now`.
    public init(opening session: Session, at now: Duration) {
        self.init(start: now, length: session.length)
    }

    /// A timer for a session read back from the store when the daemon starts. Monotonic instants of a
    /// previous run (or boot) are meaningless now, so the time already used is the only thing the wall
    /// clock is trusted for, clamped to `0...length`: a clock set backwards gives a session no more than
    /// its own length.
    public static func restored(_ session: Session, wallNow: Date, monotonicNow: Duration) -> SessionTimer {
        let used = max(0, min(wallNow.timeIntervalSince(session.startedAt), session.length.seconds))
        return SessionTimer(start: monotonicNow - .milliseconds(Int64((used * 1000).rounded())), length: session.length)
    }

    /// Time since the start, never negative.
    public func elapsed(at now: Duration) -> Duration { max(.zero, now - start) }

    /// Whole seconds left before the hard limit, rounded up, never negative.
    public func remainingSeconds(at now: Duration) -> Int {
        let left = length - elapsed(at: now)
        return left <= .zero ? 0 : Int(left.seconds.rounded(.up))
    }

    /// True once the hard limit is reached.
    public func isExpired(at now: Duration) -> Bool { elapsed(at: now) >= length }

    /// The wall date to record for an end at monotonic `now`: the recorded start plus the time that
    /// really passed, at most the session's length. Whatever the wall clock did meanwhile, the end is
    /// never before the start and the recorded duration is the true one.
    public func endDate(of session: Session, at now: Duration) -> Date {
        session.startedAt.addingTimeInterval(min(elapsed(at: now), length).seconds)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
