import Foundation
import RelaisCore
import Testing

@Suite struct MACAddressTests {
    @Test(arguments: ["02:1A:2b:3c:4d:5e", "02-1a-2B-3C-4D-5E", "02:1a:2b:3c:4d:5e"])
    func parsesCommonForms(_ text: String) throws {
        let mac = try #require(MACAddress(text))
        #expect(mac.description == "02:1a:2b:3c:4d:5e")
        #expect(mac.octets == [0x02, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e])
        #expect(mac.isLocallyAdministered)
        #expect(!mac.isMulticast)
    }

    @Test(arguments: ["", "02:1a:2b:3c:4d", "02:1a:2b:3c:4d:5e:6f", "02:1a:2b:3c:4d:5g", "021a2b3c4d5e", "02:1a:2b:3c:4d 5e", "02.1a.2b.3c.4d.5e", " 02:1a:2b:3c:4d:5"])
    func rejectsOtherText(_ text: String) {
        #expect(MACAddress(text) == nil)
    }

    @Test func codableRoundTripAndErrors() throws {
        let mac = MACAddress("aa:bb:cc:00:11:22")!
        let data = try JSONEncoder().encode([mac])
        #expect(String(decoding: data, as: UTF8.self) == "[\"aa:bb:cc:00:11:22\"]")
        #expect(try JSONDecoder().decode([MACAddress].self, from: data) == [mac])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([MACAddress].self, from: Data("[\"nope\"]".utf8)) }
    }

    @Test func multicastAndOrdering() {
        #expect(MACAddress("01:00:5e:00:00:fb")!.isMulticast)
        #expect(MACAddress("00:00:00:00:00:01")! < MACAddress("00:00:00:00:01:00")!)
    }
}
