import RelaisCore
import Testing
@testable import RelaisNetfilter

/// The `/proc/net/arp` parser on fixture text.
struct ProcNetARPParserTests {
    static let fixture = """
        IP address       HW type     Flags       HW address            Mask     Device
        192.0.2.10       0x1         0x2         02:00:00:00:00:0A     *        wlan0
        192.0.2.11       0x1         0x0         00:00:00:00:00:00     *        wlan0
        192.0.2.12       0x1         0x6         02:00:00:00:00:0c     *        eth1
        192.0.2.13       0x1         0x2         00:00:00:00:00:00     *        wlan0
        192.0.2.14       0x1         0x2         02:00:00:00:00:0e     *
        192.0.2.15       0x1         zz          02:00:00:00:00:0f     *        wlan0
        192.0.2.16\t0x1\t0x2\t02:00:00:00:00:10\t*\twlan0
        not-an-ip        0x1         0x2         02:00:00:00:00:11     *        wlan0
        192.0.2.18       0x1         0x2         02:00:00:00:00       *        wlan0

        garbage
        """

    @Test func keepsCompleteEntriesOnly() {
        let table = ProcNetARPParser.parse(Self.fixture, interface: nil)
        #expect(table == [
            "192.0.2.10": MACAddress("02:00:00:00:00:0a")!,
            "192.0.2.12": MACAddress("02:00:00:00:00:0c")!,
            "192.0.2.16": MACAddress("02:00:00:00:00:10")!,
        ])
    }

    @Test func filtersByInterface() {
        let table = ProcNetARPParser.parse(Self.fixture, interface: "eth1")
        #expect(table == ["192.0.2.12": MACAddress("02:00:00:00:00:0c")!])
    }

    @Test func theHeaderAloneOrNothingIsAnEmptyTable() {
        #expect(ProcNetARPParser.parse("IP address       HW type     Flags       HW address            Mask     Device\n", interface: nil).isEmpty)
        #expect(ProcNetARPParser.parse("", interface: nil).isEmpty)
    }
}
