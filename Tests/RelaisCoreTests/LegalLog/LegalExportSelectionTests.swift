import Foundation
import RelaisCore
import Testing

@Suite struct LegalExportSelectionTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    var entry: LegalEntry {
        LegalEntry(
            mac: MACAddress("02:11:22:33:44:55")!, privateIPv4: IPAddress("10.99.0.2"),
            ipv6Addresses: [IPAddress("2001:db8::1")!], publicAddress: IPAddress("203.0.113.1"), portRange: 1024...1535,
            natMode: .portBlocks, startedAt: start, endedAt: start.addingTimeInterval(3600), endReason: .idle)
    }

    func selection(_ from: TimeInterval, _ to: TimeInterval, _ criterion: LegalExportSelection.Criterion = .all) -> LegalExportSelection {
        LegalExportSelection(from: start.addingTimeInterval(from), to: start.addingTimeInterval(to), criterion: criterion)
    }

    @Test func aSessionMatchesAPeriodItOverlaps() {
        #expect(selection(-60, 0).matches(entry))
        #expect(selection(3600, 7200).matches(entry))
        #expect(selection(600, 601).matches(entry))
        #expect(!selection(-120, -1).matches(entry))
        #expect(!selection(3601, 7200).matches(entry))
    }

    @Test func anOpenSessionRunsOnUntilNow() {
        var open = entry
        open.endedAt = nil
        open.endReason = nil
        #expect(selection(86_400, 90_000).matches(open))
    }

    @Test func criteria() {
        #expect(selection(0, 1, .mac(MACAddress("02:11:22:33:44:55")!)).matches(entry))
        #expect(!selection(0, 1, .mac(MACAddress("02:11:22:33:44:56")!)).matches(entry))
        #expect(selection(0, 1, .ip(IPAddress("10.99.0.2")!)).matches(entry))
        #expect(selection(0, 1, .ip(IPAddress("::ffff:10.99.0.2")!)).matches(entry))
        #expect(selection(0, 1, .ip(IPAddress("2001:db8::1")!)).matches(entry))
        #expect(!selection(0, 1, .ip(IPAddress("10.99.0.3")!)).matches(entry))
        #expect(selection(0, 1, .publicPort(1024)).matches(entry))
        #expect(selection(0, 1, .publicPort(1535)).matches(entry))
        #expect(!selection(0, 1, .publicPort(1536)).matches(entry))
        var routed = entry
        routed.portRange = nil
        #expect(!selection(0, 1, .publicPort(1024)).matches(routed))
    }

    @Test func hourBucketsCoverThePeriod() {
        let hour = Int64(1_790_000_000 / 3600)
        #expect(selection(0, 7200).hourBuckets == hour...(hour + 2))
        #expect(LegalHourBucket.of(Date(timeIntervalSince1970: -1)) == -1)
        #expect(LegalHourBucket.of(Date(timeIntervalSince1970: 0)) == 0)
    }
}
