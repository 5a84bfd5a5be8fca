import Foundation
import RelaisCore
import Testing
@testable import RelaisControl

@Suite struct ControlRequestTests {
    @Test func wireFormIsACommandAndItsMACs() throws {
        let mac = try #require(MACAddress("AA:BB:CC:DD:EE:FF"))
        #expect(String(decoding: try ControlWire.line(ControlRequest.block([mac])), as: UTF8.self)
            == #"{"command":"block","macs":["aa:bb:cc:dd:ee:ff"]}"# + "\n")
        #expect(String(decoding: try ControlWire.line(ControlRequest.status), as: UTF8.self) == #"{"command":"status"}"# + "\n")
    }

    @Test(arguments: [
        ControlRequest.status, .clients, .authorize([MACAddress(rawValue: 1)]), .deauthorize([]),
        .block([MACAddress(rawValue: 2), MACAddress(rawValue: 3)]), .unblock([MACAddress(rawValue: 4)]),
    ])
    func everyRequestDecodesBack(_ request: ControlRequest) throws {
        let decoded = try ControlWire.decoder().decode(ControlRequest.self, from: Data(try ControlWire.line(request)))
        #expect(decoded == request)
    }

    @Test func responseWithDatesDecodesBack() throws {
        let response = ControlResponse.clients([RecordingHandler.client])
        let decoded = try ControlWire.decoder().decode(ControlResponse.self, from: Data(try ControlWire.line(response)))
        #expect(decoded == response)
    }

    @Test func unknownCommandIsExplainedInFrench() {
        #expect(throws: DecodingError.self) {
            try ControlWire.decoder().decode(ControlRequest.self, from: Data(#"{"command":"reboot"}"#.utf8))
        }
        do {
            _ = try ControlWire.decoder().decode(ControlRequest.self, from: Data(#"{"command":"authorize"}"#.utf8))
            Issue.record("a batch command without macs must not decode")
        } catch {
            #expect(ControlWire.explain(error) == "requête invalide : champ « macs » manquant")
        }
    }

    @Test func reportFromSessionCarriesItsFields() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let session = Session.open(
            mac: MACAddress(rawValue: 0x0200_0000_0001), ipAddress: "192.168.50.9", origin: .portal,
            termsVersion: "2026-11", limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600), now: now)
        let report = ClientReport(session: session, now: now.addingTimeInterval(100))
        #expect(report.secondsRemaining == 3500)
        #expect(report.idleSeconds == 600)
        #expect(report.expiresAt == now.addingTimeInterval(3600))
        #expect(report.ipAddress == "192.168.50.9")
        #expect(report.termsVersion == "2026-11")
    }
}
