import FoundationEssentials
import RelaisCollector
import RelaisCore
import Testing

@Suite struct BoxRateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func allowsTheBurstThenOneAtTheRate() {
        let limiter = BoxRateLimiter(burst: 3, perSecond: 0.5)
        let box = BoxID("mairie-a")!
        #expect((0..<3).map { _ in limiter.take(box, now: start) } == [nil, nil, nil])
        #expect(limiter.take(box, now: start) == 2)
        #expect(limiter.take(box, now: start.addingTimeInterval(1)) == 1)
        #expect(limiter.take(box, now: start.addingTimeInterval(2)) == nil)
        #expect(limiter.take(box, now: start.addingTimeInterval(2)) == 2)
    }

    @Test func keepsEachBoxsBudgetApartAndRefillsNoMoreThanTheBurst() {
        let limiter = BoxRateLimiter(burst: 1, perSecond: 1)
        #expect(limiter.take(BoxID("mairie-a")!, now: start) == nil)
        #expect(limiter.take(BoxID("mairie-b")!, now: start) == nil)
        #expect(limiter.take(BoxID("mairie-a")!, now: start) == 1)
        let later = start.addingTimeInterval(3600)
        #expect(limiter.take(BoxID("mairie-a")!, now: later) == nil)
        #expect(limiter.take(BoxID("mairie-a")!, now: later) == 1)
    }
}
