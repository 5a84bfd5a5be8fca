import FoundationEssentials
import Glibc

/// Creating and replacing key files: root's work (`relais keys …`), never the daemon's.
extension KeyDirectory {
    /// What `keys init` did: the files it created; those already there are kept as they are.
    public struct Initialization: Sendable, Equatable {
        public var created: [String]
        public var kept: [String]
    }

    /// Creates the directory (0700) if needed, then every missing secret: the key ring with one key,
    /// each 32-byte secret, and the report signing key (Ed25519). An existing file is never overwritten (its loss would make the log
    /// unreadable); it is checked instead.
    public func initialize(random: (Int) throws -> [UInt8], now: Date) throws -> Initialization {
        try createDirectoryIfMissing()
        var result = Initialization(created: [], kept: [])
        if access(filePath(Self.legalKeyRingName), F_OK) == 0 {
            _ = try legalKeyRing()
            result.kept.append(Self.legalKeyRingName)
        } else {
            try writeKeyRing(.new(secret: try random(AES256GCM.keyLength), at: now))
            result.created.append(Self.legalKeyRingName)
        }
        for name in Self.secretNames {
            if access(filePath(name), F_OK) == 0 {
                _ = try secret(named: name)
                result.kept.append(name)
            } else {
                try writeAtomically(name, bytes: try random(Self.secretLength))
                result.created.append(name)
            }
        }
        if access(filePath(Self.reportSigningKeyName), F_OK) == 0 {
            _ = try reportSigner()
            result.kept.append(Self.reportSigningKeyName)
        } else {
            do {
                try Ed25519KeyFile.create(at: filePath(Self.reportSigningKeyName))
            } catch {
                throw KeyFileError(.write, path: filePath(Self.reportSigningKeyName), "\(error)")
            }
            result.created.append(Self.reportSigningKeyName)
        }
        return result
    }

    /// Replaces the key ring file atomically.
    public func writeKeyRing(_ ring: LegalKeyRing) throws(KeyFileError) {
        try writeAtomically(Self.legalKeyRingName, bytes: Array(ring.fileText.utf8))
    }

    /// Writes a temporary file (0600, created exclusively), fsyncs it, renames it over `name`, then
    /// fsyncs the directory: a crash leaves either the old file or the new one, whole.
    func writeAtomically(_ name: String, bytes: [UInt8]) throws(KeyFileError) {
        let target = filePath(name)
        let temporary = filePath(".\(name).tmp-\(getpid())")
        func failure(_ step: String) -> KeyFileError {
            KeyFileError(.write, path: target, "écriture impossible (\(step) : \(Self.reason())) (write failed)")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("open") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                close(descriptor); unlink(temporary)
                throw failure("write")
            }
            written += count
        }
        guard fchmod(descriptor, 0o600) == 0, fsync(descriptor) == 0 else {
            let error = failure("fsync"); close(descriptor); unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, target) == 0 else {
            let error = failure("rename"); unlink(temporary)
            throw error
        }
        let directory = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    func createDirectoryIfMissing() throws(KeyFileError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw KeyFileError(.malformed, path: path, "ce n'est pas un dossier / not a directory")
            }
            guard info.st_mode & 0o077 == 0 else { throw .tooOpen(path, mode: UInt32(info.st_mode)) }
            return
        }
        guard mkdir(path, 0o700) == 0, chmod(path, 0o700) == 0 else {
            throw KeyFileError(.write, path: path, "création du dossier impossible (\(Self.reason())) (cannot create directory)")
        }
    }
}
