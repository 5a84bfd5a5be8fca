import RelaisCore
import RelaisCrypto
import Testing

/// RFC 8032 §7.1 test vectors (tests 1 to 3), round trip and tamper detection.
@Suite struct Ed25519SignerTests {
    struct Vector: Sendable, CustomStringConvertible {
        var name: String
        var secret: String
        var publicKey: String
        var message: String
        var signature: String
        var description: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "test 1", secret: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
               publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", message: "",
               signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Vector(name: "test 2", secret: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
               publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", message: "72",
               signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        Vector(name: "test 3", secret: "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
               publicKey: "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", message: "af82",
               signature: "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
    ]

    @Test(arguments: vectors) func rfc8032(_ vector: Vector) throws {
        let signer = try Ed25519Signer(privateKey: Hex.decode(vector.secret)!)
        #expect(Hex.encode(try signer.publicKey()) == vector.publicKey)
        let message = Hex.decode(vector.message)!
        #expect(Hex.encode(try signer.sign(message)) == vector.signature)
        #expect(Ed25519Signer.verify(signature: Hex.decode(vector.signature)!, of: message, publicKey: Hex.decode(vector.publicKey)!))
    }

    @Test func roundTripAndTamperDetection() throws {
        let signer = try Ed25519Signer.generate()
        let publicKey = try signer.publicKey()
        let report = Array(#"{"box_id":"mairie","tables":[]}"#.utf8)
        let signature = try signer.sign(report)
        #expect(Ed25519Signer.verify(signature: signature, of: report, publicKey: publicKey))
        var changed = report
        changed[3] ^= 0x01
        #expect(!Ed25519Signer.verify(signature: signature, of: changed, publicKey: publicKey))
        var forged = signature
        forged[10] ^= 0x80
        #expect(!Ed25519Signer.verify(signature: forged, of: report, publicKey: publicKey))
        #expect(!Ed25519Signer.verify(signature: signature, of: report, publicKey: try Ed25519Signer.generate().publicKey()))
        #expect(!Ed25519Signer.verify(signature: Array(signature.prefix(63)), of: report, publicKey: publicKey))
    }

    @Test func wrongKeyLengthIsRefused() {
        #expect(throws: CryptoError.self) { try Ed25519Signer(privateKey: [1, 2, 3]) }
    }
}
