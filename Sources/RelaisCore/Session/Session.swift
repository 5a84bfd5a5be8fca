import struct FoundationEssentials.Date

/// One authorization of one device, from acceptance to its end.
public struct Session: Sendable, Equatable, Identifiable {
    /// Store identifier; nil until the session is written.
    public var id: Int64?
    public var mac: MACAddress
    /// The address seen at acceptance (normalized: IPv4 stays IPv4); nil when an operator pre-authorized the device.
    public var ipAddress: IPAddress? {
        didSet { ipAddress = ipAddress?.normalized }
    }
    public var origin: SessionOrigin
    public var startedAt: Date
    /// The hard end: `startedAt` plus the session limit.
    public var expiresAt: Date
    public var idleSeconds: Int
    /// Version of the terms of use the visitor accepted; nil for operator sessions.
    public var termsVersion: String?
    public var endedAt: Date?
    public var endReason: SessionEndReason?
    /// The public source ports its IPv4 traffic leaves from (NAT mode `port-blocks`), while it is open;
    /// nil without NAT, without an IPv4 address, and once ended. Not a column of the session: a lease.
    public var portBlock: PortBlock?

    public init(
        id: Int64? = nil, mac: MACAddress, ipAddress: IPAddress?, origin: SessionOrigin,
        startedAt: Date, expiresAt: Date, idleSeconds: Int, termsVersion: String?,
        endedAt: Date? = nil, endReason: SessionEndReason? = nil, portBlock: PortBlock? = nil
    ) {
        self.id = id
        self.mac = mac
        self.ipAddress = ipAddress?.normalized
        self.origin = origin
        self.startedAt = startedAt
        self.expiresAt = expiresAt
        self.idleSeconds = idleSeconds
        self.termsVersion = termsVersion
        self.endedAt = endedAt
        self.endReason = endReason
        self.portBlock = portBlock
    }

    /// Opens a session at `now` with the given limits.
    public static func open(
        mac: MACAddress, ipAddress: IPAddress?, origin: SessionOrigin, termsVersion: String?,
        limits: SessionLimits, now: Date
    ) -> Session {
        Session(
            mac: mac, ipAddress: ipAddress, origin: origin, startedAt: now,
            expiresAt: now.addingTimeInterval(Double(limits.sessionSeconds)),
            idleSeconds: limits.idleSeconds, termsVersion: termsVersion)
    }

    /// The session's state at `now`.
    public func state(at now: Date) -> SessionState {
        if let endReason { return .ended(endReason) }
        if now >= expiresAt { return .expired }
        return .active(secondsRemaining: remainingSeconds(at: now))
    }

    /// The session's length, from its start to its hard end.
    public var length: Duration {
        .milliseconds(Int64((expiresAt.timeIntervalSince(startedAt) * 1000).rounded()))
    }

    /// Whole seconds left before the hard limit, never negative, and never more than the session's own
    /// length: a wall clock set backwards (a box without NTP at boot) cannot lengthen a session.
    public func remainingSeconds(at now: Date) -> Int {
        let length = expiresAt.timeIntervalSince(startedAt)
        let left = min(expiresAt.timeIntervalSince(now), length)
        return max(0, Int(left.rounded(.up)))
    }

    /// The same session, ended at `now` for `reason`; an already ended session keeps its first end.
    public func ended(_ reason: SessionEndReason, at now: Date) -> Session {
        guard endedAt == nil else { return self }
        var copy = self
        copy.endedAt = now
        copy.endReason = reason
        copy.portBlock = nil
        return copy
    }
}
