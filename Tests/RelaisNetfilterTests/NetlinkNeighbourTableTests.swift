import Foundation
import RelaisCore
import Testing
@testable import RelaisNetfilter
import RelaisTesting

/// The rtnetlink neighbour messages, decoded from bytes, and the IPv6 neighbours of a namespace the test fills.
@Suite struct NetlinkNeighbourMessagesTests {
    typealias M = NetlinkNeighbourMessages

    /// One RTM_NEWNEIGH message as the kernel writes it (host byte order).
    static func message(index: Int32, state: UInt16, address: [UInt8], mac: [UInt8]) -> [UInt8] {
        var body: [UInt8] = [10, 0, 0, 0]
        M.append(index, to: &body)
        M.append(state, to: &body)
        body += [0, 1]
        for (type, value) in [(UInt16(1), address), (UInt16(2), mac)] {
            M.append(UInt16(4 + value.count), to: &body)
            M.append(type, to: &body)
            body += value + [UInt8](repeating: 0, count: (4 - value.count % 4) % 4)
        }
        var bytes: [UInt8] = []
        M.append(UInt32(16 + body.count), to: &bytes)
        M.append(UInt16(28), to: &bytes)
        M.append(UInt16(2), to: &bytes)
        M.append(UInt32(1), to: &bytes)
        M.append(UInt32(0), to: &bytes)
        return bytes + body
    }

    static let address = IPAddress("2001:db8:1::10")
    static let mac = MACAddress("02:00:5e:10:00:0a")!

    @Test func decodesEveryMessageOfADatagram() {
        let one = Self.message(index: 3, state: 0x02, address: Self.address.bytes, mac: [2, 0, 0x5e, 0x10, 0, 0x0a])
        let two = Self.message(index: 4, state: 0x04, address: IPAddress("192.0.2.10").bytes, mac: [2, 0, 0, 0, 0, 1])
        #expect(M.parse(one + two) == .entries([
            .init(interfaceIndex: 3, address: Self.address, mac: Self.mac, state: 0x02),
            .init(interfaceIndex: 4, address: IPAddress("192.0.2.10"), mac: MACAddress(rawValue: 0x0200_0000_0001), state: 0x04),
        ], done: false))
    }

    @Test func anEntryWithoutAHardwareAddressIsSkippedAndATruncatedTailEndsTheDatagram() {
        let incomplete = Self.message(index: 3, state: 0x01, address: Self.address.bytes, mac: [])
        let whole = Self.message(index: 3, state: 0x02, address: Self.address.bytes, mac: [2, 0, 0x5e, 0x10, 0, 0x0a])
        #expect(M.parse(incomplete + whole + Array(whole.prefix(20))) == .entries([
            .init(interfaceIndex: 3, address: Self.address, mac: Self.mac, state: 0x02),
        ], done: false))
    }

    @Test func doneAndErrorsAreTold() {
        var done: [UInt8] = []
        M.append(UInt32(20), to: &done)
        M.append(UInt16(3), to: &done)
        M.append(UInt16(2), to: &done)
        M.append(UInt64(0), to: &done)
        M.append(Int32(0), to: &done)
        #expect(M.parse(done) == .entries([], done: true))
        #expect(M.parse(Self.message(index: 3, state: 0x80, address: Self.address.bytes, mac: [2, 0, 0x5e, 0x10, 0, 0x0a]) + done)
            == .entries([.init(interfaceIndex: 3, address: Self.address, mac: Self.mac, state: 0x80)], done: true))
        var error: [UInt8] = []
        M.append(UInt32(20), to: &error)
        M.append(UInt16(2), to: &error)
        M.append(UInt16(0), to: &error)
        M.append(UInt64(0), to: &error)
        M.append(Int32(-1), to: &error)
        #expect(M.parse(error) == .failed(1))
    }

    @Test func onlyGlobalAddressesCount() {
        #expect(NetlinkNeighbourTable.isGlobal(IPAddress("2001:db8::1")))
        #expect(!NetlinkNeighbourTable.isGlobal(IPAddress("fe80::1")))
        #expect(!NetlinkNeighbourTable.isGlobal(IPAddress("febf::1")))
        #expect(!NetlinkNeighbourTable.isGlobal(IPAddress("ff02::1")))
        #expect(!NetlinkNeighbourTable.isGlobal(IPAddress("::1")))
        #expect(!NetlinkNeighbourTable.isGlobal(IPAddress("192.0.2.1")))
    }
}

@Suite(.enabled(if: NetworkNamespace.isAvailable, "needs root to create network namespaces"))
struct NetlinkNeighbourTableTests {
    @Test func listsTheGlobalIPv6AddressesOfEachDeviceOnTheLAN() throws {
        try NetworkNamespace.withNew { namespace in
            try namespace.exec("ip", "link", "add", "lan0", "type", "veth", "peer", "name", "other0")
            for device in ["lan0", "other0"] { try namespace.exec("ip", "link", "set", device, "up") }
            let phone = "02:00:5e:10:00:0a", laptop = "02:00:5e:10:00:0b"
            for (address, mac, device) in [
                ("2001:db8:1::10", phone, "lan0"), ("2001:db8:1::a:1", phone, "lan0"), ("fe80::10", phone, "lan0"),
                ("2001:db8:1::20", laptop, "lan0"), ("2001:db8:9::10", phone, "other0"),
            ] {
                try namespace.exec("ip", "-6", "neigh", "add", address, "lladdr", mac, "dev", device, "nud", "permanent")
            }
            try namespace.exec("ip", "neigh", "add", "192.0.2.10", "lladdr", phone, "dev", "lan0", "nud", "permanent")
            let found = try namespace.run { () -> [[IPAddress]] in
                let table = NetlinkNeighbourTable(primary: ProcNetARPNeighbourTable(interface: "lan0"), interface: "lan0")
                return [MACAddress(phone)!, MACAddress(laptop)!, MACAddress("02:00:5e:10:00:0c")!].map(table.ipv6Addresses(of:))
            }
            #expect(found == [
                [IPAddress("2001:db8:1::10"), IPAddress("2001:db8:1::a:1")], [IPAddress("2001:db8:1::20")], [],
            ])
        }
    }

    @Test func anUnknownInterfaceHasNoNeighbours() throws {
        #expect(try NetlinkNeighbourTable.dump(interface: "absent0").isEmpty)
    }
}
