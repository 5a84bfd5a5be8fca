import Foundation
import RelaisHTTP
import Testing

@Suite struct ProbeRedirectTests {
    static let probes = [
        "http://connectivitycheck.gstatic.com/generate_204",
        "http://clients3.google.com/generate_204",
        "http://connectivitycheck.android.com/generate_204",
        "http://www.google.com/gen_204",
        "http://connectivitycheck.platform.hicloud.com/generate_204",
        "http://captive.apple.com/hotspot-detect.html",
        "http://www.apple.com/library/test/success.html",
        "http://www.msftconnecttest.com/connecttest.txt",
        "http://www.msftconnecttest.com/redirect",
        "http://www.msftncsi.com/ncsi.txt",
        "http://detectportal.firefox.com/success.txt?ipv4",
        "http://detectportal.firefox.com/canonical.html",
        "http://connectivity-check.ubuntu.com/",
        "http://nmcheck.gnome.org/check_network_status.txt",
        "http://network-test.debian.org/nm",
        "http://ping.archlinux.org/nm-check.txt",
        "http://example.org/some/page?a=1&b=%C3%A9",
    ]

    @Test(arguments: probes) func unauthorizedDeviceIsSentToThePortal(_ url: String) async throws {
        let portal = try await PortalFixture()
        let answer = await portal.send(Self.request(portal, url))
        #expect(answer.status == 302)
        #expect(answer.location?.hasPrefix("http://192.0.2.1:2050/?continue=") == true)
        #expect(answer.locationQuery["continue"] == url)
        #expect(answer.header("cache-control") == "no-store")
        #expect(answer.response.body.isEmpty, "never the probe's success answer")
    }

    @Test(arguments: ["http://connectivitycheck.gstatic.com/generate_204", "http://captive.apple.com/hotspot-detect.html"])
    func connectedDeviceIsSentToItsStatus(_ url: String) async throws {
        let portal = try await PortalFixture()
        _ = try await portal.connect()
        let answer = await portal.send(Self.request(portal, url))
        #expect(answer.status == 302)
        #expect(answer.location == "http://192.0.2.1:2050/statut")
        #expect(!answer.text.contains("<form"))
    }

    @Test func redirectIsImmediateAndKeepsThePortalPort() async throws {
        let portal = try await PortalFixture()
        let request = Self.request(portal, "http://captive.apple.com/hotspot-detect.html", method: "POST")
        #expect(portal.responder.immediateResponse(to: request)?.status == 302)
    }

    @Test func missingHostOrHugeURLRedirectsWithoutContinue() async throws {
        let portal = try await PortalFixture()
        let bare = HTTPRequest(method: "GET", path: "/", clientAddress: PortalFixture.visitorIP)
        #expect(await portal.send(bare).location == "http://192.0.2.1:2050/")
        let long = portal.request("GET", "/" + String(repeating: "a", count: 3000), host: "example.org")
        #expect(await portal.send(long).location == "http://192.0.2.1:2050/")
    }

    static func request(_ portal: PortalFixture, _ url: String, method: String = "GET") -> HTTPRequest {
        let components = URLComponents(string: url)!
        return portal.request(method, components.percentEncodedPath + (components.percentEncodedQuery.map { "?\($0)" } ?? ""),
                              host: components.host!)
    }
}
