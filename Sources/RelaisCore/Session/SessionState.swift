/// Where a session stands at a given instant.
public enum SessionState: Sendable, Equatable {
    /// Traffic passes; the hard limit is this many seconds away.
    case active(secondsRemaining: Int)
    /// The hard limit has passed but the session has not been closed yet.
    case expired
    /// Closed, for this reason.
    case ended(SessionEndReason)

    /// True while the device may pass.
    public var isActive: Bool {
        if case .active = self { return true }
        return false
    }
}
