import Foundation
import Logging
import RelaisCore
import RelaisCrypto
import RelaisGateway
@testable import RelaisStore
import RelaisTesting
import Testing

/// A gateway over the real store (SQLite in memory), the in-memory firewall and neighbour table, and
/// hand-moved clocks.
struct Rig {
    let store: any SessionStore
    let database: AppDatabase
    let firewall = InMemoryFirewall()
    let neighbours = StaticNeighbourTable()
    let clock = ManualClock()
    let limits = SessionLimits(sessionSeconds: 3600, idleSeconds: 600)
    let logs = LogRecorder()
    let gateway: Gateway

    init(capacity: Int = 100, wrap: (AppDatabase) -> any SessionStore = { $0 }) throws {
        database = try AppDatabase.inMemory(legalSealer: KeyRingSealer(ring: .new(secret: SystemRandomSource().bytes(32), at: Date())))
        store = wrap(database)
        gateway = Self.makeGateway(store: store, firewall: firewall, neighbours: neighbours, clock: clock, limits: limits, logs: logs, capacity: capacity)
    }

    /// Another gateway over the same store and kernel: the daemon after a restart.
    func makeGateway(capacity: Int = 100) -> Gateway {
        Self.makeGateway(store: store, firewall: firewall, neighbours: neighbours, clock: clock, limits: limits, logs: logs, capacity: capacity)
    }

    static func makeGateway(
        store: any SessionStore, firewall: InMemoryFirewall, neighbours: StaticNeighbourTable, clock: ManualClock,
        limits: SessionLimits, logs: LogRecorder, capacity: Int
    ) -> Gateway {
        Gateway(
            store: store, firewall: firewall, tracker: firewall, neighbours: neighbours,
            layout: FirewallLayout(
                tableName: "relais", lanInterface: "lan0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [],
                idleSeconds: 600, maxDevices: capacity),
            limits: limits, clocks: clock, logger: logs.logger())
    }

    /// Every session row, open or ended, in id order.
    func allSessions() async throws -> [Session] {
        try await database.sessionHistory()
    }

    /// Store, kernel (the twin) and directory tell the same story: the devices with an open session are
    /// exactly those granted and those in the directory, and blocked devices have none.
    func expectAgreement(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let open = Set(try await allSessions().filter { $0.endedAt == nil }.map(\.mac))
        let granted = Set(firewall.contents.grants.keys)
        let listed = Set(gateway.directory.allSessions().map(\.mac))
        #expect(open == granted, "store and firewall differ", sourceLocation: sourceLocation)
        #expect(open == listed, "store and directory differ", sourceLocation: sourceLocation)
        let blocked = try await store.blockedDevices()
        #expect(blocked == firewall.contents.blocked, sourceLocation: sourceLocation)
        #expect(blocked == gateway.directory.blockedDevices(), sourceLocation: sourceLocation)
        #expect(open.isDisjoint(with: blocked), sourceLocation: sourceLocation)
    }
}

let phone = MACAddress("02:00:00:00:00:01")!
let laptop = MACAddress("02:00:00:00:00:02")!
let tablet = MACAddress("02:00:00:00:00:03")!

extension AppDatabase {
    /// Every session row, open or ended, in id order: what a test checks the gateway wrote. An ended row
    /// keeps no MAC or IP (v3-session-minimized): they are read back from its sealed legal log entry.
    func sessionHistory() async throws -> [Session] {
        let sealer = legalSealer
        return try await read("test") { db in
            let columns = SessionRecord.selection.replacingOccurrences(of: "mac,", with: "COALESCE(mac, '00:00:00:00:00:00'),")
            let stored = try SessionRecord.fetchAll(try db.cachedStatement("SELECT \(columns) FROM session ORDER BY id"))
            return try stored.map { session in
                guard session.endedAt != nil, let sealer, let id = session.id,
                      let sealed = try Self.storedEntry(db, sessionID: id) else { return session }
                let entry = try Self.openEntry(sealed, sessionID: id, sealer: sealer)
                var restored = session
                restored.mac = entry.mac
                restored.ipAddress = entry.privateIPv4 ?? entry.ipv6Addresses.first
                return restored
            }
        }
    }
}
