import RelaisCore
import Testing

struct DurationBucketTests {
    @Test(arguments: [
        (0.0, DurationBucket.under5Minutes), (299.9, .under5Minutes), (300, .under15Minutes), (899, .under15Minutes),
        (900, .under30Minutes), (1800, .under1Hour), (3599, .under1Hour), (3600, .under2Hours), (7200, .atLeast2Hours),
        (86_400, .atLeast2Hours),
    ])
    func boundsBelongToTheLongerBand(seconds: Double, bucket: DurationBucket) {
        #expect(DurationBucket(seconds: seconds) == bucket)
    }

    @Test func bandsAreOrderedShortestFirst() {
        #expect(DurationBucket.allCases.sorted() == DurationBucket.allCases)
        #expect(DurationBucket.under5Minutes < .atLeast2Hours)
    }
}
