import Foundation
import RelaisCore
import Testing

/// Before NTP has set the clock of a box without a battery, the visitor is told to try again in a minute.
@Suite struct ClockNotSetPageTests {
    @Test func theVisitorIsAskedToRetryInAMinuteInTheirLanguage() async throws {
        let portal = try await PortalFixture()
        portal.clock.jumpWall(by: -portal.clock.now.timeIntervalSince1970 + 90)  // booted in 1970
        let refused = try await portal.connect()
        #expect(refused.status == 503)
        #expect(refused.text.contains("La borne règle son horloge, réessayez dans une minute."))
        #expect(portal.visitors.directory.count == 0)
        #expect(portal.visitors.firewall.contents.grants.isEmpty)
        _ = try BrowserForm.find(in: refused.text, action: "/connexion")  // « Réessayer »

        let english = await portal.submit(try BrowserForm.find(in: await portal.get("/?lang=en").text, action: "/connexion"))
        #expect(english.text.contains("The hotspot is setting its clock, try again in a minute."))

        portal.clock.jumpWall(by: 1_790_000_000)  // NTP
        #expect(try await portal.connect().status == 200)
        #expect(portal.visitors.directory.count == 1)
    }
}
