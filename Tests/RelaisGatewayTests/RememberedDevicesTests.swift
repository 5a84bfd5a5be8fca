import Foundation
import RelaisCore
@testable import RelaisGateway
import Testing

@Suite struct RememberedDevicesTests {
    let start = Date(timeIntervalSince1970: 1_750_000_000)

    func hash(_ n: Int) -> DeviceHash { DeviceHash(bytes: [UInt8(n & 0xFF), UInt8(n >> 8)] + Array(repeating: 0, count: 30)) }

    @Test func aDeviceIsRememberedUntilItsExpiryOrRemoval() {
        let devices = RememberedDevices()
        devices.insert(hash(1), expiresAt: start.addingTimeInterval(60), now: start)
        #expect(devices.contains(hash(1), at: start))
        #expect(!devices.contains(hash(1), at: start.addingTimeInterval(60)))
        #expect(!devices.contains(hash(2), at: start))
        devices.remove(hash(1))
        #expect(!devices.contains(hash(1), at: start))
    }

    @Test func expiredEntriesArePrunedAsTheTableGrows() {
        let devices = RememberedDevices()
        for n in 0..<1023 { devices.insert(hash(n), expiresAt: start.addingTimeInterval(1), now: start) }
        #expect(devices.count == 1023)
        // Later, all of those have expired: the insertion that reaches 1,024 entries drops them.
        devices.insert(hash(5000), expiresAt: start.addingTimeInterval(100), now: start.addingTimeInterval(10))
        #expect(devices.count == 1)
        #expect(devices.contains(hash(5000), at: start.addingTimeInterval(10)))
    }
}
