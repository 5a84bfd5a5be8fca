import COpenSSL

/// Byte comparison whose time does not depend on the contents (`CRYPTO_memcmp`), for secrets and codes.
public enum OpenSSLConstantTime {
    /// True when both have the same length and bytes.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in CRYPTO_memcmp(left.baseAddress, right.baseAddress, a.count) == 0 }
        }
    }
}
