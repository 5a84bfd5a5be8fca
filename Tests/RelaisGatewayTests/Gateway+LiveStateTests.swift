import Foundation
import Logging
import RelaisCore
import RelaisCrypto
import RelaisGateway
@testable import RelaisStore
import RelaisTesting
import Synchronization
import Testing

/// A neighbour table that knows IPv4 (ARP) and IPv6 (NDP) neighbours, filled by the test.
final class DualStackNeighbours: NeighbourTable {
    private let entries = Mutex<[IPAddress: MACAddress]>([:])

    func set(_ address: IPAddress, _ mac: MACAddress) { entries.withLock { $0[address] = mac } }

    func macAddress(for ipAddress: IPAddress) -> MACAddress? { entries.withLock { $0[ipAddress.normalized] } }

    func ipv6Addresses(of mac: MACAddress) -> [IPAddress] {
        entries.withLock { $0.filter { !$0.key.isIPv4 && $0.value == mac }.map(\.key) }
    }
}

@Suite struct GatewayLiveStateTests {
    @Test func theSweepRecordsIPv6AddressesAndTheEntryKeepsThemAtTheEnd() async throws {
        let sealer = KeyRingSealer(ring: .new(secret: SystemRandomSource().bytes(32), at: Date()))
        let database = try AppDatabase.temporary(legalSealer: sealer)
        let neighbours = DualStackNeighbours()
        let clock = ManualClock()
        let gateway = Gateway(
            store: database, firewall: InMemoryFirewall(), tracker: InMemoryFirewall(), neighbours: neighbours,
            layout: FirewallLayout(
                tableName: "relais", lanInterface: "lan0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [],
                idleSeconds: 600, maxDevices: 10),
            limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600), clocks: clock, logger: LogRecorder().logger())
        try await gateway.start()
        neighbours.set("192.0.2.10", phone)
        guard case .connected = await gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") else {
            Issue.record("not connected")
            return
        }
        neighbours.set("2001:db8::10", phone)
        try await gateway.sweep()
        neighbours.set("2001:db8::11", phone)
        try await gateway.sweep()
        let ended = try #require(await gateway.logout(ipAddress: "192.0.2.10"))
        let id = try #require(ended.id)
        let entry = try await database.read("test") { db in
            try Self.open(db, id, sealer)
        }
        #expect(entry?.mac == phone)
        #expect(entry?.privateIPv4 == IPAddress("192.0.2.10"))
        #expect(entry?.ipv6Addresses == ["2001:db8::10", "2001:db8::11"])
        #expect(entry?.endReason == .visitorLogout)
        #expect(try await database.read("test") { db in try db.integer("SELECT COUNT(*) FROM legal_live_ipv6") } == 0)
    }

    static func open(_ db: SQLiteConnection, _ id: Int64, _ sealer: KeyRingSealer) throws -> LegalEntry? {
        try AppDatabase.storedEntry(db, sessionID: id).map { try AppDatabase.openEntry($0, sessionID: id, sealer: sealer) }
    }
}
