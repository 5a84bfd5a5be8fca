import Foundation
import RelaisCore
import RelaisCrypto
import Testing

@Suite struct KeyRingSealerTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let random = SystemRandomSource()

    @Test func sealsUnderTheCurrentKeyWithAFreshNonceAndOpensAgain() throws {
        let sealer = KeyRingSealer(ring: .new(secret: random.bytes(32), at: now))
        let header = LegalSealHeader(sessionID: 7)
        let first = try sealer.seal([1, 2, 3], header: header), second = try sealer.seal([1, 2, 3], header: header)
        #expect(first.keyID == 1 && first.nonce.count == 12)
        #expect(first.nonce != second.nonce && first.ciphertext != second.ciphertext)
        #expect(try sealer.open(first, header: header) == [1, 2, 3])
    }

    @Test func anEntryMovedToAnotherRowOrKeyIdFailsToOpen() throws {
        let sealer = KeyRingSealer(ring: LegalKeyRing.new(secret: random.bytes(32), at: now).rotated(secret: random.bytes(32), at: now))
        var sealed = try sealer.seal([9], header: LegalSealHeader(sessionID: 1))
        #expect(throws: (any Error).self) { try sealer.open(sealed, header: LegalSealHeader(sessionID: 2)) }
        #expect(throws: (any Error).self) { try sealer.open(sealed, header: .auditSelection(startedAt: 1)) }
        sealed.keyID = 1
        #expect(throws: (any Error).self) { try sealer.open(sealed, header: LegalSealHeader(sessionID: 1)) }
    }

    @Test func afterRotationOldEntriesStillOpenAndAnotherRingCannot() throws {
        let ring = LegalKeyRing.new(secret: random.bytes(32), at: now)
        let old = try KeyRingSealer(ring: ring).seal([4, 2], header: LegalSealHeader(sessionID: 3))
        let rotated = KeyRingSealer(ring: ring.rotated(secret: random.bytes(32), at: now))
        #expect(try rotated.open(old, header: LegalSealHeader(sessionID: 3)) == [4, 2])
        #expect(try rotated.seal([1], header: LegalSealHeader(sessionID: 4)).keyID == 2)
        let stranger = KeyRingSealer(ring: .new(secret: random.bytes(32), at: now))
        #expect(throws: (any Error).self) { try stranger.open(old, header: LegalSealHeader(sessionID: 3)) }
        let retired = KeyRingSealer(ring: rotated.ring.retiring(keeping: []))
        #expect(throws: (any Error).self) { try retired.open(old, header: LegalSealHeader(sessionID: 3)) }
    }
}
