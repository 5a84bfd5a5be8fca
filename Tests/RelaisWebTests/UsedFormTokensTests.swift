import Foundation
import RelaisWeb
import Testing

@Suite struct UsedFormTokensTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func eachNonceOnce() {
        let used = UsedFormTokens()
        #expect(used.consume(nonce: [1], expiresAt: now.addingTimeInterval(60), now: now))
        #expect(!used.consume(nonce: [1], expiresAt: now.addingTimeInterval(60), now: now))
        #expect(used.consume(nonce: [2], expiresAt: now.addingTimeInterval(60), now: now))
    }

    @Test func boundedAndPrunedOnExpiry() {
        let used = UsedFormTokens(capacity: 3)
        for index in 0..<3 { #expect(used.consume(nonce: [UInt8(index)], expiresAt: now.addingTimeInterval(Double(10 + index)), now: now)) }
        // Full: the expired entries go first.
        #expect(used.consume(nonce: [9], expiresAt: now.addingTimeInterval(100), now: now.addingTimeInterval(11)))
        #expect(used.count == 2)
        // Full of live entries: the one closest to expiry is dropped, never more than the capacity.
        #expect(used.consume(nonce: [10], expiresAt: now.addingTimeInterval(100), now: now.addingTimeInterval(11)))
        #expect(used.consume(nonce: [11], expiresAt: now.addingTimeInterval(100), now: now.addingTimeInterval(11)))
        #expect(used.count == 3)
        #expect(!used.consume(nonce: [11], expiresAt: now.addingTimeInterval(100), now: now.addingTimeInterval(11)))
    }
}
