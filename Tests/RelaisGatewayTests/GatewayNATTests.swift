import Foundation
import RelaisCore
import RelaisGateway
@testable import RelaisStore
import RelaisTesting
import Testing

/// The gateway with NAT port blocks: each admitted device's block reaches the firewall with its address.
@Suite struct GatewayNATTests {
    static let plan = PortBlockPlan(publicAddress: "198.51.100.1", firstPort: 65_536 - 2 * 256, portsPerDevice: 256)!

    /// A gateway over the rig's store and twins, with NAT in its layout and two blocks in the store's plan.
    static func natGateway(_ rig: Rig) -> Gateway {
        rig.database.usePortBlocks(plan)
        return Gateway(
            store: rig.store, firewall: rig.firewall, tracker: rig.firewall, neighbours: rig.neighbours,
            layout: FirewallLayout(
                tableName: "relais", lanInterface: "lan0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [],
                idleSeconds: 600, maxDevices: 100, nat: NATLayout(uplinkInterface: "wan0")),
            limits: rig.limits, clocks: rig.clock, logger: rig.logs.logger())
    }

    @Test func admittedDevicesAreGrantedWithTheirBlockAndAFullPoolIsToldClearly() async throws {
        let rig = try Rig()
        let gateway = Self.natGateway(rig)
        try await gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        rig.neighbours.set("192.0.2.11", laptop)
        rig.neighbours.set("192.0.2.12", tablet)
        guard case .connected(let first) = await gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1"),
              case .connected(let second) = await gateway.acceptTerms(ipAddress: "192.0.2.11", termsVersion: "v1") else {
            Issue.record("both devices should connect"); return
        }
        #expect(first.portBlock == Self.plan.block(at: 0))
        #expect(second.portBlock == Self.plan.block(at: 1))
        let grants = rig.firewall.contents.grants
        #expect(grants[phone]?.nat == NATBinding(privateAddress: "192.0.2.10", block: Self.plan.block(at: 0)!))
        #expect(grants[laptop]?.nat == NATBinding(privateAddress: "192.0.2.11", block: Self.plan.block(at: 1)!))

        #expect(await gateway.acceptTerms(ipAddress: "192.0.2.12", termsVersion: "v1") == .denied(.portBlocksExhausted))
        #expect(await gateway.acceptTerms(ipAddress: "192.0.2.12", termsVersion: "v1") == .denied(.portBlocksExhausted))
        let warnings = rig.logs.all.filter { $0.level == .warning && $0.message.hasPrefix("port blocks exhausted") }
        #expect(warnings.count == 1)
        #expect(!rig.logs.textAboveDebug.contains("192.0.2.12"))
        #expect(!rig.logs.textAboveDebug.contains(tablet.description))
        #expect(rig.firewall.contents.grants[tablet] == nil)

        // The laptop leaves: its block goes to the tablet.
        _ = await gateway.logout(ipAddress: "192.0.2.11")
        guard case .connected(let third) = await gateway.acceptTerms(ipAddress: "192.0.2.12", termsVersion: "v1") else {
            Issue.record("a freed block should admit the tablet"); return
        }
        #expect(third.portBlock?.index == 1)
        #expect(Set(rig.firewall.contents.grants.keys) == [phone, tablet])
        #expect(rig.firewall.contents.grants[tablet]?.nat?.block.index == 1)
    }

    @Test func aRestartGrantsTheLiveSessionsWithTheirBlocksAgain() async throws {
        let rig = try Rig()
        let gateway = Self.natGateway(rig)
        try await gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        _ = await gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        let restarted = Self.natGateway(rig)
        try await restarted.start()
        #expect(rig.firewall.contents.installCount == 2)
        #expect(rig.firewall.contents.grants[phone]?.nat == NATBinding(privateAddress: "192.0.2.10", block: Self.plan.block(at: 0)!))
        #expect(restarted.directory.session(for: phone)?.portBlock == Self.plan.block(at: 0))
    }

    @Test func withoutNATInTheLayoutGrantsCarryNoBinding() async throws {
        let rig = try Rig()
        rig.database.usePortBlocks(Self.plan)
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        #expect(rig.firewall.contents.grants[phone] != nil)
        #expect(rig.firewall.contents.grants[phone]?.nat == nil)
    }
}
