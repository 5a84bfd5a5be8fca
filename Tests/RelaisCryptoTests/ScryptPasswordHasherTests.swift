import RelaisCore
import Testing
@testable import RelaisCrypto

@Suite struct ScryptPasswordHasherTests {
    // RFC 7914 §12 (the 1 GiB vector N = 2^20 is left out: too heavy for a shared test machine).
    @Test(arguments: [
        ("", "", 4, 1, 1,
         "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
        ("password", "NaCl", 10, 8, 16,
         "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
        ("pleaseletmein", "SodiumChloride", 14, 8, 1,
         "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"),
    ])
    func rfc7914Vectors(password: String, salt: String, logN: Int, r: Int, p: Int, expected: String) throws {
        let key = try ScryptPasswordHasher.derive(
            Array(password.utf8), salt: Array(salt.utf8), parameters: .init(logN: logN, r: r, p: p), length: 64)
        #expect(Hex.encode(key) == expected)
    }

    /// Cheap parameters for the round trips; the default ones are checked once below.
    let hasher = ScryptPasswordHasher(parameters: .init(logN: 10, r: 8, p: 1), random: SystemRandomSource())

    @Test func encodesItsParametersAndVerifies() throws {
        let encoded = try hasher.hash("correct horse")
        let parts = encoded.split(separator: "$")
        #expect(parts.count == 6 && parts[0] == "scrypt" && parts[1] == "10" && parts[2] == "8" && parts[3] == "1")
        #expect(parts[4].count == 32)
        #expect(hasher.verify("correct horse", against: encoded))
        #expect(!hasher.verify("correct horsE", against: encoded))
        #expect(!hasher.verify("", against: encoded))
    }

    @Test func saltsDiffer() throws {
        #expect(try hasher.hash("same") != hasher.hash("same"))
    }

    @Test func olderParametersStillVerifyAndAskForARehash() throws {
        let old = try ScryptPasswordHasher(parameters: .init(logN: 9, r: 8, p: 1), random: SystemRandomSource()).hash("pw")
        #expect(hasher.verify("pw", against: old))
        #expect(hasher.needsRehash(old))
        #expect(!hasher.needsRehash(try hasher.hash("pw")))
    }

    @Test(arguments: [
        "", "scrypt", "bcrypt$10$8$1$00112233445566778899aabbccddeeff$00",
        "scrypt$30$8$1$00112233445566778899aabbccddeeff$00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
        "scrypt$10$8$1$zz$00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
        "scrypt$10$8$1$00112233445566778899aabbccddeeff$0011",
    ])
    func malformedOrOutOfBoundsHashesNeverVerify(encoded: String) {
        #expect(!hasher.verify("anything", against: encoded))
    }

    @Test func defaultParametersNeedMoreThanOpenSSLsDefaultCap() throws {
        // N = 2^15, r = 8 needs 32 MiB: with maxmem 0 OpenSSL would refuse it.
        let interactive = ScryptPasswordHasher(random: SystemRandomSource())
        #expect(interactive.parameters == .init(logN: 15, r: 8, p: 1))
        let encoded = try interactive.hash("pw")
        #expect(encoded.hasPrefix("scrypt$15$8$1$"))
        #expect(interactive.verify("pw", against: encoded))
    }

    @Test func sha256KnownAnswer() throws {
        #expect(Hex.encode(try SHA256Digest.hash(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode(try SHA256Digest.hash([]))
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
