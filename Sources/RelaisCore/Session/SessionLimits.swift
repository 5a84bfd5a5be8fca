/// How long a device may stay connected: a hard limit from acceptance and an idle limit.
public struct SessionLimits: Sendable, Equatable {
    /// Seconds from acceptance until the session ends, whatever the traffic.
    public var sessionSeconds: Int
    /// Seconds without forwarded traffic from the device before the session ends.
    public var idleSeconds: Int

    public init(sessionSeconds: Int, idleSeconds: Int) {
        self.sessionSeconds = sessionSeconds
        self.idleSeconds = idleSeconds
    }
}
