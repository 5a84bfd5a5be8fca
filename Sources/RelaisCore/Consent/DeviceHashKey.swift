/// The secret key of the keyed hash that stands for a remembered device: 32 bytes read from a root-only
/// file (`relais keys init`), never stored in the database.
public struct DeviceHashKey: Sendable, Equatable {
    /// Length of the key, in bytes.
    public static let length = 32
    public let bytes: [UInt8]

    /// Nil unless exactly `length` bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.length else { return nil }
        self.bytes = bytes
    }
}

/// HMAC-SHA256 of a device's MAC under the `DeviceHashKey`: what the store keeps of a remembered device,
/// never the MAC itself. Pseudonymous data (CE, 8 Feb 2017, JCDecaux), kept only while the consent holds.
public struct DeviceHash: Sendable, Hashable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }
}

/// Computes `DeviceHash` values with a keyed authenticator (OpenSSL HMAC-SHA256 over the key in production).
public struct DeviceHasher: Sendable {
    let authenticator: any MessageAuthenticator

    public init(authenticator: any MessageAuthenticator) {
        self.authenticator = authenticator
    }

    /// The keyed hash of `mac`, over its canonical text (lower-case, colon-separated).
    public func hash(_ mac: MACAddress) -> DeviceHash {
        DeviceHash(bytes: authenticator.authenticationCode(for: Array("relais-remember-device:\(mac)".utf8)))
    }
}
