import COpenSSL
import RelaisCore

/// Ed25519 (RFC 8032) signatures through OpenSSL 3's `EVP_PKEY_ED25519`, from a raw 32-byte private key:
/// the box signs its reports with it, the collector checks them with the 32-byte public key.
public struct Ed25519Signer: ReportSigner, Sendable {
    public static let keyLength = 32
    public static let signatureLength = 64

    private let seed: [UInt8]

    /// `seed` is the raw private key (32 bytes); checked once by deriving the public key.
    public init(privateKey seed: [UInt8]) throws(CryptoError) {
        guard seed.count == Self.keyLength else {
            throw CryptoError(code: "key", message: "an Ed25519 private key is 32 bytes, not \(seed.count)")
        }
        self.seed = seed
        _ = try publicKey()
    }

    /// A new key from OpenSSL's random generator.
    public static func generate(random: SystemRandomSource = SystemRandomSource()) throws(CryptoError) -> Ed25519Signer {
        try Ed25519Signer(privateKey: random.randomBytes(keyLength))
    }

    /// The raw 32-byte private key, to write the key file.
    public var privateKey: [UInt8] { seed }

    /// The raw 32-byte public key, to register at the département.
    public func publicKey() throws(CryptoError) -> [UInt8] {
        let key = try Self.privateKeyObject(seed)
        defer { EVP_PKEY_free(key) }
        var out = [UInt8](repeating: 0, count: Self.keyLength)
        var length = out.count
        guard EVP_PKEY_get_raw_public_key(key, &out, &length) == 1, length == Self.keyLength else {
            throw CryptoError.fromQueue(code: "key", operation: "Ed25519 public key")
        }
        return out
    }

    /// The 64-byte signature of `message`.
    public func sign(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        let key = try Self.privateKeyObject(seed)
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { throw CryptoError.fromQueue(code: "sign", operation: "Ed25519 sign") }
        defer { EVP_MD_CTX_free(context) }
        var out = [UInt8](repeating: 0, count: Self.signatureLength)
        var length = out.count
        let ok = EVP_DigestSignInit(context, nil, nil, nil, key) == 1
            && Self.addressable(message).withUnsafeBufferPointer { EVP_DigestSign(context, &out, &length, $0.baseAddress, message.count) } == 1
        guard ok, length == Self.signatureLength else { throw CryptoError.fromQueue(code: "sign", operation: "Ed25519 sign") }
        return out
    }

    public func signature(for message: [UInt8]) throws -> [UInt8] { try sign(message) }

    /// Whether `signature` is `publicKey`'s signature of exactly `message`.
    public static func verify(signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == signatureLength, publicKey.count == keyLength,
              let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count) else {
            ERR_clear_error()
            return false
        }
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        let ok = EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1
            && addressable(message).withUnsafeBufferPointer { EVP_DigestVerify(context, signature, signature.count, $0.baseAddress, message.count) } == 1
        ERR_clear_error()  // A bad signature leaves a reason on the queue; it is an answer, not an error.
        return ok
    }

    /// OpenSSL refuses a null pointer even for an empty message: give it one byte it will not read.
    private static func addressable(_ message: [UInt8]) -> [UInt8] { message.isEmpty ? [0] : message }

    private static func privateKeyObject(_ seed: [UInt8]) throws(CryptoError) -> OpaquePointer {
        guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
            throw CryptoError.fromQueue(code: "key", operation: "Ed25519 private key")
        }
        return key
    }
}
