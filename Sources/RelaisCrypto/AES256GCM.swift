import COpenSSL

/// AES-256-GCM through OpenSSL's EVP interface: a 96-bit nonce, a 128-bit tag appended to the ciphertext.
public enum AES256GCM {
    public static let keyLength = 32
    public static let nonceLength = 12
    public static let tagLength = 16

    /// `plaintext` sealed under `key` and `nonce`, bound to `aad`: the ciphertext followed by the tag.
    /// A nonce must never be used twice with one key: callers draw a random one per message.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], aad: [UInt8]) throws(CryptoError) -> [UInt8] {
        try checkSizes(key: key, nonce: nonce)
        let context = try Context()
        defer { EVP_CIPHER_CTX_free(context.pointer) }
        guard EVP_EncryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, key, nonce) == 1 else {
            throw CryptoError.fromQueue(code: "seal", operation: "EVP_EncryptInit_ex")
        }
        var length: Int32 = 0
        if !aad.isEmpty {
            guard EVP_EncryptUpdate(context.pointer, nil, &length, aad, Int32(aad.count)) == 1 else {
                throw CryptoError.fromQueue(code: "seal", operation: "EVP_EncryptUpdate(aad)")
            }
        }
        var out = [UInt8](repeating: 0, count: plaintext.count + tagLength)
        var written: Int32 = 0
        if !plaintext.isEmpty {
            guard EVP_EncryptUpdate(context.pointer, &out, &written, plaintext, Int32(plaintext.count)) == 1 else {
                throw CryptoError.fromQueue(code: "seal", operation: "EVP_EncryptUpdate")
            }
        }
        let final = try out.withUnsafeMutableBufferPointer { (buffer) throws(CryptoError) -> Int32 in
            var extra: Int32 = 0
            guard EVP_EncryptFinal_ex(context.pointer, buffer.baseAddress! + Int(written), &extra) == 1 else {
                throw CryptoError.fromQueue(code: "seal", operation: "EVP_EncryptFinal_ex")
            }
            guard EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_GET_TAG, Int32(tagLength),
                                      buffer.baseAddress! + plaintext.count) == 1 else {
                throw CryptoError.fromQueue(code: "seal", operation: "EVP_CTRL_GCM_GET_TAG")
            }
            return extra
        }
        guard Int(written + final) == plaintext.count else { throw CryptoError(code: "seal", message: "unexpected GCM output length") }
        return out
    }

    /// The plaintext of `sealed` (ciphertext + tag); throws `CryptoError` code `open` when the key,
    /// the nonce, the AAD or any byte differ from the sealing.
    public static func open(_ sealed: [UInt8], key: [UInt8], nonce: [UInt8], aad: [UInt8]) throws(CryptoError) -> [UInt8] {
        try checkSizes(key: key, nonce: nonce)
        guard sealed.count >= tagLength else { throw CryptoError(code: "open", message: "sealed entry shorter than its tag") }
        let body = Array(sealed.prefix(sealed.count - tagLength))
        var tag = Array(sealed.suffix(tagLength))
        let context = try Context()
        defer { EVP_CIPHER_CTX_free(context.pointer) }
        guard EVP_DecryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, key, nonce) == 1 else {
            throw CryptoError.fromQueue(code: "open", operation: "EVP_DecryptInit_ex")
        }
        var length: Int32 = 0
        if !aad.isEmpty {
            guard EVP_DecryptUpdate(context.pointer, nil, &length, aad, Int32(aad.count)) == 1 else {
                throw CryptoError.fromQueue(code: "open", operation: "EVP_DecryptUpdate(aad)")
            }
        }
        var out = [UInt8](repeating: 0, count: body.count + tagLength)
        var written: Int32 = 0
        if !body.isEmpty {
            guard EVP_DecryptUpdate(context.pointer, &out, &written, body, Int32(body.count)) == 1 else {
                throw CryptoError.fromQueue(code: "open", operation: "EVP_DecryptUpdate")
            }
        }
        guard EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_TAG, Int32(tagLength), &tag) == 1 else {
            throw CryptoError.fromQueue(code: "open", operation: "EVP_CTRL_GCM_SET_TAG")
        }
        let verified = out.withUnsafeMutableBufferPointer { buffer in
            var extra: Int32 = 0
            return EVP_DecryptFinal_ex(context.pointer, buffer.baseAddress! + Int(written), &extra)
        }
        guard verified == 1 else {
            ERR_clear_error()
            throw CryptoError(code: "open", message: "authentication failed: wrong key, or the entry was altered")
        }
        return Array(out.prefix(body.count))
    }

    private static func checkSizes(key: [UInt8], nonce: [UInt8]) throws(CryptoError) {
        guard key.count == keyLength else { throw CryptoError(code: "key", message: "AES-256 needs a 32-byte key") }
        guard nonce.count == nonceLength else { throw CryptoError(code: "key", message: "GCM nonce must be 12 bytes") }
    }

    /// An `EVP_CIPHER_CTX`, freed by the caller's `defer`.
    private struct Context {
        let pointer: OpaquePointer
        init() throws(CryptoError) {
            guard let pointer = EVP_CIPHER_CTX_new() else {
                throw CryptoError.fromQueue(code: "seal", operation: "EVP_CIPHER_CTX_new")
            }
            self.pointer = pointer
        }
    }
}
