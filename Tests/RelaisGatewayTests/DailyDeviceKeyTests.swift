import RelaisCore
import RelaisCrypto
@testable import RelaisGateway
import Testing

@Suite struct DailyDeviceKeyTests {
    let day = LocalDate(year: 2026, month: 9, day: 21)!
    let phone = MACAddress("02:00:00:00:00:01")!

    func key(_ bytes: [UInt8], capacity: Int = 10) throws -> DailyDeviceKey {
        DailyDeviceKey(day: day, hash: try HMACSHA256Authenticator(key: bytes), capacity: capacity)
    }

    @Test func aDeviceIsFirstSeenOnceUnderOneKey() throws {
        var today = try key(SystemRandomSource().bytes(32))
        #expect(today.insert(phone) == .firstToday)
        #expect(today.insert(phone) == .seenBefore)
        #expect(today.seen.count == 1)
    }

    /// Two days' keys give the same device unrelated tokens: the days cannot be linked.
    @Test func tokensOfTwoKeysDoNotMatch() throws {
        let random = SystemRandomSource()
        var monday = try key(random.bytes(32), capacity: 100), tuesday = try key(random.bytes(32), capacity: 100)
        for n in 1...50 {
            let mac = MACAddress(rawValue: 0x0200_0000_0000 | UInt64(n))
            _ = monday.insert(mac)
            _ = tuesday.insert(mac)
        }
        #expect(monday.seen.isDisjoint(with: tuesday.seen))
        #expect(monday.seen.count == 50)
    }

    @Test func aFullSetRemembersNoMore() throws {
        var today = try key(SystemRandomSource().bytes(32), capacity: 1)
        #expect(today.insert(phone) == .firstToday)
        #expect(today.insert(MACAddress("02:00:00:00:00:02")!) == .overCapacity)
        #expect(today.insert(phone) == .seenBefore)
    }
}
