import Foundation
import RelaisCore
import Testing
@testable import RelaisControl

@Suite struct ClientReportTests {
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
