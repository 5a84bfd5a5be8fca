import FoundationEssentials
import RelaisCore
@testable import RelaisStore

/// The store's writes in the shape the tests of the database itself (files, errors, concurrency) use:
/// sessions written with no capacity limit, devices blocked or unblocked.
extension AppDatabase {
    /// Admits every session (no capacity limit); a blocked device's session is left out.
    func startSessions(_ sessions: [Session]) async throws -> [Session] {
        try await admit(sessions.map(Admission.init(session:)), capacity: .max).compactMap(\.session)
    }

    /// Blocks (ending open sessions at `now`) or unblocks; returns the sessions blocking ended.
    func setBlocked(_ macs: [MACAddress], blocked: Bool, at now: Date) async throws -> [Session] {
        guard blocked else {
            try await unblock(macs)
            return []
        }
        return try await block(macs, endDates: [:], at: now)
    }
}
