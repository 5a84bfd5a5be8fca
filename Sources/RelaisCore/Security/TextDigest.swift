/// SHA-256 of bytes (OpenSSL in production): the port the notice's version is computed through, and the
/// one-way digest under which secret tokens (help-request tickets) are stored.
public protocol TextDigest: Sendable {
    /// The 32-byte SHA-256 of `bytes`.
    func sha256(_ bytes: [UInt8]) -> [UInt8]
}

extension TextDigest {
    /// Lower-case hex SHA-256 of `text`'s UTF-8 bytes.
    public func sha256Hex(_ text: String) -> String {
        Hex.encode(sha256(Array(text.utf8)))
    }
}
