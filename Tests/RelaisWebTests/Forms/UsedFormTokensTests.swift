import Foundation
import RelaisWeb
import Testing

@Suite struct UsedFormTokensTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func eachNonceOnce() {
        let used = UsedFormTokens()
        #expect(used.consume(nonce: [1], client: "a", expiresAt: now.addingTimeInterval(60), now: now) == .accepted)
        #expect(used.consume(nonce: [1], client: "a", expiresAt: now.addingTimeInterval(60), now: now) == .reused)
        #expect(used.consume(nonce: [1], client: "b", expiresAt: now.addingTimeInterval(60), now: now) == .reused)
        #expect(used.consume(nonce: [2], client: "a", expiresAt: now.addingTimeInterval(60), now: now) == .accepted)
    }

    @Test func onlyExpiredEntriesLeaveEarliestFirst() {
        let used = UsedFormTokens(capacity: 3, perClientLimit: 3)
        for index in 0..<3 {
            #expect(used.consume(nonce: [UInt8(index)], client: "a", expiresAt: now.addingTimeInterval(Double(10 + index)), now: now) == .accepted)
        }
        // At 11 s the tokens expiring at 10 and 11 are gone; the one expiring at 12 is still refused.
        let later = now.addingTimeInterval(11)
        #expect(used.consume(nonce: [9], client: "a", expiresAt: now.addingTimeInterval(100), now: later) == .accepted)
        #expect(used.count == 2)
        #expect(used.consume(nonce: [2], client: "a", expiresAt: now.addingTimeInterval(12), now: later) == .reused)
    }

    /// The defect of issue 8: filling the registry never makes a spent, still valid token good again.
    @Test func overflowRefusesNewSpendsInsteadOfForgetting() {
        let used = UsedFormTokens(capacity: 100, perClientLimit: 10)
        let expiry = now.addingTimeInterval(900)
        for index in 0..<100 {
            #expect(used.consume(nonce: [UInt8(index)], client: "client-\(index / 10)", expiresAt: expiry, now: now) == .accepted)
        }
        #expect(used.count == 100)
        #expect(used.consume(nonce: [200], client: "newcomer", expiresAt: expiry, now: now) == .full)
        #expect(used.room(for: "newcomer", now: now) == .full)
        for index in 0..<100 {
            #expect(used.consume(nonce: [UInt8(index)], client: "client-0", expiresAt: expiry, now: now) == .reused)
        }
        // Once they expire, there is room again (and the old tokens are refused by their expiry).
        #expect(used.room(for: "newcomer", now: expiry) == .accepted)
        #expect(used.consume(nonce: [200], client: "newcomer", expiresAt: expiry.addingTimeInterval(900), now: expiry) == .accepted)
        #expect(used.count == 1)
    }

    @Test func oneClientCannotFillTheRegistry() {
        let used = UsedFormTokens(capacity: 100, perClientLimit: 5)
        let expiry = now.addingTimeInterval(900)
        for index in 0..<5 {
            #expect(used.consume(nonce: [UInt8(index)], client: "greedy", expiresAt: expiry, now: now) == .accepted)
        }
        #expect(used.consume(nonce: [50], client: "greedy", expiresAt: expiry, now: now) == .clientLimit)
        #expect(used.room(for: "greedy", now: now) == .clientLimit)
        #expect(used.room(for: "other", now: now) == .accepted)
        #expect(used.consume(nonce: [51], client: "other", expiresAt: expiry, now: now) == .accepted)
        #expect(used.room(for: "greedy", now: expiry) == .accepted)
    }

    @Test func manyExpiriesInAnyOrder() {
        let used = UsedFormTokens(capacity: 1000, perClientLimit: 1000)
        let offsets = (0..<500).map { ($0 * 7919) % 500 }
        for (index, offset) in offsets.enumerated() {
            let nonce = [UInt8(index & 0xff), UInt8(index >> 8)]
            #expect(used.consume(nonce: nonce, client: "a", expiresAt: now.addingTimeInterval(Double(offset + 1)), now: now) == .accepted)
        }
        for step in stride(from: 0, through: 500, by: 50) {
            _ = used.room(for: "a", now: now.addingTimeInterval(Double(step)))
            #expect(used.count == 500 - step)
        }
    }
}
