import FoundationEssentials
import RelaisCore
import Testing

@Suite struct LocalTimeTests {
    @Test func parsesHoursAndMinutes() {
        #expect(LocalTime(parsing: "02:30") == LocalTime(hour: 2, minute: 30))
        #expect(LocalTime(parsing: "23:59:59") == LocalTime(hour: 23, minute: 59, second: 59))
        #expect(LocalTime(parsing: "00:00") == .midnight)
        for bad in ["24:00", "2:30", "02:60", "02:30:60", "0230", "02:30:", "", "aa:bb", "-1:30", "02:3０"] {
            #expect(LocalTime(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func secondsSinceMidnightWrapAround() {
        #expect(LocalTime(secondsSinceMidnight: 9000) == LocalTime(hour: 2, minute: 30))
        #expect(LocalTime(secondsSinceMidnight: -1) == LocalTime(hour: 23, minute: 59, second: 59))
        #expect(LocalTime(secondsSinceMidnight: 86_400) == .midnight)
        #expect(LocalTime(hour: 2, minute: 30)!.description == "02:30")
        #expect(LocalTime(hour: 2, minute: 30, second: 5)!.description == "02:30:05")
        #expect(LocalTime(hour: 2, minute: 30)! < LocalTime(hour: 10, minute: 0)!)
    }

    @Test func localDateTimeSecondsRoundTripAcrossTheEpoch() {
        for seconds: Int64 in [0, -1, -86_400, -86_401, 86_399, 1_774_746_000, -2_208_988_800, 4_102_444_800] {
            let local = LocalDateTime(localSecondsSince1970: seconds)
            #expect(local.localSecondsSince1970 == seconds)
        }
        #expect(LocalDateTime(localSecondsSince1970: -1).description == "1969-12-31T23:59:59")
        #expect(LocalDateTime(localSecondsSince1970: 1_774_746_000).description == "2026-03-29T01:00:00")
        #expect(LocalDateTime(year: 2026, month: 3, day: 29, hour: 23)!.adding(seconds: 3600).description == "2026-03-30T00:00:00")
        #expect(LocalDateTime(year: 2026, month: 2, day: 30) == nil)
        #expect(LocalDateTime(year: 2026, month: 3, day: 29, hour: 1)! < LocalDateTime(year: 2026, month: 3, day: 29, hour: 2)!)
    }
}
