import Foundation
import RelaisCore
import RelaisHTTP
@testable import RelaisWeb
import Testing

@Suite struct FormTokensTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func tokens(used: UsedFormTokens = UsedFormTokens()) -> FormTokens {
        FormTokens(codec: FormTokenCodec(authenticator: WebTestAuthenticator()), random: CountingRandomSource(), used: used, lifetimeSeconds: 900)
    }

    @Test func boundToPurpose() throws {
        let forms = tokens()
        let visitor = FormSubject.visitor(ipAddress: "192.0.2.50")
        let disconnect = try forms.issue(.disconnect, for: visitor, now: now)
        #expect(forms.spend(disconnect, .connect, from: visitor, now: now) == .refused(.forged))
        #expect(forms.spend(disconnect, FormPurpose("agent-sign-in"), from: visitor, now: now) == .refused(.forged))
        #expect(forms.spend(disconnect, .disconnect, from: visitor, now: now) == .accepted)
    }

    @Test func boundToVisitorOrSession() throws {
        let forms = tokens()
        let token = try forms.issue(.connect, for: .visitor(ipAddress: "192.0.2.50"), now: now)
        #expect(forms.spend(token, .connect, from: .visitor(ipAddress: "192.0.2.51"), now: now) == .refused(.forged))
        #expect(forms.spend(token, .connect, from: .session(id: "192.0.2.50"), now: now) == .refused(.forged))
        let agent = try forms.issue(.connect, for: .session(id: "s-1"), now: now)
        #expect(forms.spend(agent, .connect, from: .session(id: "s-2"), now: now) == .refused(.forged))
        #expect(forms.spend(agent, .connect, from: .session(id: "s-1"), now: now) == .accepted)
        #expect(forms.spend(agent, .connect, from: .session(id: "s-1"), now: now) == .refused(.reused))
        #expect(forms.spend(token, .connect, from: .visitor(ipAddress: "192.0.2.50"), now: now.addingTimeInterval(900)) == .refused(.expired))
        #expect(forms.spend("nonsense", .connect, from: .visitor(ipAddress: "192.0.2.50"), now: now) == .refused(.malformed))
    }

    @Test func fullRegistryRefusesToIssueAndToSpend() throws {
        let forms = tokens(used: UsedFormTokens(capacity: 4, perClientLimit: 2))
        let first = FormSubject.visitor(ipAddress: "192.0.2.1"), second = FormSubject.visitor(ipAddress: "192.0.2.2")
        let pending = try forms.issue(.connect, for: second, now: now)
        let third = FormSubject.visitor(ipAddress: "192.0.2.3")
        #expect(forms.spend(try forms.issue(.connect, for: third, now: now), .connect, from: third, now: now) == .accepted)
        for _ in 0..<2 {
            #expect(forms.spend(try forms.issue(.connect, for: first, now: now), .connect, from: first, now: now) == .accepted)
        }
        #expect(throws: HTTPError(.tooManyRequests, headers: [("Retry-After", "120")])) { try forms.issue(.connect, for: first, now: now) }
        #expect(forms.spend(try forms.issue(.connect, for: third, now: now), .connect, from: third, now: now) == .accepted)
        #expect(throws: HTTPError(.serviceUnavailable, headers: [("Retry-After", "120")])) { try forms.issue(.connect, for: second, now: now) }
        #expect(forms.spend(pending, .connect, from: second, now: now) == .unavailable(HTTPError(.serviceUnavailable, headers: [("Retry-After", "120")])))
    }
}
