import struct FoundationEssentials.Date

/// Durable record of sessions and blocked devices: the source of truth the firewall is rebuilt from.
/// One method per intent, each one transaction over every table the intent touches; the invariants
/// (one open session per device, no admission of a blocked device or beyond capacity, no end before
/// a start) hold in SQL, whatever the caller believed when it asked.
public protocol SessionStore: Sendable {
    /// Sessions not ended and not past their hard limit at `now` (wall time: read once, at start-up).
    func liveSessions(at now: Date) async throws -> [Session]
    /// Writes each admission whole, in order, in one transaction: a blocked device, or one beyond
    /// `capacity` open sessions (a device replacing its own session needs no room), is denied and
    /// nothing of it is written. Returns one outcome per admission, in order.
    func admit(_ admissions: [Admission], capacity: Int) async throws -> [AdmissionOutcome]
    /// Ends these sessions if they are still open; returns those it ended, as stored.
    func endSessions(_ endings: [SessionEnding]) async throws -> [Session]
    /// Ends every open session whose hard limit is at or before `now`, dated at its limit; returns them.
    /// For start-up only: while running, limits are decided on the monotonic clock.
    func endExpiredSessions(at now: Date) async throws -> [Session]
    /// Devices an operator blocked.
    func blockedDevices() async throws -> Set<MACAddress>
    /// Blocks devices and ends their open sessions as `.blocked`, in one transaction. A session's end is
    /// dated `endDates[mac]` when given, else `now` (never before its start). Returns the ended sessions.
    func block(_ macs: [MACAddress], endDates: [MACAddress: Date], at now: Date) async throws -> [Session]
    /// Unblocks devices.
    func unblock(_ macs: [MACAddress]) async throws
}
