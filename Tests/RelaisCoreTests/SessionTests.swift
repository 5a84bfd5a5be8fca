import Foundation
import RelaisCore
import Testing

@Suite struct SessionTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let limits = SessionLimits(sessionSeconds: 3600, idleSeconds: 600)
    let mac = MACAddress("02:11:22:33:44:55")!
    let address = IPAddress("192.0.2.5")!

    @Test func openSessionIsActiveUntilItsLimit() {
        let session = Session.open(mac: mac, ipAddress: address, origin: .portal, termsVersion: "v1", limits: limits, now: start)
        #expect(session.state(at: start) == .active(secondsRemaining: 3600))
        #expect(session.state(at: start.addingTimeInterval(3599.5)) == .active(secondsRemaining: 1))
        #expect(session.state(at: start.addingTimeInterval(3600)) == .expired)
        #expect(session.remainingSeconds(at: start.addingTimeInterval(9999)) == 0)
    }

    @Test func aClockSetBackwardsDoesNotLengthenTheSession() {
        let session = Session.open(mac: mac, ipAddress: nil, origin: .operator, termsVersion: nil, limits: limits, now: start)
        #expect(session.remainingSeconds(at: start.addingTimeInterval(-86_400)) == 3600)
        #expect(session.state(at: start.addingTimeInterval(-5)) == .active(secondsRemaining: 3600))
        // Forward, the wall clock is believed: the session is over.
        #expect(session.state(at: start.addingTimeInterval(86_400)) == .expired)
    }

    @Test func endingKeepsTheFirstReason() {
        let session = Session.open(mac: mac, ipAddress: nil, origin: .operator, termsVersion: nil, limits: limits, now: start)
        let ended = session.ended(.idle, at: start.addingTimeInterval(10))
        #expect(ended.state(at: start.addingTimeInterval(20)) == .ended(.idle))
        let again = ended.ended(.visitorLogout, at: start.addingTimeInterval(30))
        #expect(again.endReason == .idle)
        #expect(again.endedAt == start.addingTimeInterval(10))
        #expect(!again.state(at: start).isActive)
    }

    @Test func admissionPolicyDecisions() {
        let policy = AdmissionPolicy(limits: limits)
        #expect(policy.admitVisitor(mac: nil, ipAddress: address, termsVersion: "v1", isBlocked: false, now: start) == .denied(reason: .unknownDevice))
        #expect(policy.admitVisitor(mac: mac, ipAddress: address, termsVersion: "v1", isBlocked: true, now: start) == .denied(reason: .blocked))
        #expect(policy.admitByOperator(mac: MACAddress("01:00:5e:00:00:01")!, isBlocked: false, now: start) == .denied(reason: .invalidDevice))
        #expect(policy.admitByOperator(mac: MACAddress(rawValue: 0), isBlocked: false, now: start) == .denied(reason: .invalidDevice))
        guard case .admit(let session) = policy.admitVisitor(mac: mac, ipAddress: address, termsVersion: "v1", isBlocked: false, now: start) else {
            Issue.record("expected admission"); return
        }
        #expect(session.expiresAt == start.addingTimeInterval(3600))
        #expect(session.idleSeconds == 600)
        #expect(session.origin == .portal)
    }
}
