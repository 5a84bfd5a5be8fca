import Foundation
import Logging
import RelaisCore
import RelaisGateway
import RelaisNetfilter
import RelaisStore
import RelaisTesting
import Testing

/// The gateway over the real store and real nftables, in a network namespace the test creates.
@Suite(.serialized, .enabled(if: NetworkNamespace.isAvailable)) struct GatewayNFTablesTests {
    /// A gateway whose firewall was created inside `namespace`.
    static func gateway(in namespace: NetworkNamespace, capacity: Int) throws -> (Gateway, AppDatabase, ManualClock, StaticNeighbourTable, LogRecorder) {
        let firewall = try namespace.run { () throws -> NFTablesFirewall in
            try NFTablesFirewall(tableName: "relais", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        }
        let database = try AppDatabase.inMemory()
        let clock = ManualClock(Date())
        let neighbours = StaticNeighbourTable()
        let logs = LogRecorder()
        let gateway = Gateway(
            store: database, firewall: firewall, tracker: UnenforcedFirewall(), neighbours: neighbours,
            layout: FirewallLayout(
                tableName: "relais", lanInterface: "lan0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [],
                idleSeconds: 600, maxDevices: capacity),
            limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600), clocks: clock, logger: logs.logger())
        return (gateway, database, clock, neighbours, logs)
    }

    /// The MACs of one of the table's sets, as `nft` itself lists them.
    static func elements(_ set: String, in namespace: NetworkNamespace) throws -> Set<String> {
        let text = try namespace.exec("nft", "list", "set", "inet", "relais", set)
        let pattern = try NSRegularExpression(pattern: "([0-9a-f]{2}:){5}[0-9a-f]{2}")
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        return Set(matches.compactMap { Range($0.range, in: text).map { String(text[$0]) } })
    }

    @Test func aSweepRepairsAHandDeletionAndAStrayElement() async throws {
        try await NetworkNamespace.withNew { namespace in
            let (gateway, _, clock, _, logs) = try Self.gateway(in: namespace, capacity: 100)
            try await gateway.start()
            _ = try await gateway.authorize([phone, laptop])
            clock.advance(by: 10)
            try namespace.exec("nft", "delete", "element", "inet", "relais", "sessions", "{ \(phone) }")
            try namespace.exec("nft", "delete", "element", "inet", "relais", "active", "{ \(phone) }")
            try namespace.exec("nft", "add", "element", "inet", "relais", "sessions", "{ \(tablet) timeout 1h }")
            try namespace.exec("nft", "add", "element", "inet", "relais", "active", "{ \(tablet) timeout 10m }")

            let result = try await gateway.sweep()
            #expect(result.ended.isEmpty)
            #expect(result.straysRemoved == [tablet])
            #expect(result.regranted == [phone])
            let expected: Set = [phone.description, laptop.description]
            #expect(try Self.elements("sessions", in: namespace) == expected)
            #expect(try Self.elements("active", in: namespace) == expected)
            #expect(logs.all.contains { $0.level == .notice && $0.message == "firewall drift repaired" })
            #expect(try await gateway.sweep() == SweepResult())
            await gateway.stop()
        }
    }

    /// The kernel refuses a grant (its set is full of stray elements): the session the store admitted is
    /// ended there as `firewall-failure`; an operator's block then lands in store and kernel alike; the
    /// next sweep clears the strays and the visitor gets in.
    @Test func aFirewallFailureAndABlockLeaveStoreKernelAndDirectoryInAgreement() async throws {
        try await NetworkNamespace.withNew { namespace in
            // Capacity 1: the sets hold 2 elements; two strays fill them.
            let (gateway, database, clock, neighbours, _) = try Self.gateway(in: namespace, capacity: 1)
            try await gateway.start()
            let strays = [MACAddress("02:00:00:00:00:f1")!, MACAddress("02:00:00:00:00:f2")!]
            for stray in strays {
                try namespace.exec("nft", "add", "element", "inet", "relais", "sessions", "{ \(stray) timeout 1h }")
            }
            neighbours.set("192.0.2.10", phone)
            #expect(await gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") == .failed)
            #expect(try await database.liveSessions(at: clock.now).isEmpty)
            #expect(gateway.directory.count == 0)
            #expect(!(try Self.elements("sessions", in: namespace).contains(phone.description)))

            // The block and a second try race; whichever order they take, all three agree after.
            let block = Task { try await gateway.setBlocked([laptop], blocked: true) }
            _ = try await gateway.sweep()
            _ = try await block.value
            guard case .connected = await gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") else {
                Issue.record("the visitor should get in once the strays are gone"); return
            }
            #expect(try Self.elements("sessions", in: namespace) == [phone.description])
            #expect(try Self.elements("active", in: namespace) == [phone.description])
            #expect(try Self.elements("blocked", in: namespace) == [laptop.description])
            #expect(Set(try await database.liveSessions(at: clock.now).map(\.mac)) == [phone])
            #expect(Set(gateway.directory.allSessions().map(\.mac)) == [phone])
            #expect(gateway.directory.blockedDevices() == [laptop])
            await gateway.stop()
        }
    }
}
