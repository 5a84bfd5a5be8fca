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

    @Test func tellsTheNATBlocksInUseAndWhenThePoolIsFull() {
        var status = RecordingHandler.status
        status.nat = NATStatus(mode: "port-blocks", publicAddress: "198.51.100.1", portsPerDevice: 256, leasedBlocks: 3, totalBlocks: 252)
        #expect(StatusSummary.render(status).hasSuffix(
            "Appareils bloqués : 1\nNAT : 3 blocs de ports utilisés sur 252 (256 ports par appareil, 198.51.100.1)\n"))
        status.nat?.leasedBlocks = 252
        #expect(StatusSummary.render(status).contains("— complet : les nouveaux visiteurs sont invités à réessayer"))
        status.nat = NATStatus(mode: "none")
        #expect(StatusSummary.render(status).hasSuffix("NAT : aucune (faite ailleurs que sur cette box)\n"))
    }

    @Test func warnsWhenNothingIsEnforced() {
        var status = RecordingHandler.status
        status.firewallMode = "none"
        #expect(StatusSummary.render(status).contains("Pare-feu : aucun (mode développement : rien n'est filtré !)"))
    }

    @Test func batchSummaryCountsAndListsWhatWasLeftAlone() {
        let all = macs(25)
        let outcome = BatchOutcome(affected: 3, unchanged: Array(all.prefix(22)), invalid: [all[24]])
        let text = BatchSummary.render(outcome, verb: BlockCommand.verb)
        #expect(text.hasPrefix("3 appareils bloqués.\n22 inchangés (déjà dans cet état, ou bloqué) :\n  02:00:00:00:00:00\n"))
        #expect(text.contains("  … et 2 autres\n1 refusé (adresse de groupe ou nulle) :\n  02:00:00:00:00:18\n"))
        #expect(BatchSummary.render(BatchOutcome(affected: 1), verb: AuthorizeCommand.verb) == "1 appareil autorisé.\n")
    }

    @Test func refusalSaysWhichAddressesAndWhy() {
        #expect(BatchSummary.refusal(BatchOutcome(affected: 1)) == nil)
        let refused = [MACAddress(rawValue: 0xFFFF_FFFF_FFFF), MACAddress(rawValue: 0x0100_5E00_0001), MACAddress(rawValue: 0)]
        #expect(BatchSummary.refusal(BatchOutcome(affected: 0, invalid: refused))
            == "3 adresses refusées : ff:ff:ff:ff:ff:ff (adresse de diffusion, pas un appareil), "
            + "01:00:5e:00:00:01 (adresse de groupe (multicast), pas un appareil), 00:00:00:00:00:00 (adresse nulle, pas un appareil)")
    }
}
