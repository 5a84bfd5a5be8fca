import Foundation
import RelaisCore
import RelaisCrypto
import RelaisGateway
@testable import RelaisStore
import RelaisTesting
import Testing

/// Consent through the gateway over the real store: a ticked box remembers the device, a remembered
/// device passes without the portal, withdrawal and expiry end that, and access never depends on it.
@Suite struct GatewayConsentTests {
    let rig: Rig
    let gateway: Gateway
    let hasher: DeviceHasher
    let address: IPAddress = "192.0.2.10"
    let shown = NoticeShown(version: String(repeating: "c", count: 64), textSHA256: String(repeating: "d", count: 64))

    init() throws {
        rig = try Rig()
        hasher = DeviceHasher(authenticator: try HMACSHA256Authenticator(key: Array(repeating: 0x42, count: 32)))
        gateway = Self.makeGateway(rig: rig, hasher: hasher)
        rig.neighbours.set(address, phone)
    }

    func makeGateway(hasher: DeviceHasher?? = .none) -> Gateway {
        Self.makeGateway(rig: rig, hasher: hasher ?? self.hasher)
    }

    static func makeGateway(rig: Rig, hasher: DeviceHasher?) -> Gateway {
        Gateway(
            store: rig.database, firewall: rig.firewall, tracker: rig.firewall, neighbours: rig.neighbours,
            layout: FirewallLayout(tableName: "relais", lanInterface: "lan0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [],
                                   idleSeconds: 600, maxDevices: 100),
            limits: rig.limits, clocks: rig.clock, logger: rig.logs.logger(),
            consent: GatewayConsent(store: rig.database, hasher: hasher,
                                    policy: ConsentSettings(rememberDays: 30, extraPurposes: [
                                        .init(id: "lettre", retentionDays: 90, label: [:], explanation: [:]),
                                    ]).policy))
    }

    func accept(ticking: Set<String>, on gateway: Gateway? = nil) async -> VisitorAcceptOutcome {
        await (gateway ?? self.gateway).acceptTerms(ipAddress: address, termsVersion: shown.version, consent: ConsentChoice(ticked: ticking, notice: shown))
    }

    @Test func withoutConsentTheVisitorIsAdmittedAlike() async throws {
        try await gateway.start()
        guard case .connected(let session) = await accept(ticking: []) else { Issue.record("refused"); return }
        #expect(session.termsVersion == shown.version)
        #expect(!gateway.isRemembered(mac: phone))
        #expect(try rig.database.withConnection { db in try db.integer("SELECT COUNT(*) FROM consent") } == 0)
    }

    @Test func aRememberedDeviceReconnectsWithTheVersionOfItsConsent() async throws {
        try await gateway.start()
        guard case .connected = await accept(ticking: ["remember-device"]) else { Issue.record("refused"); return }
        #expect(gateway.isRemembered(mac: phone))
        #expect(try await rig.database.rememberedConsent(for: hasher.hash(phone), at: rig.clock.now) != nil)
        _ = await gateway.logout(ipAddress: address)
        #expect(gateway.remembersDevice(at: address))

        rig.clock.advance(by: 29 * 86_400)
        let session = try #require(await gateway.reconnectRemembered(ipAddress: address))
        #expect(session.origin == .portal)
        #expect(session.termsVersion == shown.version)
        #expect(rig.firewall.contents.grants[phone] != nil)
        #expect(gateway.directory.session(for: phone)?.id == session.id)
        #expect(try await rig.allSessions().filter { $0.endedAt == nil }.map(\.mac) == [phone])
        #expect(rig.logs.all.contains { $0.message == "remembered device reconnected" && $0.level == .info })
        #expect(!rig.logs.textAboveDebug.contains("\(phone)"), "no MAC above debug")
    }

    @Test func afterARestartRememberedDevicesAreKnownFromTheStore() async throws {
        try await gateway.start()
        _ = await accept(ticking: ["remember-device"])
        _ = await gateway.logout(ipAddress: address)
        let restarted = makeGateway()
        try await restarted.start()
        #expect(restarted.remembersDevice(at: address))
        #expect(await restarted.reconnectRemembered(ipAddress: address) != nil)
    }

    @Test func expiryEndsTheReconnection() async throws {
        try await gateway.start()
        _ = await accept(ticking: ["remember-device"])
        _ = await gateway.logout(ipAddress: address)
        rig.clock.advance(by: 30 * 86_400)
        #expect(!gateway.remembersDevice(at: address))
        #expect(await gateway.reconnectRemembered(ipAddress: address) == nil)
        #expect(rig.firewall.contents.grants[phone] == nil)
        #expect(try await rig.database.purgeExpiredConsents(now: rig.clock.now, limit: 10) == 2)
    }

    @Test func withdrawalForgetsTheDeviceAtOnceAndKeepsTheSession() async throws {
        try await gateway.start()
        _ = await accept(ticking: ["remember-device"])
        #expect(await gateway.forgetDevice(ipAddress: address))
        #expect(!gateway.isRemembered(mac: phone))
        #expect(gateway.directory.session(for: phone) != nil, "the connection goes on")
        _ = await gateway.logout(ipAddress: address)
        #expect(await gateway.reconnectRemembered(ipAddress: address) == nil)
        #expect(await gateway.forgetDevice(ipAddress: address) == false)
    }

    @Test func aBlockedRememberedDeviceIsNotLetThrough() async throws {
        try await gateway.start()
        _ = await accept(ticking: ["remember-device"])
        _ = try await gateway.setBlocked([phone], blocked: true)
        #expect(await gateway.reconnectRemembered(ipAddress: address) == nil)
        #expect(rig.firewall.contents.grants[phone] == nil)
    }

    @Test func withoutTheKeyNothingIsRememberedButOtherPurposesAreRecorded() async throws {
        let keyless = makeGateway(hasher: .some(nil))
        try await keyless.start()
        guard case .connected = await accept(ticking: ["remember-device", "lettre"], on: keyless) else { Issue.record("refused"); return }
        #expect(!keyless.isRemembered(mac: phone))
        let rows = try rig.database.withConnection { db in
            [try db.integer("SELECT COUNT(*) FROM consent"), try db.integer("SELECT COUNT(*) FROM remembered_device")]
        }
        #expect(rows == [1, 0])
    }
}
