import Foundation
import RelaisCore
import RelaisTesting
import Testing
@testable import RelaisWeb

/// `/kiosk`, the hall screen: its content, its size, and QR codes a phone reads back.
@Suite struct KioskPageTests {
    static let ssid = #"Mairie "Wifi"; libre"#

    func kiosk(_ snapshot: HelpOfferSnapshot, query: String = "", placesURL: String = "") async throws -> TestResponse {
        let portal = try await PortalFixture(
            help: InMemoryHelpOffer(snapshot), kiosk: KioskSettings(ssid: Self.ssid, refreshSeconds: 45, placesURL: placesURL))
        return await portal.get("/kiosk" + query)
    }

    @Test func showsDutyWorkshopsPlacesAndRefreshes() async throws {
        let page = try await kiosk(HelpOfferSnapshotSamples.onDuty)
        #expect(page.status == 200)
        let text = page.text
        #expect(text.contains(#"<meta http-equiv="refresh" content="45">"#))
        #expect(text.contains(#"<body class="kiosk">"#))
        #expect(text.contains("<strong>Camille</strong> – jusqu’à 17 h"))
        #expect(text.contains("Premiers pas sur le smartphone</strong> – aujourd’hui à 14 h, Salle du conseil. 3 places libres."))
        #expect(text.contains("<strong>France services de Chauvigny</strong> – 9,8 km, jusqu’à 12 h 30"))
        // The closed médiathèque is not among the open places.
        #expect(!text.contains("La Passerelle"))
        #expect(!text.contains("<script") && !text.contains("<form"))
        #expect(page.response.body.count < 50_000)
    }

    @Test func nothingOpenSaysWhenHelpComesBack() async throws {
        let page = try await kiosk(HelpOfferSnapshotSamples.nothingOpen, query: "?lang=en")
        #expect(page.text.contains("Nobody at the moment."))
        #expect(page.text.contains("Centre social, 1.3 km from here, opens on 7/12 at 9:00."))
        #expect(page.text.contains("No workshop planned at the moment."))
        let none = try await kiosk(HelpOfferSnapshotSamples.noPlaces)
        #expect(none.text.contains("La liste des lieux d’aide n’est pas disponible."))
    }

    @Test func bothCodesDecodeToTheirExactTexts() async throws {
        let page = try await kiosk(HelpOfferSnapshotSamples.onDuty)
        let codes = svgs(in: page.text)
        #expect(codes.count == 2)
        #expect(try QRCodeReader.decode(svg: codes[0]) == #"WIFI:S:Mairie \"Wifi\"\; libre;T:nopass;;"#)
        #expect(try QRCodeReader.decode(svg: codes[1]) == "http://192.0.2.1:2050/aide/lieux")
        #expect(codes[0].contains(#"aria-label="QR code pour rejoindre le wifi Mairie &quot;Wifi&quot;; libre""#))
        let configured = try await kiosk(HelpOfferSnapshotSamples.onDuty, placesURL: "https://www.vienne.example/aidants?commune=86070")
        #expect(try QRCodeReader.decode(svg: svgs(in: configured.text)[1]) == "https://www.vienne.example/aidants?commune=86070")
    }

    @Test func noSSIDNoWifiCode() async throws {
        let portal = try await PortalFixture(
            help: InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty), kiosk: KioskSettings(ssid: "", refreshSeconds: 60, placesURL: ""))
        let page = await portal.get("/kiosk")
        #expect(svgs(in: page.text).count == 1)
        #expect(!page.text.contains("rejoindre le wifi"))
    }

    func svgs(in html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }
}
