import FoundationEssentials
import Glibc
import RelaisCore

/// The box's signing key on disk: PKCS#8 PEM (what `openssl pkey` reads), or the raw 32 bytes. Created
/// with mode 0600, never over an existing file; a key file others can read is refused.
public enum Ed25519KeyFile {
    /// DER prefixes of an Ed25519 PKCS#8 private key and of its SubjectPublicKeyInfo (RFC 8410), before the 32 key bytes.
    static let pkcs8Prefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// Creates a new key at `path` (mode 0600; fails if the file exists) and returns its signer.
    @discardableResult
    public static func create(at path: String, random: SystemRandomSource = SystemRandomSource()) throws(CryptoError) -> Ed25519Signer {
        let signer = try Ed25519Signer.generate(random: random)
        let text = pem(privateKey: signer.privateKey)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw fileError("cannot create \(path)") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw fileError("cannot write \(path)") }
        return signer
    }

    /// Loads the key at `path`: refused when group or others may read it, or when it is neither form.
    public static func load(from path: String) throws(CryptoError) -> Ed25519Signer {
        var info = stat()
        guard stat(path, &info) == 0 else { throw fileError("cannot read \(path)") }
        guard info.st_mode & 0o077 == 0 else {
            throw CryptoError(code: "key", message: "\(path) may be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        guard let contents = FileManager.default.contents(atPath: path) else { throw fileError("cannot read \(path)") }
        return try Ed25519Signer(privateKey: privateKey(in: Array(contents)))
    }

    /// The raw key from a file's bytes: 32 raw bytes, or a PEM `PRIVATE KEY` holding an Ed25519 PKCS#8 key.
    static func privateKey(in bytes: [UInt8]) throws(CryptoError) -> [UInt8] {
        if bytes.count == Ed25519Signer.keyLength { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        let body = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard text.contains("-----BEGIN PRIVATE KEY-----"), let der = Data(base64Encoded: body).map(Array.init),
              der.count == pkcs8Prefix.count + Ed25519Signer.keyLength, der.starts(with: pkcs8Prefix) else {
            throw CryptoError(code: "key", message: "not an Ed25519 key (expected PEM PKCS#8 or 32 raw bytes)")
        }
        return Array(der.suffix(Ed25519Signer.keyLength))
    }

    static func pem(privateKey: [UInt8]) -> String {
        "-----BEGIN PRIVATE KEY-----\n" + Data(pkcs8Prefix + privateKey).base64EncodedString() + "\n-----END PRIVATE KEY-----\n"
    }

    /// What `relais keys show` prints: the raw public key in base64 (what the collector registers).
    public static func publicKeyBase64(_ signer: Ed25519Signer) throws(CryptoError) -> String {
        Data(try signer.publicKey()).base64EncodedString()
    }

    /// The public key as PEM (`openssl pkey -pubin` reads it).
    public static func publicKeyPEM(_ signer: Ed25519Signer) throws(CryptoError) -> String {
        "-----BEGIN PUBLIC KEY-----\n" + Data(spkiPrefix + (try signer.publicKey())).base64EncodedString() + "\n-----END PUBLIC KEY-----\n"
    }

    private static func fileError(_ message: String) -> CryptoError {
        CryptoError(code: "key-file", message: "\(message): \(String(cString: strerror(errno)))")
    }
}
