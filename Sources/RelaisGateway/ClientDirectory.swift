import RelaisCore
import Synchronization

/// The live sessions and blocked devices, readable at once from any thread (the web server's fast path).
/// Only the `Gateway` writes it, after the store and the firewall agreed. Each session comes with its
/// timer on the monotonic clock, which says how long it really has left whatever the wall clock does.
public final class ClientDirectory: Sendable {
    /// A live session and its limit on the monotonic clock.
    struct Entry {
        var session: Session
        var timer: SessionTimer
    }

    private struct State {
        var byMAC: [MACAddress: Entry] = [:]
        var macByIP: [IPAddress: MACAddress] = [:]
        var blocked: Set<MACAddress> = []
    }

    private let state = Mutex(State())
    private let clocks: any Clocks

    public init(clocks: any Clocks) {
        self.clocks = clocks
    }

    /// The live session of the device using this IP address, if any (IPv4-mapped IPv6 finds the IPv4 one).
    public func session(forIPAddress ipAddress: IPAddress) -> Session? {
        let key = ipAddress.normalized
        return state.withLock { state in
            state.macByIP[key].flatMap { state.byMAC[$0]?.session }
        }
    }

    /// The live session of this device, if any.
    public func session(for mac: MACAddress) -> Session? {
        state.withLock { $0.byMAC[mac]?.session }
    }

    /// Whole seconds the live session of this device has left, on the monotonic clock (a page's
    /// « il vous reste … »: a wall clock set forward or back does not change it); nil without a session.
    public func remainingSeconds(for mac: MACAddress) -> Int? {
        let timer = state.withLock { $0.byMAC[mac]?.timer }
        return timer?.remainingSeconds(at: clocks.monotonicNow())
    }

    /// True when an operator blocked the device.
    public func isBlocked(_ mac: MACAddress) -> Bool {
        state.withLock { $0.blocked.contains(mac) }
    }

    /// Every live session, ordered by start.
    public func allSessions() -> [Session] {
        state.withLock { $0.byMAC.values.map(\.session) }.sorted { ($0.startedAt, $0.mac) < ($1.startedAt, $1.mac) }
    }

    /// Every live session with its timer, in no order: the sweep's path, which must not copy and sort
    /// 10,000 sessions.
    func entries() -> [Entry] {
        state.withLock { Array($0.byMAC.values) }
    }

    /// The monotonic timer of this device's live session.
    func timer(for mac: MACAddress) -> SessionTimer? {
        state.withLock { $0.byMAC[mac]?.timer }
    }

    /// Every blocked device.
    public func blockedDevices() -> Set<MACAddress> {
        state.withLock { $0.blocked }
    }

    /// Number of live sessions.
    public var count: Int { state.withLock { $0.byMAC.count } }

    func replaceAll(_ entries: [Entry], blocked: Set<MACAddress>) {
        state.withLock { state in
            state = State()
            state.blocked = blocked
            for entry in entries { Self.insert(entry, into: &state) }
        }
    }

    func insert(_ entries: [Entry]) {
        state.withLock { state in
            for entry in entries { Self.insert(entry, into: &state) }
        }
    }

    func remove(_ macs: [MACAddress]) {
        state.withLock { state in
            for mac in macs {
                if let old = state.byMAC.removeValue(forKey: mac), let ip = old.session.ipAddress, state.macByIP[ip] == mac {
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

    private static func insert(_ entry: Entry, into state: inout State) {
        let mac = entry.session.mac
        if let old = state.byMAC[mac], let ip = old.session.ipAddress, state.macByIP[ip] == mac {
            state.macByIP.removeValue(forKey: ip)
        }
        state.byMAC[mac] = entry
        if let ip = entry.session.ipAddress { state.macByIP[ip] = mac }
    }
}
