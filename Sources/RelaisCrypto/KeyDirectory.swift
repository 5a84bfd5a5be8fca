import FoundationEssentials
import Glibc

/// The box's secret files, kept outside the database: root-only files in one directory
/// (`/etc/relais/keys`, 0700), each readable by the daemon only through systemd's `LoadCredential=`.
///
/// Layout (one file per secret, named as its systemd credential):
/// - `legal-log.keyring`: the legal log's AES-256 keys (``LegalKeyRing``);
/// - `device-hash.secret`: 32 random bytes, the key of the remembered devices' keyed hash;
/// - `report-signing.ed25519`: the box's Ed25519 key signing its statistics reports (PKCS#8 PEM).
/// Every read checks the file: missing, unreadable, readable by others, or malformed is a
/// ``KeyFileError``, and the caller refuses to go on; nothing falls back to clear text.
public struct KeyDirectory: Sendable, Equatable {
    public static let legalKeyRingName = "legal-log.keyring"
    public static let deviceHashSecretName = "device-hash.secret"
    public static let reportSigningKeyName = "report-signing.ed25519"
    /// Every file `keys init` creates, in the order of systemd's `LoadCredential=` lines.
    public static let allNames = [legalKeyRingName, deviceHashSecretName, reportSigningKeyName]
    /// Secrets `keys init` creates besides the key ring: 32 random bytes each.
    public static let secretNames = [deviceHashSecretName]
    public static let secretLength = 32

    public let path: String
    /// True for `$CREDENTIALS_DIRECTORY`: systemd grants the daemon's user access with an ACL, which
    /// shows in the group bits of the mode; only the bits for others are checked there.
    public let isSystemdCredentials: Bool

    public init(path: String, isSystemdCredentials: Bool = false) {
        self.path = path
        self.isSystemdCredentials = isSystemdCredentials
    }

    /// Where the daemon reads its keys: systemd's credentials directory when it runs as a unit with
    /// `LoadCredential=`, else the configured directory (development, tests, the root CLI).
    public static func forDaemon(configured: String, environment: [String: String]) -> KeyDirectory {
        if let credentials = environment["CREDENTIALS_DIRECTORY"], !credentials.isEmpty {
            return KeyDirectory(path: credentials, isSystemdCredentials: true)
        }
        return KeyDirectory(path: configured)
    }

    public func filePath(_ name: String) -> String { path + "/" + name }

    /// The legal log's key ring, checked.
    public func legalKeyRing() throws(KeyFileError) -> LegalKeyRing {
        let file = filePath(Self.legalKeyRingName)
        let bytes = try readChecked(file)
        return try LegalKeyRing(fileText: String(decoding: bytes, as: UTF8.self), path: file)
    }

    /// A 32-byte secret of this directory (e.g. ``deviceHashSecretName``), checked.
    public func secret(named name: String) throws(KeyFileError) -> [UInt8] {
        let file = filePath(name)
        let bytes = try readChecked(file)
        guard bytes.count == Self.secretLength else {
            throw .malformed(file, "\(bytes.count) octets au lieu de \(Self.secretLength)")
        }
        return bytes
    }

    /// The report signing key, checked (mode, size, form).
    public func reportSigner() throws(KeyFileError) -> Ed25519Signer {
        let file = filePath(Self.reportSigningKeyName)
        let bytes = try readChecked(file)
        do {
            return try Ed25519Signer(privateKey: Ed25519KeyFile.privateKey(in: bytes))
        } catch {
            throw .malformed(file, "\(error)")
        }
    }

    /// Reads a whole key file after checking it exists, is a regular file and is not open to others.
    func readChecked(_ file: String) throws(KeyFileError) -> [UInt8] {
        var info = stat()
        guard stat(file, &info) == 0 else {
            if errno == ENOENT { throw .missing(file) }
            throw KeyFileError(.unreadable, path: file, "fichier de clé inaccessible (\(Self.reason())) (key file unreadable)")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .malformed(file, "ce n'est pas un fichier ordinaire / not a regular file")
        }
        let forbidden: mode_t = isSystemdCredentials ? 0o007 : 0o077
        guard info.st_mode & forbidden == 0 else { throw .tooOpen(file, mode: UInt32(info.st_mode)) }
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw KeyFileError(.unreadable, path: file, "fichier de clé illisible (\(Self.reason())) (key file unreadable)")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw KeyFileError(.unreadable, path: file, "lecture impossible (\(Self.reason())) (read failed)")
            }
            if count == 0 { break }
            bytes += chunk.prefix(count)
            guard bytes.count <= 1 << 20 else { throw .malformed(file, "fichier trop grand / file too large") }
        }
        return bytes
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}
