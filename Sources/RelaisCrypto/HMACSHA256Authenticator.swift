import COpenSSL
import RelaisCore

/// HMAC-SHA256 through OpenSSL 3's `EVP_MAC`, under a key fixed at creation.
///
/// The key schedule is computed once into a template context; each message works on a duplicate of it.
/// The one-shot `HMAC()` fetched the digest and re-keyed on every call: 1.5 µs against 0.7 µs here,
/// paid on every portal page (each form carries a fresh token).
public final class HMACSHA256Authenticator: MessageAuthenticator, @unchecked Sendable {
    // @unchecked: `template` is never mutated after `init`, only duplicated (a read), which OpenSSL
    // allows from several threads at once; `deinit` runs when no other thread can hold the object.

    /// Length of the code, in bytes.
    public static let codeLength = 32
    private let template: OpaquePointer

    /// Keys the template (at least one byte; 32 random bytes in production) and checks once that OpenSSL
    /// computes with it.
    public init(key: [UInt8]) throws(CryptoError) {
        guard !key.isEmpty else { throw CryptoError(code: "key", message: "an HMAC key needs at least one byte") }
        guard let template = key.withUnsafeBufferPointer({ relais_hmac_sha256_keyed($0.baseAddress, $0.count) }) else {
            throw CryptoError.fromQueue(code: "hmac", operation: "HMAC-SHA256 key")
        }
        self.template = template
        _ = try code(for: [])
    }

    deinit {
        EVP_MAC_CTX_free(template)
    }

    /// The code, or a typed error from OpenSSL's queue.
    public func code(for message: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let context = EVP_MAC_CTX_dup(template) else {
            throw CryptoError.fromQueue(code: "hmac", operation: "HMAC-SHA256")
        }
        defer { EVP_MAC_CTX_free(context) }
        var out = [UInt8](repeating: 0, count: Self.codeLength)
        var length = 0
        let ok = message.withUnsafeBufferPointer { bytes in
            // An empty message needs no update; `final` alone gives its code.
            (bytes.isEmpty || EVP_MAC_update(context, bytes.baseAddress, bytes.count) == 1)
                && out.withUnsafeMutableBufferPointer { EVP_MAC_final(context, $0.baseAddress, &length, $0.count) } == 1
        }
        guard ok, length == Self.codeLength else { throw CryptoError.fromQueue(code: "hmac", operation: "HMAC-SHA256") }
        return out
    }

    /// The protocol's non-throwing form. HMAC over a key already checked at creation only fails when
    /// memory runs out; then it returns an empty code, which no verifier accepts (fail closed).
    public func authenticationCode(for message: [UInt8]) -> [UInt8] {
        (try? code(for: message)) ?? []
    }
}
