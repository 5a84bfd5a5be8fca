import struct FoundationEssentials.Date

/// Durable record of sessions and blocked devices: the source of truth the firewall is rebuilt from.
/// Each method is one transaction that keeps the invariant "at most one open session per device".
public protocol SessionStore: Sendable {
    /// Sessions not ended and not past their hard limit at `now`.
    func liveSessions(at now: Date) async throws -> [Session]
    /// Writes new sessions; any open session of the same device is ended as `.replaced` at the new start.
    /// Returns the sessions with their identifiers.
    func startSessions(_ sessions: [Session]) async throws -> [Session]
    /// Ends the open sessions of these devices; returns the sessions that were open.
    func endSessions(of macs: [MACAddress], reason: SessionEndReason, at now: Date) async throws -> [Session]
    /// Ends every open session whose hard limit is at or before `now`; returns them.
    func endExpiredSessions(at now: Date) async throws -> [Session]
    /// Devices an operator blocked.
    func blockedDevices() async throws -> Set<MACAddress>
    /// Blocks or unblocks devices; blocking also ends their open sessions as `.blocked`.
    /// Returns the sessions that blocking ended.
    func setBlocked(_ macs: [MACAddress], blocked: Bool, at now: Date) async throws -> [Session]
}
