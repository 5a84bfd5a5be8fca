import Foundation
import RelaisCore
import Testing

/// The page a visitor gets when every NAT port block is leased.
@Suite struct ConnectActionNATTests {
    @Test func noFreePortBlockTellsTheVisitorToTryAgainInAFewMinutes() async throws {
        let portal = try await PortalFixture()
        // One block in the plan, taken by another device.
        portal.visitors.store.usePortBlocks(PortBlockPlan(publicAddress: "198.51.100.1", firstPort: 65_280, portsPerDevice: 256))
        portal.visitors.neighbours.set("192.0.2.60", MACAddress("02:00:5e:10:00:60")!)
        guard case .connected = await portal.visitors.acceptTerms(ipAddress: "192.0.2.60", termsVersion: "v1") else {
            Issue.record("the first device takes the only block"); return
        }
        let page = try await portal.connect()
        #expect(page.status == 503)
        #expect(page.text.contains("Trop d’appareils sont connectés en ce moment. Réessayez dans quelques minutes."))
        #expect(page.text.contains("Réessayer"), "a fresh form to try again")
        #expect(!page.text.contains("problème technique"))
        #expect(portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP) == nil)
    }
}
