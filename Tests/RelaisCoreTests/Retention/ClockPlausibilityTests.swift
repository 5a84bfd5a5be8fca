import FoundationEssentials
import RelaisCore
import Testing

struct ClockPlausibilityTests {
    @Test func aClockBeforeTheReleaseIsNotSet() {
        let check = ClockPlausibility()
        #expect(!check.isPlausible(Date(timeIntervalSince1970: 0)))
        #expect(!check.isPlausible(ClockPlausibility.releaseFloor.addingTimeInterval(-1)))
        #expect(check.isPlausible(ClockPlausibility.releaseFloor))
    }

    @Test func theStoresLatestRecordRaisesTheFloorButNeverLowersIt() {
        let later = ClockPlausibility.releaseFloor.addingTimeInterval(86_400 * 100)
        #expect(ClockPlausibility(latestRecorded: later).floor == later)
        #expect(!ClockPlausibility(latestRecorded: later).isPlausible(later.addingTimeInterval(-60)))
        #expect(ClockPlausibility(latestRecorded: Date(timeIntervalSince1970: 10)).floor == ClockPlausibility.releaseFloor)
    }
}
