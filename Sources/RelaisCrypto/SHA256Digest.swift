import COpenSSL
import RelaisCore

/// SHA-256 through OpenSSL's `EVP_Digest`: the notice's version and the hash of each text shown, and what
/// the store keeps of a secret token (staff session, help-request ticket) instead of the token.
public struct SHA256Digest: TextDigest {
    public init() {}

    /// The 32-byte digest of `bytes`, or a typed error from OpenSSL's queue.
    public static func hash(_ bytes: [UInt8]) throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { EVP_Digest(input.baseAddress, input.count, $0.baseAddress, &length, EVP_sha256(), nil) }
        }
        guard ok == 1, length == 32 else { throw CryptoError.fromQueue(code: "sha256", operation: "EVP_Digest") }
        return out
    }

    /// The port's non-throwing form: SHA-256 only fails when memory runs out; then it returns an empty
    /// digest, which matches no recorded version nor stored token (fail closed).
    public func sha256(_ bytes: [UInt8]) -> [UInt8] {
        (try? Self.hash(bytes)) ?? []
    }
}
