import Foundation
import RelaisCore
import RelaisCrypto
import Testing

/// AES-256-GCM against the test cases of McGrew and Viega's GCM specification (13 and 14), and its
/// refusals: every altered byte, another key, nonce or AAD.
@Suite struct AES256GCMTests {
    let zeroKey = [UInt8](repeating: 0, count: 32)
    let zeroNonce = [UInt8](repeating: 0, count: 12)

    @Test func testCase13EmptyPlaintext() throws {
        let sealed = try AES256GCM.seal([], key: zeroKey, nonce: zeroNonce, aad: [])
        #expect(Hex.encode(sealed) == "530f8afbc74536b9a963b4f1c4cb738b")
        #expect(try AES256GCM.open(sealed, key: zeroKey, nonce: zeroNonce, aad: []) == [])
    }

    @Test func testCase14OneBlock() throws {
        let sealed = try AES256GCM.seal([UInt8](repeating: 0, count: 16), key: zeroKey, nonce: zeroNonce, aad: [])
        #expect(Hex.encode(sealed) == "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919")
    }

    @Test func roundTripWithAAD() throws {
        let key = SystemRandomSource().bytes(32), nonce = SystemRandomSource().bytes(12)
        let message = Array("relais".utf8), aad = Array("header".utf8)
        let sealed = try AES256GCM.seal(message, key: key, nonce: nonce, aad: aad)
        #expect(sealed.count == message.count + 16)
        #expect(try AES256GCM.open(sealed, key: key, nonce: nonce, aad: aad) == message)
    }

    @Test func everyAlteredByteIsRefused() throws {
        let key = SystemRandomSource().bytes(32), nonce = SystemRandomSource().bytes(12), aad: [UInt8] = [1, 2, 3]
        let sealed = try AES256GCM.seal(Array("entry".utf8), key: key, nonce: nonce, aad: aad)
        for index in sealed.indices {
            var altered = sealed
            altered[index] ^= 0x01
            #expect(throws: CryptoError.self) { try AES256GCM.open(altered, key: key, nonce: nonce, aad: aad) }
        }
        var otherKey = key
        otherKey[0] ^= 1
        var otherNonce = nonce
        otherNonce[11] ^= 1
        #expect(throws: CryptoError.self) { try AES256GCM.open(sealed, key: otherKey, nonce: nonce, aad: aad) }
        #expect(throws: CryptoError.self) { try AES256GCM.open(sealed, key: key, nonce: otherNonce, aad: aad) }
        #expect(throws: CryptoError.self) { try AES256GCM.open(sealed, key: key, nonce: nonce, aad: [1, 2, 4]) }
        #expect(throws: CryptoError.self) { try AES256GCM.open(Array(sealed.prefix(15)), key: key, nonce: nonce, aad: aad) }
    }

    @Test func wrongSizesAreRefused() {
        #expect(throws: CryptoError.self) { try AES256GCM.seal([1], key: [0], nonce: zeroNonce, aad: []) }
        #expect(throws: CryptoError.self) { try AES256GCM.seal([1], key: zeroKey, nonce: [0], aad: []) }
    }
}
