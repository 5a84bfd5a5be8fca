import RelaisCore
import Testing

@Suite struct ProbeClassifierTests {
    struct Case: Sendable, CustomStringConvertible {
        var host: String
        var path: String
        var kind: ProbeKind
        var description: String { "\(host)\(path)" }
    }

    static let known: [Case] = [
        Case(host: "connectivitycheck.gstatic.com", path: "/generate_204", kind: .android),
        Case(host: "connectivitycheck.gstatic.com", path: "/gen_204", kind: .android),
        Case(host: "clients3.google.com", path: "/generate_204", kind: .android),
        Case(host: "connectivitycheck.android.com", path: "/generate_204", kind: .android),
        Case(host: "www.google.com", path: "/gen_204", kind: .android),
        Case(host: "www.google.com", path: "/generate_204", kind: .android),
        Case(host: "connectivitycheck.platform.hicloud.com", path: "/generate_204", kind: .android),
        Case(host: "captive.apple.com", path: "/hotspot-detect.html", kind: .apple),
        Case(host: "captive.apple.com", path: "/", kind: .apple),
        Case(host: "www.apple.com", path: "/library/test/success.html", kind: .apple),
        Case(host: "www.msftconnecttest.com", path: "/connecttest.txt", kind: .windows),
        Case(host: "www.msftconnecttest.com", path: "/redirect", kind: .windows),
        Case(host: "www.msftncsi.com", path: "/ncsi.txt", kind: .windows),
        Case(host: "detectportal.firefox.com", path: "/success.txt", kind: .firefox),
        Case(host: "detectportal.firefox.com", path: "/canonical.html", kind: .firefox),
        Case(host: "connectivity-check.ubuntu.com", path: "/", kind: .networkManager),
        Case(host: "nmcheck.gnome.org", path: "/check_network_status.txt", kind: .networkManager),
        Case(host: "network-test.debian.org", path: "/nm", kind: .networkManager),
        Case(host: "ping.archlinux.org", path: "/nm-check.txt", kind: .networkManager),
    ]

    @Test(arguments: known) func knownProbes(_ probe: Case) {
        #expect(ProbeClassifier.classify(host: probe.host, path: probe.path) == probe.kind)
    }

    @Test func hostCaseAndQueryAreIgnored() {
        #expect(ProbeClassifier.classify(host: "DetectPortal.Firefox.com", path: "/success.txt?ipv4") == .firefox)
        #expect(ProbeClassifier.classify(host: "CONNECTIVITYCHECK.GSTATIC.COM", path: "/generate_204") == .android)
        #expect(ProbeClassifier.classify(host: "connectivity-check.ubuntu.com", path: "") == .networkManager)
    }

    @Test func ordinaryPagesAreUnknown() {
        #expect(ProbeClassifier.classify(host: "www.google.com", path: "/search") == .unknown)
        #expect(ProbeClassifier.classify(host: "www.apple.com", path: "/fr/") == .unknown)
        #expect(ProbeClassifier.classify(host: "www.msftconnecttest.com", path: "/other.txt") == .unknown)
        #expect(ProbeClassifier.classify(host: "example.org", path: "/generate_204") == .unknown)
        #expect(ProbeClassifier.classify(host: "", path: "/") == .unknown)
        #expect(ProbeClassifier.classify(host: "connectivitycheck.gstatic.com", path: "/GENERATE_204") == .unknown)
    }
}
