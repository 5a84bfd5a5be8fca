import Foundation
import Testing

@Suite struct CaptiveAPITests {
    func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.response.body)) as? [String: Any])
    }

    @Test func captiveUntilAccepted() async throws {
        let portal = try await PortalFixture()
        let before = await portal.get("/api/captive")
        #expect(before.status == 200)
        #expect(before.header("content-type") == "application/captive+json")
        #expect(before.header("cache-control") == "private")
        let document = try json(before)
        #expect(document["captive"] as? Bool == true)
        #expect(document["user-portal-url"] as? String == "http://192.0.2.1:2050/")
        #expect(document["venue-info-url"] as? String == "https://mairie.example/wifi")
        #expect(document["seconds-remaining"] == nil)

        _ = try await portal.connect()
        portal.clock.advance(by: 100)
        let after = try json(await portal.get("/api/captive"))
        #expect(after["captive"] as? Bool == false)
        #expect(after["seconds-remaining"] as? Int == 4 * 3600 - 100)
        #expect(after["can-extend-session"] as? Bool == false)
    }

    @Test func noVenueInfoWhenNotConfigured() async throws {
        let portal = try await PortalFixture(venueInfoURL: "")
        #expect(try json(await portal.get("/api/captive"))["venue-info-url"] == nil)
    }
}
