import COpenSSL
import RelaisCore

/// HMAC-SHA256 through OpenSSL's one-shot `HMAC()`, under a key fixed at creation.
public struct HMACSHA256Authenticator: MessageAuthenticator {
    /// Length of the code, in bytes.
    public static let codeLength = 32
    private let key: [UInt8]

    /// Keeps `key` (at least one byte; 32 random bytes in production) and checks once that OpenSSL computes with it.
    public init(key: [UInt8]) throws(CryptoError) {
        guard !key.isEmpty else { throw CryptoError(code: "key", message: "an HMAC key needs at least one byte") }
        self.key = key
        _ = try code(for: [])
    }

    /// The code, or a typed error from OpenSSL's queue.
    public func code(for message: [UInt8]) throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // A zero-length message still needs a valid pointer.
        let data = message.isEmpty ? [0] : message
        let ok = key.withUnsafeBufferPointer { keyBytes in
            data.withUnsafeBufferPointer { dataBytes in
                out.withUnsafeMutableBufferPointer { outBytes in
                    HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                         dataBytes.baseAddress, message.count, outBytes.baseAddress, &length) != nil
                }
            }
        }
        guard ok, length == UInt32(Self.codeLength) else { throw CryptoError.fromQueue(code: "hmac", operation: "HMAC-SHA256") }
        return Array(out.prefix(Int(length)))
    }

    /// The protocol's non-throwing form. HMAC over a key already checked at creation only fails when
    /// memory runs out; then it returns an empty code, which no verifier accepts (fail closed).
    public func authenticationCode(for message: [UInt8]) -> [UInt8] {
        (try? code(for: message)) ?? []
    }
}
