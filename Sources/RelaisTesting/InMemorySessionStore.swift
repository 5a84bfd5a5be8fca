import FoundationEssentials
import RelaisCore
import Synchronization

/// The in-memory twin of the SQLite store, with the same invariants, for unit tests.
public final class InMemorySessionStore: SessionStore {
    private struct State {
        var sessions: [Session] = []
        var blocked: Set<MACAddress> = []
        var nextID: Int64 = 1
    }

    private let state = Mutex(State())
    /// When set, every write throws this error (to test failure paths).
    public let failWrites = Mutex<Bool>(false)

    public init() {}

    public struct InjectedFailure: Error {}

    public var allSessions: [Session] { state.withLock { $0.sessions } }

    public func liveSessions(at now: Date) async throws -> [Session] {
        state.withLock { $0.sessions.filter { $0.endedAt == nil && $0.expiresAt > now } }
    }

    public func startSessions(_ sessions: [Session]) async throws -> [Session] {
        try checkWritable()
        return state.withLock { state in
            var stored: [Session] = []
            for var session in sessions {
                for index in state.sessions.indices where state.sessions[index].mac == session.mac && state.sessions[index].endedAt == nil {
                    state.sessions[index] = state.sessions[index].ended(.replaced, at: session.startedAt)
                }
                session.id = state.nextID
                state.nextID += 1
                state.sessions.append(session)
                stored.append(session)
            }
            return stored
        }
    }

    public func endSessions(of macs: [MACAddress], reason: SessionEndReason, at now: Date) async throws -> [Session] {
        try checkWritable()
        let wanted = Set(macs)
        return end(where: { wanted.contains($0.mac) }, reason: reason, at: now)
    }

    public func endExpiredSessions(at now: Date) async throws -> [Session] {
        try checkWritable()
        return end(where: { $0.expiresAt <= now }, reason: .sessionLimit, at: now)
    }

    public func blockedDevices() async throws -> Set<MACAddress> {
        state.withLock { $0.blocked }
    }

    public func setBlocked(_ macs: [MACAddress], blocked: Bool, at now: Date) async throws -> [Session] {
        try checkWritable()
        state.withLock { state in
            if blocked { state.blocked.formUnion(macs) } else { state.blocked.subtract(macs) }
        }
        guard blocked else { return [] }
        let wanted = Set(macs)
        return end(where: { wanted.contains($0.mac) }, reason: .blocked, at: now)
    }

    private func end(where matches: (Session) -> Bool, reason: SessionEndReason, at now: Date) -> [Session] {
        state.withLock { state in
            var ended: [Session] = []
            for index in state.sessions.indices where state.sessions[index].endedAt == nil && matches(state.sessions[index]) {
                state.sessions[index] = state.sessions[index].ended(reason, at: now)
                ended.append(state.sessions[index])
            }
            return ended
        }
    }

    private func checkWritable() throws {
        if failWrites.withLock({ $0 }) { throw InjectedFailure() }
    }
}
