import RelaisCore
import Testing
@testable import RelaisNetfilter

/// Reading the text listing libnftables 1.0.6 prints for one set of the owned table.
struct NFTablesListingTests {
    /// As printed for `list set inet relais sessions` (tabs and the wrapped second line kept).
    static let sessions = """
        table inet relais {
        \tset sessions {
        \t\ttype ether_addr
        \t\tflags timeout
        \t\telements = { 02:00:00:00:00:01 timeout 1h expires 59m59s988ms,
        \t\t\t     02:00:00:00:00:02 timeout 1m40s expires 1m39s988ms }
        \t}
        }

        """

    static func mac(_ n: Int) -> MACAddress { MACAddress(rawValue: 0x02_00_00_00_00_00 | UInt64(n)) }

    @Test func readsWrappedTimedElements() throws {
        let listing = try NFTablesListing.parse(Self.sessions)
        #expect(listing.setName == "sessions")
        #expect(listing.elements == [Self.mac(1), Self.mac(2)])
        #expect(!listing.hasRepeatedElements)
    }

    @Test func readsPlainElementsOnOneLine() throws {
        let text = "table inet relais {\n\tset blocked {\n\t\ttype ether_addr\n\t\telements = { 02:00:00:00:00:03, 02:00:00:00:00:04 }\n\t}\n}\n"
        #expect(try NFTablesListing.parse(text).elements == [Self.mac(3), Self.mac(4)])
    }

    @Test func anEmptySetHasNoElementsLine() throws {
        let text = "table inet relais {\n\tset active {\n\t\ttype ether_addr\n\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout 10m\n\t}\n}\n"
        let listing = try NFTablesListing.parse(text)
        #expect(listing.setName == "active")
        #expect(listing.elements.isEmpty)
    }

    /// An unreadable listing must fail: read as empty, it would end every session as idle.
    @Test(arguments: [
        "",
        "Error: No such file or directory",
        "table inet relais {\n\tset sessions {\n\t\telements = { 02:00:00:00:00:01,\n",
        "table inet relais {\n\tset sessions {\n\t\telements = { 192.0.2.1 }\n\t}\n}\n",
        "table inet relais {\n\tset a {\n\t}\n\tset b {\n\t}\n}\n",
    ])
    func unreadableListingsAreListErrors(_ text: String) throws {
        let error = try #require(throws: FirewallError.self) { try NFTablesListing.parse(text) }
        #expect(error.code == "list")
    }

    @Test func repeatedElementsMarkADumpTakenDuringARehash() throws {
        let repeated = Self.sessions.replacing("02:00:00:00:00:02", with: "02:00:00:00:00:01")
        #expect(try NFTablesListing.parse(repeated).hasRepeatedElements)
        #expect(try NFTablesListing.parse(repeated).macAddresses == [Self.mac(1)])
    }
}
