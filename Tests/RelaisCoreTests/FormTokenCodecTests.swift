import Foundation
import RelaisCore
import Testing

/// A deterministic keyed code for tests: FNV-1a over key and message, spread to 32 bytes.
/// Not secure; only shaped like a MAC (any change of key or message changes it).
struct TestAuthenticator: MessageAuthenticator {
    var key: [UInt8] = Array("test-key".utf8)

    func authenticationCode(for message: [UInt8]) -> [UInt8] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var out: [UInt8] = []
        for round in 0..<4 {
            for byte in key + [UInt8(round)] + message {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            out += (0..<8).map { UInt8(truncatingIfNeeded: hash >> (8 * $0)) }
        }
        return out
    }
}

/// An authenticator that has failed (returns no code), to check the codec fails closed.
struct BrokenAuthenticator: MessageAuthenticator {
    func authenticationCode(for message: [UInt8]) -> [UInt8] { [] }
}

@Suite struct FormTokenCodecTests {
    let codec = FormTokenCodec(authenticator: TestAuthenticator())
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let nonce: [UInt8] = [0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]

    @Test func validWithinItsLifetime() {
        let token = codec.issue(boundTo: "192.0.2.10", nonce: nonce, now: now, lifetimeSeconds: 900)
        let expiry = now.addingTimeInterval(900)
        #expect(codec.verify(token, boundTo: "192.0.2.10", now: now) == .valid(nonce: nonce, expiresAt: expiry))
        #expect(codec.verify(token, boundTo: "192.0.2.10", now: now.addingTimeInterval(899)) == .valid(nonce: nonce, expiresAt: expiry))
        #expect(codec.verify(token, boundTo: "192.0.2.10", now: now.addingTimeInterval(900)) == .expired)
    }

    @Test func tokenIsURLSafeText() {
        let token = codec.issue(boundTo: "2001:db8::1", nonce: nonce, now: now, lifetimeSeconds: 60)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") })
        #expect(URLEncodedFormSafe.isUnreserved(token))
        #expect(codec.verify(token, boundTo: "2001:db8::1", now: now) == .valid(nonce: nonce, expiresAt: now.addingTimeInterval(60)))
    }

    @Test func anotherDeviceOrKeyIsRefused() {
        let token = codec.issue(boundTo: "192.0.2.10", nonce: nonce, now: now, lifetimeSeconds: 900)
        #expect(codec.verify(token, boundTo: "192.0.2.11", now: now) == .forged)
        let otherKey = FormTokenCodec(authenticator: TestAuthenticator(key: Array("other".utf8)))
        #expect(otherKey.verify(token, boundTo: "192.0.2.10", now: now) == .forged)
    }

    @Test func alteredPartsAreForged() {
        let token = codec.issue(boundTo: "192.0.2.10", nonce: nonce, now: now, lifetimeSeconds: 900)
        let parts = token.split(separator: ".").map(String.init)
        // A later expiry is not believed: the code covers it.
        let extended = [parts[0], String(Int(parts[1])! + 3600), parts[2]].joined(separator: ".")
        #expect(codec.verify(extended, boundTo: "192.0.2.10", now: now.addingTimeInterval(1000)) == .forged)
        let otherNonce = ["00" + parts[0].dropFirst(2), parts[1], parts[2]].joined(separator: ".")
        #expect(codec.verify(otherNonce, boundTo: "192.0.2.10", now: now) == .forged)
        var code = Array(parts[2])
        code[0] = code[0] == "0" ? "1" : "0"
        #expect(codec.verify([parts[0], parts[1], String(code)].joined(separator: "."), boundTo: "192.0.2.10", now: now) == .forged)
    }

    @Test func expiredIsReportedOnlyForAuthenticTokens() {
        let token = codec.issue(boundTo: "192.0.2.10", nonce: nonce, now: now, lifetimeSeconds: 10)
        #expect(codec.verify(token, boundTo: "192.0.2.10", now: now.addingTimeInterval(3600)) == .expired)
        #expect(codec.verify(token, boundTo: "192.0.2.99", now: now.addingTimeInterval(3600)) == .forged)
    }

    @Test(arguments: [
        "", ".", "..", "abc", "a.b.c", "zz.1790000000.00112233445566778899aabbccddeeff",
        "0011.-5.00112233445566778899aabbccddeeff", "0011.1790000000.0011", "0011.1790000000.00112233445566778899aabbccddeeff.x",
        ".1790000000.00112233445566778899aabbccddeeff", "0011.99999999999999999999.00112233445566778899aabbccddeeff",
        "0011.+1790000000.00112233445566778899aabbccddeeff", String(repeating: "ab", count: 65) + ".1.00112233445566778899aabbccddeeff",
    ])
    func malformedTokens(_ token: String) {
        #expect(codec.verify(token, boundTo: "192.0.2.10", now: now) == .malformed)
    }

    @Test func failingAuthenticatorNeverValidates() {
        let broken = FormTokenCodec(authenticator: BrokenAuthenticator())
        let token = broken.issue(boundTo: "192.0.2.10", nonce: nonce, now: now, lifetimeSeconds: 900)
        #expect(broken.verify(token, boundTo: "192.0.2.10", now: now) != .valid(nonce: nonce, expiresAt: now.addingTimeInterval(900)))
        let good = codec.issue(boundTo: "192.0.2.10", nonce: nonce, now: now, lifetimeSeconds: 900)
        #expect(broken.verify(good, boundTo: "192.0.2.10", now: now) == .forged)
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equal([1, 2], [1, 2]))
        #expect(!ConstantTime.equal([1, 2], [1, 3]))
        #expect(!ConstantTime.equal([1, 2], [1]))
    }
}

/// RFC 3986 unreserved characters: a value that needs no percent-encoding in a form or URL.
enum URLEncodedFormSafe {
    static func isUnreserved(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~").contains($0) }
    }
}
