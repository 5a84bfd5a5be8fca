import FoundationEssentials
import RelaisTime
import Testing

@Suite struct SystemClocksTests {
    @Test func monotonicTimeNeverGoesBackwards() {
        let clocks = SystemClocks()
        var previous = clocks.monotonicNow()
        for _ in 0..<1000 {
            let next = clocks.monotonicNow()
            #expect(next >= previous)
            previous = next
        }
    }

    @Test func wallTimeIsTodays() {
        // 2026-01-01T00:00:00Z: any machine running this test is past it.
        #expect(SystemClocks().wallNow().timeIntervalSince1970 > 1_767_225_600)
    }
}
