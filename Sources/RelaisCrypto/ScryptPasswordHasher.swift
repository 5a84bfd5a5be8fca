import COpenSSL
import RelaisCore

/// Password hashing with scrypt (RFC 7914, OpenSSL's `EVP_PBE_scrypt`), encoded so that the
/// parameters travel with the hash and can rise later without invalidating older passwords:
/// `scrypt$<log2 N>$<r>$<p>$<salt hex>$<hash hex>`.
public struct ScryptPasswordHasher: Sendable {
    /// The cost parameters of one hash.
    public struct Parameters: Sendable, Equatable {
        /// log2 of N, the CPU/memory cost.
        public var logN: Int
        public var r: Int
        public var p: Int

        public init(logN: Int, r: Int, p: Int) {
            self.logN = logN
            self.r = r
            self.p = p
        }

        /// N = 2^15, r = 8, p = 1: 32 MiB and roughly 0.1 s per sign-in on the box, the interactive
        /// figure of RFC 7914 §2 raised one step.
        public static let interactive = Parameters(logN: 15, r: 8, p: 1)

        /// Bounds a stored hash may claim; beyond them it is refused rather than run (a tampered row
        /// must not make sign-in allocate gigabytes).
        var isAcceptable: Bool { (1...20).contains(logN) && (1...32).contains(r) && (1...16).contains(p) }

        /// The memory scrypt needs (128·r·N, plus 128·r·p), with room to spare: passed as `maxmem`,
        /// since OpenSSL's default of 0 caps it at 32 MiB, which N = 2^15, r = 8 exceeds.
        var maxMemory: UInt64 { 128 * UInt64(r) * (UInt64(1) << UInt64(logN)) * 2 + 128 * UInt64(r) * UInt64(p) + 1_048_576 }
    }

    public static let saltLength = 16
    public static let hashLength = 32
    static let prefix = "scrypt"

    public let parameters: Parameters
    let random: any RandomSource

    public init(parameters: Parameters = .interactive, random: any RandomSource) {
        self.parameters = parameters
        self.random = random
    }

    /// The encoded hash of `password` under a fresh 16-byte salt.
    public func hash(_ password: String) throws(CryptoError) -> String {
        let salt = random.bytes(Self.saltLength)
        let key = try Self.derive(Array(password.utf8), salt: salt, parameters: parameters, length: Self.hashLength)
        return [Self.prefix, "\(parameters.logN)", "\(parameters.r)", "\(parameters.p)", Hex.encode(salt), Hex.encode(key)]
            .joined(separator: "$")
    }

    /// True when `password` matches `encoded`; false for a wrong password and for any malformed or
    /// out-of-bounds encoding. The final comparison takes the same time whatever the bytes.
    public func verify(_ password: String, against encoded: String) -> Bool {
        guard let stored = Self.decode(encoded),
              let key = try? Self.derive(Array(password.utf8), salt: stored.salt, parameters: stored.parameters, length: stored.hash.count)
        else { return false }
        return OpenSSLConstantTime.equal(key, stored.hash)
    }

    /// True when `encoded` was made with weaker parameters than today's: rehash at the next sign-in.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let stored = Self.decode(encoded) else { return true }
        return stored.parameters != parameters
    }

    /// The parts of an encoded hash; nil when malformed or outside the accepted bounds.
    static func decode(_ encoded: String) -> (parameters: Parameters, salt: [UInt8], hash: [UInt8])? {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == prefix,
              let logN = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              let salt = Hex.decode(String(parts[4])), let hash = Hex.decode(String(parts[5])),
              salt.count >= 8, (16...64).contains(hash.count)
        else { return nil }
        let parameters = Parameters(logN: logN, r: r, p: p)
        return parameters.isAcceptable ? (parameters, salt, hash) : nil
    }

    /// Raw scrypt: the RFC 7914 function, for the test vectors and for `hash`/`verify`.
    public static func derive(_ password: [UInt8], salt: [UInt8], parameters: Parameters, length: Int) throws(CryptoError) -> [UInt8] {
        guard parameters.isAcceptable, length > 0 else {
            throw CryptoError(code: "scrypt", message: "scrypt parameters out of bounds")
        }
        var key = [UInt8](repeating: 0, count: length)
        // One spare byte each, so that an empty password or salt still has an address to give.
        let pass = password.map { CChar(bitPattern: $0) } + [0]
        let salted = salt + [0]
        let n = UInt64(1) << UInt64(parameters.logN)
        let result = EVP_PBE_scrypt(
            pass, password.count, salted, salt.count, n, UInt64(parameters.r), UInt64(parameters.p),
            parameters.maxMemory, &key, key.count)
        guard result == 1 else { throw CryptoError.fromQueue(code: "scrypt", operation: "EVP_PBE_scrypt") }
        return key
    }
}
