import RelaisCore

/// Seals legal log entries with AES-256-GCM under the ring's current key, a fresh random 96-bit nonce
/// each time; opens them with whichever key of the ring sealed them.
public struct KeyRingSealer: LegalEntrySealer {
    public let ring: LegalKeyRing
    private let random: SystemRandomSource

    public init(ring: LegalKeyRing, random: SystemRandomSource = SystemRandomSource()) {
        self.ring = ring
        self.random = random
    }

    public var currentKeyID: UInt32 { ring.currentID }

    public func seal(_ plaintext: [UInt8], header: LegalSealHeader) throws -> SealedLegalEntry {
        let key = ring.current
        // Random nonces: at 2^32 messages per key the collision risk reaches NIST's bound (SP 800-38D
        // 8.3); a box writes a few thousand entries a day, and keys are rotated long before.
        let nonce = try random.randomBytes(AES256GCM.nonceLength)
        let ciphertext = try AES256GCM.seal(
            plaintext, key: key.secret, nonce: nonce, aad: header.authenticatedData(keyID: key.id))
        return SealedLegalEntry(keyID: key.id, nonce: nonce, ciphertext: ciphertext)
    }

    public func open(_ sealed: SealedLegalEntry, header: LegalSealHeader) throws -> [UInt8] {
        guard let key = ring.key(id: sealed.keyID) else {
            throw CryptoError(code: "key", message: "key \(sealed.keyID) is not in the key ring")
        }
        return try AES256GCM.open(
            sealed.ciphertext, key: key.secret, nonce: sealed.nonce, aad: header.authenticatedData(keyID: key.id))
    }
}
