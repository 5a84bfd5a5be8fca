import Foundation
import RelaisCore
import Testing
@testable import RelaisControl

@Suite struct ClientTableTests {
    let paris = TimeZone(identifier: "Europe/Paris")!
    // 2026-09-21 14:00 in Paris (UTC+2).
    let now = Date(timeIntervalSince1970: 1_789_992_000)

    @Test func rendersAlignedColumnsInFrench() {
        let reports = [
            ClientReport(
                mac: MACAddress("aa:bb:cc:dd:ee:01")!, ipAddress: "192.168.50.23", origin: .portal,
                startedAt: now.addingTimeInterval(-3000), expiresAt: now.addingTimeInterval(11_400),
                secondsRemaining: 11_400, idleSeconds: 1800, termsVersion: "2026-11"),
            ClientReport(
                mac: MACAddress("aa:bb:cc:dd:ee:02")!, ipAddress: nil, origin: .operator,
                startedAt: now.addingTimeInterval(-86_400), expiresAt: now.addingTimeInterval(45),
                secondsRemaining: 45, idleSeconds: 600, termsVersion: nil),
        ]
        let expected = """
            MAC                IP             ORIGINE    DÉBUT        RESTE   INACTIVITÉ MAX
            aa:bb:cc:dd:ee:01  192.168.50.23  portail    13:10        3 h 10  30 min
            aa:bb:cc:dd:ee:02  -              opérateur  20/09 14:00  45 s    10 min
            2 appareils connectés.

            """
        #expect(ClientTable.render(reports, now: now, timeZone: paris) == expected)
    }

    @Test func emptyListSaysSo() {
        #expect(ClientTable.render([], now: now) == "Aucun appareil connecté.\n")
    }

    @Test func durationsAreShortAndFrench() {
        #expect(DurationText.format(seconds: 0) == "0 s")
        #expect(DurationText.format(seconds: 59) == "59 s")
        #expect(DurationText.format(seconds: 60) == "1 min")
        #expect(DurationText.format(seconds: 3600 + 5 * 60) == "1 h 05")
        #expect(DurationText.format(seconds: 2 * 86_400 + 3 * 3600) == "2 j 3 h 00")
        #expect(DurationText.format(seconds: -5) == "0 s")
    }
}
