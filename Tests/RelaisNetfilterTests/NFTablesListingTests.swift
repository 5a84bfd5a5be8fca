import RelaisCore
import Testing
@testable import RelaisNetfilter

/// Reading the JSON listing libnftables 1.0.6 prints for the owned table.
struct NFTablesListingTests {
    static let json = """
        {"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}},
        {"table": {"family": "inet", "name": "relais", "handle": 1}},
        {"set": {"family": "inet", "name": "sessions", "table": "relais", "type": "ether_addr", "handle": 1, "flags": ["timeout"],
          "elem": [{"elem": {"val": "02:00:00:00:00:01", "timeout": 100, "expires": 99}}, {"elem": {"val": "02:00:00:00:00:02", "timeout": 200, "expires": 199}}]}},
        {"set": {"family": "inet", "name": "active", "table": "relais", "type": "ether_addr", "handle": 2, "flags": ["dynamic", "timeout"], "timeout": 60,
          "elem": [{"elem": {"val": "02:00:00:00:00:01", "expires": 59}}]}},
        {"set": {"family": "inet", "name": "blocked", "table": "relais", "type": "ether_addr", "handle": 3, "elem": ["02:00:00:00:00:03"]}},
        {"set": {"family": "inet", "name": "preauth4", "table": "relais", "type": "ipv4_addr", "handle": 4, "flags": ["interval"],
          "elem": [{"prefix": {"addr": "192.0.2.0", "len": 24}}, "198.51.100.7"]}},
        {"set": {"family": "inet", "name": "preauth6", "table": "relais", "type": "ipv6_addr", "handle": 5, "flags": ["interval"]}},
        {"chain": {"family": "inet", "table": "relais", "name": "forward", "handle": 6, "type": "filter", "hook": "forward", "prio": 0, "policy": "accept"}},
        {"rule": {"family": "inet", "table": "relais", "chain": "forward", "handle": 7, "expr": [{"drop": null}]}}]}
        """

    @Test func readsPlainAndTimedElements() throws {
        let listing = try NFTablesListing.parse(Self.json)
        #expect(listing.macAddresses(in: "sessions") == [MACAddress("02:00:00:00:00:01")!, MACAddress("02:00:00:00:00:02")!])
        #expect(listing.macAddresses(in: "active") == [MACAddress("02:00:00:00:00:01")!])
        #expect(listing.macAddresses(in: "blocked") == [MACAddress("02:00:00:00:00:03")!])
        #expect(listing.sets["preauth4"] == ["198.51.100.7"])
        #expect(listing.sets["preauth6"] == [])
        #expect(listing.macAddresses(in: "absent").isEmpty)
    }

    @Test(arguments: ["", "not json", #"{"other": []}"#])
    func unreadableListingsAreListErrors(_ text: String) throws {
        let error = try #require(throws: FirewallError.self) { try NFTablesListing.parse(text) }
        #expect(error.code == "list")
    }

    @Test func repeatedElementsMarkADumpTakenDuringARehash() throws {
        #expect(try !NFTablesListing.parse(Self.json).hasRepeatedElements)
        let repeated = Self.json.replacingOccurrences(of: "\"02:00:00:00:00:02\", \"timeout\": 200", with: "\"02:00:00:00:00:01\", \"timeout\": 200")
        #expect(try NFTablesListing.parse(repeated).hasRepeatedElements)
    }
}
