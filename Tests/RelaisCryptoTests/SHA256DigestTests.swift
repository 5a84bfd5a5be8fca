import RelaisCore
import RelaisCrypto
import Testing

@Suite struct SHA256DigestTests {
    /// FIPS 180-2 test vectors.
    @Test func sha256MatchesTheStandardVectors() throws {
        let digest = SHA256Digest()
        #expect(digest.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try SHA256Digest.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == Hex.decode("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"))
    }
}
