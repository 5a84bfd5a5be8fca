import Foundation
import RelaisCore
import Testing
@testable import RelaisNetfilter
import RelaisTesting

/// `NFTablesFirewall` against the real kernel, each test in a namespace of its own.
@Suite(.enabled(if: NetworkNamespace.isAvailable, "needs root to create network namespaces"))
struct NFTablesFirewallTests {
    typealias F = FirewallFixture

    @Test func installCreatesTheTableWithItsSetsChainsAndElements() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(F.layout, grants: [F.grant(1, idle: 300), F.grant(2)], blocked: [F.mac(9)])
            let snapshot = try #require(try NFTablesSnapshot.read(namespace))
            #expect(Set(snapshot.sets.keys) == ["sessions", "active", "blocked", "preauth4", "preauth6"])
            #expect(Set(snapshot.chains) == ["prerouting", "input", "forward"])
            #expect(snapshot.ruleCount == 10)
            #expect(snapshot.sets["sessions"]?[F.mac(1).description]?.timeout == 3600)
            #expect(snapshot.sets["active"]?[F.mac(1).description]?.timeout == 300)
            // nft leaves out an element timeout equal to the set's default, and shows the time left.
            #expect((590...600).contains(snapshot.sets["active"]?[F.mac(2).description]?.expires ?? 0))
            #expect(snapshot.sets["blocked"].map { Set($0.keys) } == [F.mac(9).description])
            #expect(snapshot.sets["preauth4"].map { Set($0.keys) } == ["192.0.2.0/24", "198.51.100.7"])
            #expect(snapshot.sets["preauth6"].map { Set($0.keys) } == ["2001:db8::/64"])
            let text = try namespace.exec("nft", "list", "table", "inet", "relais")
            #expect(text.contains("iifname \"wlan0\" meta nfproto ipv4 tcp dport 80 redirect to :8080"))
            #expect(text.contains("timeout 10m"))  // the idle timeout refreshed by forwarded packets
        }
    }

    @Test func installTwiceReplacesEverythingInsteadOfAdding() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(F.layout, grants: [F.grant(1)], blocked: [F.mac(8)])
            try firewall.install(F.layout, grants: [F.grant(2)], blocked: [])
            let snapshot = try #require(try NFTablesSnapshot.read(namespace))
            #expect(snapshot.ruleCount == 10)
            #expect(snapshot.chains.count == 3)
            #expect(snapshot.sets["sessions"].map { Set($0.keys) } == [F.mac(2).description])
            #expect(snapshot.sets["blocked"]?.isEmpty == true)
        }
    }

    @Test func aFailedInstallLeavesThePreviousTableWhole() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(F.layout, grants: [F.grant(1)], blocked: [])
            // One more than the `active` set holds: the kernel refuses the batch at its very end.
            let tooMany = (100..<(100 + 65_536)).map { F.grant($0) }
            #expect(throws: FirewallError.self) { try firewall.install(F.layout, grants: tooMany, blocked: []) }
            let snapshot = try #require(try NFTablesSnapshot.read(namespace))
            #expect(snapshot.sets["sessions"].map { Set($0.keys) } == [F.mac(1).description])
            #expect(snapshot.ruleCount == 10)
        }
    }

    @Test func uninstallRemovesOnlyTheOwnedTableAndMayBeRepeated() throws {
        try F.withFirewall { firewall, namespace in
            try namespace.exec("nft", "-f", "-", input: """
                table inet foreign {
                  chain input { type filter hook input priority 0; policy accept; tcp dport 9 counter accept; }
                }

                """)
            let foreignBefore = try namespace.exec("nft", "list", "table", "inet", "foreign")
            try firewall.install(F.layout, grants: [F.grant(1)], blocked: [])
            try firewall.grant([F.grant(2)])
            #expect(try namespace.exec("nft", "list", "table", "inet", "foreign") == foreignBefore)
            try firewall.uninstall()
            #expect(try NFTablesSnapshot.read(namespace) == nil)
            try firewall.uninstall()
            #expect(try namespace.exec("nft", "list", "table", "inet", "foreign") == foreignBefore)
        }
    }

    @Test func aFailedCommandCarriesTheLibraryMessage() throws {
        try F.withFirewall { firewall, _ in
            // Nothing installed yet: the sets do not exist.
            let error = try #require(throws: FirewallError.self) { try firewall.grant([F.grant(1)]) }
            #expect(error.code == "grant")
            #expect(error.message.hasPrefix("Error:"))
            #expect(!error.message.contains(F.mac(1).description))
            #expect(throws: FirewallError.self) { try firewall.listing() }
        }
    }

    @Test func aLayoutForAnotherTableIsRefused() throws {
        try F.withFirewall { firewall, namespace in
            var layout = F.layout
            layout.tableName = "other"
            let error = try #require(throws: FirewallError.self) { try firewall.install(layout, grants: [], blocked: []) }
            #expect(error.code == "install")
            #expect(try namespace.exec("nft", "list", "tables").isEmpty)
        }
    }
}
