/// Keyed message authentication (HMAC-SHA256 in production) and a source of unpredictable bytes.
public protocol MessageAuthenticator: Sendable {
    /// The authentication code of `message` under the key this value holds.
    func authenticationCode(for message: [UInt8]) -> [UInt8]
}

/// Cryptographically secure random bytes.
public protocol RandomSource: Sendable {
    func bytes(_ count: Int) -> [UInt8]
}
