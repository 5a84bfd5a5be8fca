import FoundationEssentials
import Testing
@testable import RelaisCore

@Suite struct SignInThrottleTests {
    let throttle = SignInThrottle(maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowSeconds: 900, lockoutSeconds: 600)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func locksAfterTheLimitUntilLockoutAfterTheLastFailure() {
        let failures = [now.addingTimeInterval(-100), now.addingTimeInterval(-50), now.addingTimeInterval(-10)]
        #expect(throttle.decision(failures: Array(failures.prefix(2)), limit: 3, now: now) == .allowed)
        #expect(throttle.decision(failures: failures, limit: 3, now: now) == .locked(until: now.addingTimeInterval(590)))
        #expect(throttle.decision(failures: failures, limit: 3, now: now.addingTimeInterval(590)) == .allowed)
    }

    @Test func failuresOutsideTheWindowDoNotCount() {
        let failures = [now.addingTimeInterval(-1000), now.addingTimeInterval(-950), now.addingTimeInterval(-10)]
        #expect(throttle.decision(failures: failures, limit: 3, now: now) == .allowed)
    }

    @Test func combineKeepsTheLaterLockout() {
        let a = SignInThrottle.Decision.locked(until: now)
        let b = SignInThrottle.Decision.locked(until: now.addingTimeInterval(5))
        #expect(SignInThrottle.combine(a, b) == b)
        #expect(SignInThrottle.combine(.allowed, a) == a)
        #expect(SignInThrottle.combine(.allowed, .allowed) == .allowed)
    }
}
