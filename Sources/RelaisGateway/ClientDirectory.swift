import RelaisCore
import Synchronization

/// The live sessions and blocked devices, readable at once from any thread (the web server's fast path).
/// Only the `Gateway` writes it, after the store and the firewall agreed.
public final class ClientDirectory: Sendable {
    private struct State {
        var byMAC: [MACAddress: Session] = [:]
        var macByIP: [IPAddress: MACAddress] = [:]
        var blocked: Set<MACAddress> = []
    }

    private let state = Mutex(State())

    public init() {}

    /// The live session of the device using this IP address, if any (IPv4-mapped IPv6 finds the IPv4 one).
    public func session(forIPAddress ipAddress: IPAddress) -> Session? {
        let key = ipAddress.normalized
        return state.withLock { state in
            state.macByIP[key].flatMap { state.byMAC[$0] }
        }
    }

    /// The same, from the address's text as a server adapter reports it; nil for text that is no address.
    public func session(forIPAddress text: String) -> Session? {
        IPAddress(text).flatMap { session(forIPAddress: $0) }
    }

    /// The live session of this device, if any.
    public func session(for mac: MACAddress) -> Session? {
        state.withLock { $0.byMAC[mac] }
    }

    /// True when an operator blocked the device.
    public func isBlocked(_ mac: MACAddress) -> Bool {
        state.withLock { $0.blocked.contains(mac) }
    }

    /// Every live session, ordered by start.
    public func allSessions() -> [Session] {
        state.withLock { Array($0.byMAC.values) }.sorted { ($0.startedAt, $0.mac) < ($1.startedAt, $1.mac) }
    }

    /// The live sessions `isIncluded` selects, in no order: the sweep's path, which must not copy and sort
    /// 10,000 sessions to pick out a few.
    func sessions(where isIncluded: (Session) -> Bool) -> [Session] {
        state.withLock { $0.byMAC.values.filter(isIncluded) }
    }

    /// Every blocked device.
    public func blockedDevices() -> Set<MACAddress> {
        state.withLock { $0.blocked }
    }

    /// Number of live sessions.
    public var count: Int { state.withLock { $0.byMAC.count } }

    func replaceAll(sessions: [Session], blocked: Set<MACAddress>) {
        state.withLock { state in
            state = State()
            state.blocked = blocked
            for session in sessions { Self.insert(session, into: &state) }
        }
    }

    func insert(_ sessions: [Session]) {
        state.withLock { state in
            for session in sessions { Self.insert(session, into: &state) }
        }
    }

    func remove(_ macs: [MACAddress]) {
        state.withLock { state in
            for mac in macs {
                if let old = state.byMAC.removeValue(forKey: mac), let ip = old.ipAddress, state.macByIP[ip] == mac {
                    state.macByIP.removeValue(forKey: ip)
                }
            }
        }
    }

    func setBlocked(_ macs: [MACAddress], blocked: Bool) {
        state.withLock { state in
            if blocked { state.blocked.formUnion(macs) } else { state.blocked.subtract(macs) }
        }
    }

    private static func insert(_ session: Session, into state: inout State) {
        if let old = state.byMAC[session.mac], let ip = old.ipAddress, state.macByIP[ip] == session.mac {
            state.macByIP.removeValue(forKey: ip)
        }
        state.byMAC[session.mac] = session
        if let ip = session.ipAddress { state.macByIP[ip] = session.mac }
    }
}
