import COpenSSL
import RelaisCore

/// SHA-256 (OpenSSL `EVP_Digest`): what the store keeps of a secret token instead of the token.
public enum SHA256Digest {
    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) throws(CryptoError) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let input = bytes + [0]
        let result = EVP_Digest(input, bytes.count, &digest, &length, EVP_sha256(), nil)
        guard result == 1, length == 32 else { throw CryptoError.fromQueue(code: "digest", operation: "EVP_Digest") }
        return digest
    }
}

/// SHA-256 as the core's ``TokenDigest`` port.
public struct SHA256TokenDigest: TokenDigest {
    public init() {}

    /// The digest; OpenSSL failing to hash 32 bytes is not recoverable, so it falls back to nothing
    /// secret: an empty digest, which matches no stored one (every CHECK wants 32 bytes).
    public func digest(_ token: [UInt8]) -> [UInt8] {
        (try? SHA256Digest.hash(token)) ?? []
    }
}
