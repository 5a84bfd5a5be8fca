import Foundation
import RelaisCore
import RelaisCrypto
import Testing

/// RFC 4231 §4 test vectors for HMAC-SHA256.
@Suite struct HMACSHA256AuthenticatorTests {
    static func hex(_ text: String) -> [UInt8] { Hex.decode(text.filter { !$0.isWhitespace })! }
    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    struct Vector: Sendable, CustomStringConvertible {
        var name: String
        var key: [UInt8]
        var data: [UInt8]
        var expected: String
        var description: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "case 1", key: [UInt8](repeating: 0x0b, count: 20), data: ascii("Hi There"),
               expected: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Vector(name: "case 2", key: ascii("Jefe"), data: ascii("what do ya want for nothing?"),
               expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Vector(name: "case 3", key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
               expected: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Vector(name: "case 4", key: hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), data: [UInt8](repeating: 0xcd, count: 50),
               expected: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        Vector(name: "case 6", key: [UInt8](repeating: 0xaa, count: 131),
               data: ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
               expected: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Vector(name: "case 7", key: [UInt8](repeating: 0xaa, count: 131),
               data: ascii("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
               expected: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: vectors) func rfc4231(_ vector: Vector) throws {
        let mac = try HMACSHA256Authenticator(key: vector.key)
        #expect(Hex.encode(mac.authenticationCode(for: vector.data)) == vector.expected)
        #expect(Hex.encode(try mac.code(for: vector.data)) == vector.expected)
    }

    @Test func rfc4231Case5Truncated() throws {
        let mac = try HMACSHA256Authenticator(key: [UInt8](repeating: 0x0c, count: 20))
        let code = mac.authenticationCode(for: Self.ascii("Test With Truncation"))
        #expect(Hex.encode(Array(code.prefix(16))) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test func emptyKeyIsRefused() {
        #expect(throws: CryptoError.self) { try HMACSHA256Authenticator(key: []) }
    }

    @Test func emptyMessageHasACode() throws {
        let mac = try HMACSHA256Authenticator(key: Self.ascii("key"))
        // HMAC-SHA256("key", "") from Python's hmac module.
        #expect(Hex.encode(mac.authenticationCode(for: [])) == "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0")
    }

    @Test func formTokensWorkWithTheRealHMAC() throws {
        let codec = FormTokenCodec(authenticator: try HMACSHA256Authenticator(key: SystemRandomSource().randomBytes(32)))
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let token = codec.issue(boundTo: "192.0.2.7", nonce: [1, 2, 3, 4], now: now, lifetimeSeconds: 60)
        #expect(codec.verify(token, boundTo: "192.0.2.7", now: now) == .valid(nonce: [1, 2, 3, 4], expiresAt: now.addingTimeInterval(60)))
        #expect(codec.verify(token, boundTo: "192.0.2.8", now: now) == .forged)
    }
}
