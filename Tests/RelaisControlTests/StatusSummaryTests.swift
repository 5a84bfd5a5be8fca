import RelaisCore
import Testing
@testable import RelaisControl

@Suite struct StatusSummaryTests {
    @Test func summarisesTheDaemon() {
        #expect(StatusSummary.render(RecordingHandler.status) == """
            relais 0.1.0, en service depuis 1 h 02
            Pare-feu : nftables
            Interface : wlan0
            Portail : http://192.168.50.1:2050/
            Sessions actives : 3
            Appareils bloqués : 1

            """)
    }

    @Test func warnsWhenNothingIsEnforced() {
        var status = RecordingHandler.status
        status.firewallMode = "none"
        #expect(StatusSummary.render(status).contains("Pare-feu : aucun (mode développement : rien n'est filtré !)"))
    }

    @Test func batchSummaryCountsAndListsWhatWasLeftAlone() {
        let all = macs(25)
        let response = ControlResponse.batch(affected: 3, unchanged: Array(all.prefix(22)), invalid: [all[24]])
        let text = BatchSummary.render(response, for: .block(all))
        #expect(text.hasPrefix("3 appareils bloqués.\n22 inchangés (déjà dans cet état, ou bloqué) :\n  02:00:00:00:00:00\n"))
        #expect(text.contains("  … et 2 autres\n1 refusé (adresse de groupe ou nulle) :\n  02:00:00:00:00:18\n"))
        #expect(BatchSummary.render(.batch(affected: 1), for: .authorize(all)) == "1 appareil autorisé.\n")
    }
}
