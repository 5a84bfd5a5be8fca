import Foundation
import Logging
import RelaisCore
import RelaisGateway
import RelaisNetfilter
import RelaisStore
import RelaisTesting
import Testing

/// The sweep over real nftables puts the NAT map back in step with the live sessions.
@Suite(.serialized, .enabled(if: NetworkNamespace.isAvailable)) struct GatewayNATDriftTests {
    static let plan = PortBlockPlan(publicAddress: "198.51.100.1", firstPort: 1024, portsPerDevice: 256)!

    @Test func aSweepRebuildsAMapEditedByHand() async throws {
        try await NetworkNamespace.withNew { namespace in
            let firewall = try namespace.run { () throws -> NFTablesFirewall in
                try NFTablesFirewall(tableName: "relais", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            }
            let database = try AppDatabase.inMemory()
            database.usePortBlocks(Self.plan)
            let clock = ManualClock(Date()), neighbours = StaticNeighbourTable(), logs = LogRecorder()
            let gateway = Gateway(
                store: database, firewall: firewall, tracker: UnenforcedFirewall(), neighbours: neighbours,
                layout: FirewallLayout(
                    tableName: "relais", lanInterface: "lan0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [],
                    idleSeconds: 600, maxDevices: 100, nat: NATLayout(uplinkInterface: "wan0")),
                limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600), clocks: clock, logger: logs.logger())
            try await gateway.start()
            neighbours.set("192.0.2.10", phone)
            neighbours.set("192.0.2.11", laptop)
            _ = await gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
            _ = await gateway.acceptTerms(ipAddress: "192.0.2.11", termsVersion: "v1")
            let expected = ["192.0.2.10": "198.51.100.1 . 1024-1279", "192.0.2.11": "198.51.100.1 . 1280-1535"]
            #expect(try Self.map(in: namespace) == expected)
            #expect(try await gateway.sweep() == SweepResult())
            #expect(!logs.all.contains { $0.message.hasPrefix("firewall NAT map drift repaired") })

            clock.advance(by: 10)
            try namespace.exec("nft", "delete", "element", "inet", "relais", "nat4", "{ 192.0.2.10 }")
            try namespace.exec("nft", "delete", "element", "inet", "relais", "nat4", "{ 192.0.2.11 }")
            try namespace.exec("nft", "add", "element", "inet", "relais", "nat4", "{ 192.0.2.11 : 198.51.100.1 . 5000-5255 }")
            try namespace.exec("nft", "add", "element", "inet", "relais", "nat4", "{ 192.0.2.99 : 198.51.100.1 . 6000-6255 }")
            _ = try await gateway.sweep()
            #expect(try Self.map(in: namespace) == expected)
            let notice = logs.all.first { $0.message.hasPrefix("firewall NAT map drift repaired") }
            #expect(notice?.metadata["nat.wrong_or_missing"] == "2")
            #expect(notice?.metadata["nat.strays"] == "1")
            #expect(try firewall.listing().passing == [phone, laptop])
            // The tracked bindings follow the rebuilt map: a logout removes the element cleanly.
            _ = await gateway.logout(ipAddress: "192.0.2.10")
            #expect(try Self.map(in: namespace) == ["192.0.2.11": "198.51.100.1 . 1280-1535"])
            await gateway.stop()
        }
    }

    /// The map's elements as `nft` prints them: private address → "public . first-last".
    static func map(in namespace: NetworkNamespace) throws -> [String: String] {
        let text = try namespace.exec("nft", "list", "map", "inet", "relais", "nat4")
        let pattern = try NSRegularExpression(pattern: #"([0-9.]+) : ([0-9.]+ \. [0-9]+-[0-9]+)"#)
        var elements: [String: String] = [:]
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let key = Range(match.range(at: 1), in: text), let value = Range(match.range(at: 2), in: text) else { continue }
            elements[String(text[key])] = String(text[value])
        }
        return elements
    }
}
