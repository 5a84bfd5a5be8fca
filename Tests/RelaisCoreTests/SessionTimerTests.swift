import Foundation
import RelaisCore
import Testing

@Suite struct SessionTimerTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let limits = SessionLimits(sessionSeconds: 3600, idleSeconds: 600)
    var session: Session {
        Session.open(mac: MACAddress("02:11:22:33:44:55")!, ipAddress: nil, origin: .operator, termsVersion: nil, limits: limits, now: start)
    }

    @Test func limitsRunOnTheMonotonicClock() {
        let timer = SessionTimer(opening: session, at: .seconds(500))
        #expect(timer.remainingSeconds(at: .seconds(500)) == 3600)
        #expect(timer.remainingSeconds(at: .milliseconds(4_099_500)) == 1)
        #expect(!timer.isExpired(at: .milliseconds(4_099_999)))
        #expect(timer.isExpired(at: .seconds(4100)))
        #expect(timer.remainingSeconds(at: .seconds(9999)) == 0)
        // A monotonic reading before the start (never happens, but harmless) counts as no time used.
        #expect(timer.remainingSeconds(at: .seconds(10)) == 3600)
    }

    @Test func endDatesAreTheStartPlusTheTimeThatReallyPassed() {
        let timer = SessionTimer(opening: session, at: .seconds(500))
        #expect(timer.endDate(of: session, at: .seconds(530)) == start.addingTimeInterval(30))
        // Never past the limit, never before the start.
        #expect(timer.endDate(of: session, at: .seconds(99_999)) == start.addingTimeInterval(3600))
        #expect(timer.endDate(of: session, at: .seconds(1)) == start)
    }

    @Test func aRestoredSessionUsesTheWallClockOnlyForTheTimeAlreadyUsed() {
        let after = SessionTimer.restored(session, wallNow: start.addingTimeInterval(600), monotonicNow: .seconds(50))
        #expect(after.remainingSeconds(at: .seconds(50)) == 3000)
        // A wall clock set back while the daemon was down gives no more than the session's length...
        let back = SessionTimer.restored(session, wallNow: start.addingTimeInterval(-86_400), monotonicNow: .seconds(50))
        #expect(back.remainingSeconds(at: .seconds(50)) == 3600)
        // ...and one far ahead leaves none.
        let ahead = SessionTimer.restored(session, wallNow: start.addingTimeInterval(86_400), monotonicNow: .seconds(50))
        #expect(ahead.isExpired(at: .seconds(50)))
    }
}
