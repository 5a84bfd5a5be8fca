import Foundation
import RelaisCore
import Testing
@testable import RelaisNetfilter
import RelaisTesting

/// `NetfilterConnectionTracker` against the kernel's flow table of a namespace made for the test.
@Suite(.enabled(if: NetworkNamespace.isAvailable, "needs root to create network namespaces"))
struct NetfilterConnectionTrackerTests {
    @Test func forgetsTheFlowsOfTheGivenSourcesOnly() throws {
        try NetworkNamespace.withNew { namespace in
            try namespace.exec("conntrack", "-I", "-s", "192.0.2.10", "-d", "198.51.100.1", "-p", "udp",
                               "--sport", "40000", "--dport", "53", "-t", "120")
            try namespace.exec("conntrack", "-I", "-s", "192.0.2.10", "-d", "198.51.100.2", "-p", "tcp",
                               "--sport", "40001", "--dport", "80", "--state", "ESTABLISHED", "-t", "120")
            try namespace.exec("conntrack", "-I", "-s", "2001:db8::10", "-d", "2001:db8::1", "-p", "tcp",
                               "--sport", "40002", "--dport", "443", "--state", "ESTABLISHED", "-t", "120")
            try namespace.exec("conntrack", "-I", "-s", "192.0.2.20", "-d", "198.51.100.1", "-p", "udp",
                               "--sport", "40003", "--dport", "53", "-t", "120")
            try namespace.exec("conntrack", "-I", "-s", "2001:db8::20", "-d", "2001:db8::1", "-p", "udp",
                               "--sport", "40004", "--dport", "53", "-t", "120")
            #expect(try flows(namespace).count == 5)

            let tracker = try namespace.run { () throws -> NetfilterConnectionTracker in try NetfilterConnectionTracker() }
            try tracker.forgetFlows(from: ["192.0.2.10", "2001:db8::10"])

            let left = try flows(namespace)
            #expect(left.count == 2)
            #expect(left.contains { $0.contains("src=192.0.2.20 ") })
            #expect(left.contains { $0.contains("src=2001:db8::20 ") })
            #expect(!left.contains { $0.contains("src=192.0.2.10 ") || $0.contains("src=2001:db8::10 ") })
        }
    }

    @Test func anIPv4MappedAddressMatchesTheIPv4FlowAndNothingIsANoOp() throws {
        try NetworkNamespace.withNew { namespace in
            try namespace.exec("conntrack", "-I", "-s", "192.0.2.30", "-d", "198.51.100.1", "-p", "udp",
                               "--sport", "40000", "--dport", "53", "-t", "120")
            let tracker = try namespace.run { () throws -> NetfilterConnectionTracker in try NetfilterConnectionTracker() }
            try tracker.forgetFlows(from: [])
            try tracker.forgetFlows(from: ["192.0.2.31"])
            #expect(try flows(namespace).count == 1)
            try tracker.forgetFlows(from: ["::ffff:192.0.2.30"])
            #expect(try flows(namespace).isEmpty)
        }
    }

    /// `conntrack -L` lines of the namespace (the summary goes to standard error).
    private func flows(_ namespace: NetworkNamespace) throws -> [String] {
        try namespace.exec("conntrack", "-L").split(separator: "\n").map(String.init)
    }
}
