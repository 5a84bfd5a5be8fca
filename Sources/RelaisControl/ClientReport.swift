import FoundationEssentials
import RelaisCore

/// One connected device as `relais ctl clients` lists it.
public struct ClientReport: Codable, Sendable, Equatable {
    public var mac: MACAddress
    /// IPv4 address seen at acceptance; nil for a device an operator pre-authorized.
    public var ipAddress: String?
    public var origin: SessionOrigin
    public var startedAt: Date
    public var expiresAt: Date
    /// Seconds before the hard limit, when the report was made.
    public var secondsRemaining: Int
    /// The idle limit: the session ends after this many seconds without traffic.
    public var idleSeconds: Int
    /// Terms of use the visitor accepted; nil for operator sessions.
    public var termsVersion: String?

    public init(
        mac: MACAddress, ipAddress: String?, origin: SessionOrigin, startedAt: Date, expiresAt: Date,
        secondsRemaining: Int, idleSeconds: Int, termsVersion: String?
    ) {
        self.mac = mac
        self.ipAddress = ipAddress
        self.origin = origin
        self.startedAt = startedAt
        self.expiresAt = expiresAt
        self.secondsRemaining = secondsRemaining
        self.idleSeconds = idleSeconds
        self.termsVersion = termsVersion
    }

    /// The report for `session` as seen at `now`.
    public init(session: Session, now: Date) {
        self.init(
            mac: session.mac, ipAddress: session.ipAddress?.description, origin: session.origin,
            startedAt: session.startedAt, expiresAt: session.expiresAt,
            secondsRemaining: session.remainingSeconds(at: now), idleSeconds: session.idleSeconds,
            termsVersion: session.termsVersion)
    }
}
